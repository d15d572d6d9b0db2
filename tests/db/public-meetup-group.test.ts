// A meetup open to the public is readable by anyone, but which group made it is for the people of
// that organisation: someone who only started with a nickname (an anonymous account in no group),
// or an outsider, must not learn the group's id or name through any door PostgREST opens.
import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import { beforeAll, describe, expect, test } from 'vitest';
import { client, db, signUp } from '../support/platform';
import { joinedMember, makeGroup } from '../support/groups';
import { createMeetup, inDays, joinedHost } from '../support/meetups';

let group: { id: string; organisationId: string };
let publicMeetup: string;
let seriesMeetup: string;
const groupName = `Praatgroep ${randomUUID().slice(0, 6)}`;

async function anonymousAccount(): Promise<SupabaseClient> {
	const sb = client();
	const { data, error } = await sb.auth.signInAnonymously({
		options: { data: { nickname: 'Gast' } }
	});
	expect(error).toBeNull();
	expect(data.user?.is_anonymous).toBe(true);
	return client(data.session!.access_token);
}

/** Every value in what came back, however deep: the group must be none of them. */
function valuesIn(data: unknown): unknown[] {
	if (data === null || typeof data !== 'object') return [data];
	return Object.values(data).flatMap(valuesIn);
}

beforeAll(async () => {
	group = await makeGroup({ name: groupName });
	const host = await joinedHost(group.id, 'Gastvrouw');
	publicMeetup = await createMeetup(host, group.id, { open_to: 'public', title: 'Open picknick' });
	const { error } = await host.client.rpc('create_meetup_series', {
		client_id: randomUUID(),
		target_group: group.id,
		title: 'Open wandeling',
		description: '',
		starts_at: inDays(3),
		ends_at: inDays(3, 2),
		place: 'Citadelpark',
		online_url: null,
		cost: null,
		childcare: false,
		transport_help: false,
		wheelchair_access: true,
		languages: ['nl'],
		open_to: 'public',
		capacity: null,
		repeat: 'weekly',
		repeat_until: inDays(30).slice(0, 10)
	});
	expect(error).toBeNull();
	const { rows } = await db().query(
		`select id from public.meetups where group_id = $1 and series_id is not null order by starts_at limit 1`,
		[group.id]
	);
	seriesMeetup = rows[0].id;
});

describe("a public meetup's group", () => {
	test('is not told to an anonymous account or an outsider, while the meetup itself is', async () => {
		for (const [who, sb] of [
			['anonymous account', await anonymousAccount()],
			['outsider', (await signUp('Buiten')).client]
		] as const) {
			const cards = await sb.rpc('meetup_cards', { only_meetup: publicMeetup });
			expect(cards.error, who).toBeNull();
			expect(cards.data, who).toHaveLength(1);
			expect(cards.data[0].title, who).toBe('Open picknick');
			expect(cards.data[0].group_id, who).toBeNull();
			expect(cards.data[0].group_name, who).toBeNull();

			const page = await sb.rpc('page_meetup', { target_meetup: publicMeetup });
			expect(page.error, who).toBeNull();
			expect(page.data.title, who).toBe('Open picknick');
			expect(page.data.group_id, who).toBeNull();
			expect(page.data.group_name, who).toBeNull();

			const listed = await sb.rpc('meetup_cards', { max_rows: 50 });
			expect(listed.error, who).toBeNull();
			const ours = listed.data.filter((card: { id: string }) => card.id === publicMeetup);
			expect(ours, who).toHaveLength(1);
			expect(valuesIn(listed.data), who).not.toContain(group.id);
			expect(valuesIn(listed.data), who).not.toContain(groupName);

			const row = await sb.from('meetups').select('id, title').eq('id', publicMeetup);
			expect(row.error, who).toBeNull();
			expect(row.data, who).toEqual([{ id: publicMeetup, title: 'Open picknick' }]);
			const column = await sb.from('meetups').select('group_id').eq('id', publicMeetup);
			expect(column.data ?? [], who).toEqual([]);

			const series = await sb.from('meetups').select('series_id').eq('id', seriesMeetup).single();
			expect(series.error, who).toBeNull();
			const seriesGroup = await sb
				.from('meetup_series')
				.select('group_id')
				.eq('id', series.data!.series_id);
			expect(seriesGroup.data ?? [], who).toEqual([]);
		}
	});

	test('is told to the people of the organisation', async () => {
		const member = await joinedMember(group.id, 'Lid van hier');
		const sibling = await db().query(
			`insert into public.groups (organisation_id, name, slug) values ($1, 'Zustergroep', $2) returning id`,
			[group.organisationId, `zus-${randomUUID().slice(0, 8)}`]
		);
		const neighbour = await joinedMember(sibling.rows[0].id, 'Buur');
		for (const [who, sb] of [
			['member', member.client],
			['member of a sibling group', neighbour.client]
		] as const) {
			const page = await sb.rpc('page_meetup', { target_meetup: publicMeetup });
			expect(page.error, who).toBeNull();
			expect([page.data.group_id, page.data.group_name], who).toEqual([group.id, groupName]);
		}
	});
});
