// The meetup screens' page functions (issue 9): each screen reads what it shows in one call.
// Who gets a page is written down as a matrix, as for the functions that write; then what each
// page holds, and that reading a page writes nothing.
import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import { beforeAll, describe, expect, test } from 'vitest';
import { client, db, signUp, type Person } from '../support/platform';
import {
	joinedMember,
	joinedModerator,
	makeGroup,
	makeInvite,
	membershipId
} from '../support/groups';
import { answered, createMeetup, inDays, joinedHost, meetupFields } from '../support/meetups';

const roles = [
	'anonymous',
	'outsider',
	'orgMember',
	'orgModerator',
	'removedMember',
	'removedHost',
	'member',
	'host',
	'moderator'
] as const;
type Role = (typeof roles)[number];

// ok: the page's data · -: no page (null, or for a signed-out visitor not callable at all).
// orgMember and orgModerator are active in another group of the same organisation.
const matrix = `
page                        anonymous outsider orgMember orgModerator removedMember removedHost member host moderator
page_meetup(group)          -         -        -         -            -             -           ok     ok   ok
page_meetup(organisation)   -         -        ok        ok           -             -           ok     ok   ok
page_meetup(public)         -         ok       ok        ok           ok            ok          ok     ok   ok
page_meetup_edit            -         -        -         -            -             -           -      ok   ok
page_host_view              -         -        -         -            -             -           -      ok   ok
page_group_meetups          -         -        -         -            -             -           ok     ok   ok
`;

/** A second group in the organisation of the first, and someone active in it. */
async function siblingGroup(organisationId: string): Promise<string> {
	const slug = `t-${randomUUID().slice(0, 8)}`;
	const { rows } = await db().query<{ id: string }>(
		`insert into public.groups (organisation_id, name, slug) values ($1, $2, $3) returning id`,
		[organisationId, `Buurgroep ${slug}`, slug]
	);
	return rows[0].id;
}

async function removed(moderator: Person, groupId: string, person: Person) {
	const { error } = await moderator.client.rpc('remove_member', {
		member: await membershipId(groupId, person.id)
	});
	expect(error).toBeNull();
}

/** Calls a page function and says whether the page came back for that meetup or group. */
type Cell = (sb: SupabaseClient, role: Role) => Promise<boolean>;

let clients: Record<Role, SupabaseClient>;
let cells: Record<string, Cell>;

beforeAll(async () => {
	const group = await makeGroup();
	const host = await joinedHost(group.id, 'Host');
	const moderator = await joinedModerator(group.id, 'Moderator');
	const member = await joinedMember(group.id, 'Member');
	const removedMember = await joinedMember(group.id, 'Removed member');
	const removedHost = await joinedHost(group.id, 'Removed host');
	const sibling = await siblingGroup(group.organisationId);
	const orgMember = await joinedMember(sibling, 'Org member');
	const orgModerator = await joinedModerator(sibling, 'Org moderator');
	const outsider = await signUp('Outsider');

	const meetups = {
		group: await createMeetup(host, group.id, { open_to: 'group' }),
		organisation: await createMeetup(host, group.id, { open_to: 'organisation' }),
		public: await createMeetup(host, group.id, { open_to: 'public' })
	};
	await removed(moderator, group.id, removedMember);
	await removed(moderator, group.id, removedHost);

	clients = {
		anonymous: client(),
		outsider: outsider.client,
		orgMember: orgMember.client,
		orgModerator: orgModerator.client,
		removedMember: removedMember.client,
		removedHost: removedHost.client,
		member: member.client,
		host: host.client,
		moderator: moderator.client
	};

	const page =
		(fn: string, args: Record<string, string>, shows: (data: never) => boolean): Cell =>
		async (sb, role) => {
			const { data, error } = await sb.rpc(fn, args);
			if (role === 'anonymous') {
				// Not granted to signed-out visitors at all.
				expect(error?.code).toBe('42501');
				return false;
			}
			// A refusal is an empty page, never an error (that would be a 503).
			expect(error).toBeNull();
			return data !== null && shows(data as never);
		};
	const meetupPage = (meetup: string) =>
		page('page_meetup', { target_meetup: meetup }, (data: { id: string }) => data.id === meetup);
	// The organisation-wide meetup: people of the sibling group see it, but do not host it.
	cells = {
		'page_meetup(group)': meetupPage(meetups.group),
		'page_meetup(organisation)': meetupPage(meetups.organisation),
		'page_meetup(public)': meetupPage(meetups.public),
		page_meetup_edit: page(
			'page_meetup_edit',
			{ target_meetup: meetups.organisation },
			(data: { id: string }) => data.id === meetups.organisation
		),
		page_host_view: page(
			'page_host_view',
			{ target_meetup: meetups.organisation },
			(data: { meetup: { id: string } }) => data.meetup.id === meetups.organisation
		),
		page_group_meetups: page(
			'page_group_meetups',
			{ target_group: group.id },
			(data: Array<{ id: string }>) =>
				Object.values(meetups).every((id) => data.some((card) => card.id === id))
		)
	};
});

const [header, ...lines] = matrix.trim().split('\n');
const outcomes = lines.flatMap((line) => {
	const [fn, ...allowed] = line.trim().split(/\s+/);
	return roles.map((role, i) => ({ fn, role, allowed: allowed[i] === 'ok' }));
});

test('the matrix names every kind of person once per page', () => {
	expect(header.trim().split(/\s+/).slice(1)).toEqual([...roles]);
	for (const line of lines) expect(line.trim().split(/\s+/)).toHaveLength(roles.length + 1);
});

describe.each([...new Set(outcomes.map((cell) => cell.fn))])('%s', (fn) => {
	test.each(outcomes.filter((cell) => cell.fn === fn))(
		'for $role: page = $allowed',
		async ({ role, allowed }) => {
			expect(await cells[fn](clients[role], role)).toBe(allowed);
		}
	);
});

describe('what the pages hold', () => {
	test('the meetup page: the meetup, its group, the counts, my answer and my place in the queue', async () => {
		const group = await makeGroup({ name: 'Praatgroep Aalst' });
		const host = await joinedHost(group.id);
		const meetup = await createMeetup(host, group.id, { capacity: 1, languages: ['nl', 'ar'] });
		const first = await joinedMember(group.id, 'Eerste');
		const second = await joinedMember(group.id, 'Tweede');
		await answered(first, meetup, 'going', { note: 'Met de buggy.' });
		await answered(second, meetup, 'going', { childcare_children: 2 });

		const { data, error } = await second.client.rpc('page_meetup', { target_meetup: meetup });
		expect(error).toBeNull();
		expect(data).toMatchObject({
			id: meetup,
			group_id: group.id,
			group_name: 'Praatgroep Aalst',
			title: 'Soep en babbel',
			languages: ['nl', 'ar'],
			capacity: 1,
			going: 1,
			maybe: 0,
			waiting: 1,
			my_status: 'waiting',
			my_waiting_place: 1,
			my_childcare_children: 2,
			i_am_member: true,
			i_host: false
		});
		// Nobody else's answer comes along.
		expect(JSON.stringify(data)).not.toContain('buggy');
		const { data: hosting } = await host.client.rpc('page_meetup', { target_meetup: meetup });
		expect(hosting).toMatchObject({ i_host: true, my_status: null });
	});

	test('the edit page: the meetup with its group and its series, or no series for a one-off', async () => {
		const group = await makeGroup({ name: 'Praatgroep Lier' });
		const host = await joinedHost(group.id);
		const until = inDays(21).slice(0, 10);
		const { data: first, error } = await host.client.rpc('create_meetup_series', {
			client_id: randomUUID(),
			target_group: group.id,
			...meetupFields({ cost: '2 euro' }),
			repeat: 'weekly',
			repeat_until: until
		});
		expect(error).toBeNull();
		const { data } = await host.client.rpc('page_meetup_edit', { target_meetup: first });
		expect(data).toMatchObject({
			id: first,
			group_id: group.id,
			group_name: 'Praatgroep Lier',
			cost: '2 euro',
			status: 'scheduled',
			series: { repeat: 'weekly', repeat_until: until }
		});
		const oneOff = await createMeetup(host, group.id);
		const { data: single } = await host.client.rpc('page_meetup_edit', { target_meetup: oneOff });
		expect(single).toMatchObject({ id: oneOff, series_id: null, series: null });
	});

	test('the host view: every answer with its needs, the queue in order, who is here, the active members', async () => {
		const group = await makeGroup();
		const host = await joinedHost(group.id, 'Gastvrouw');
		const moderator = await joinedModerator(group.id, 'Begeleider');
		const meetup = await createMeetup(host, group.id, { capacity: 1, open_to: 'organisation' });
		const anna = await joinedMember(group.id, 'Anna');
		const bert = await joinedMember(group.id, 'Bert');
		const cleo = await joinedMember(group.id, 'Cleo');
		const gone = await joinedMember(group.id, 'Weg');
		const sibling = await siblingGroup(group.organisationId);
		const neighbour = await joinedMember(sibling, 'Buur');
		await answered(anna, meetup, 'going', { childcare_children: 2, note: 'Met de buggy.' });
		await answered(cleo, meetup, 'going', { transport_help: true });
		await answered(bert, meetup, 'going', { cost_is_a_problem: true });
		await answered(neighbour, meetup, 'maybe');
		await answered(gone, meetup, 'maybe');
		await removed(moderator, group.id, gone);
		const { error: checked } = await host.client.rpc('check_in', {
			meetup,
			member: await membershipId(group.id, anna.id)
		});
		expect(checked).toBeNull();

		const { data, error } = await host.client.rpc('page_host_view', { target_meetup: meetup });
		expect(error).toBeNull();
		expect(data.meetup).toMatchObject({ id: meetup, open_to: 'organisation', series: null });
		const answers = data.answers as Array<Record<string, unknown>>;
		expect(answers.map((row) => [row.nickname, row.status])).toEqual([
			// The waiting list first, in the order people joined it; then everyone else by time.
			['Cleo', 'waiting'],
			['Bert', 'waiting'],
			['Anna', 'going'],
			// Someone of another group answered: the host does not learn their name.
			[null, 'maybe']
		]);
		expect(answers[2]).toMatchObject({
			member_id: await membershipId(group.id, anna.id),
			role: 'member',
			without_phone: false,
			childcare_children: 2,
			note: 'Met de buggy.'
		});
		expect(answers[3]).toMatchObject({ role: null, without_phone: false });
		expect(answers[0]).toMatchObject({ transport_help: true });
		expect(answers[1]).toMatchObject({ cost_is_a_problem: true });
		expect(data.checked_in).toEqual([await membershipId(group.id, anna.id)]);
		// The check-in list: active members only; whoever was removed is not on it.
		expect(
			(data.members as Array<{ nickname: string; role: string }>).map(
				(row) => `${row.nickname} (${row.role})`
			)
		).toEqual([
			'Anna (member)',
			'Begeleider (moderator)',
			'Bert (member)',
			'Cleo (member)',
			'Gastvrouw (host)'
		]);
	});

	test("the group's meetups: only what is still to come, soonest first", async () => {
		const group = await makeGroup();
		const host = await joinedHost(group.id);
		const later = await createMeetup(host, group.id, {
			starts_at: inDays(9),
			ends_at: inDays(9, 2)
		});
		const sooner = await createMeetup(host, group.id, {
			starts_at: inDays(2),
			ends_at: inDays(2, 2)
		});
		const over = await createMeetup(host, group.id);
		await db().query('update public.meetups set starts_at = $2, ends_at = $3 where id = $1', [
			over,
			inDays(-3),
			inDays(-3, 2)
		]);
		const { data, error } = await host.client.rpc('page_group_meetups', { target_group: group.id });
		expect(error).toBeNull();
		expect((data as Array<{ id: string }>).map((card) => card.id)).toEqual([sooner, later]);

		// A group with nothing planned is an empty list, not a missing page.
		const quiet = await makeGroup();
		const member = await signUp('Nieuw');
		const { error: joined } = await member.client.rpc('accept_invite', {
			invite_code: await makeInvite(quiet.id),
			nickname: 'Nieuw',
			accept_rules: true
		});
		expect(joined).toBeNull();
		const { data: none } = await member.client.rpc('page_group_meetups', {
			target_group: quiet.id
		});
		expect(none).toEqual([]);
	});
});

describe('reading a page writes nothing', () => {
	const pages = ['page_meetup', 'page_meetup_edit', 'page_host_view', 'page_group_meetups'];

	// PostgREST runs a stable function in a read-only transaction, so a write would fail there.
	test('every page function is stable', async () => {
		const { rows } = await db().query<{ name: string; volatility: string }>(
			`select p.proname as name, p.provolatile as volatility from pg_catalog.pg_proc p
			where p.pronamespace = 'public'::regnamespace and p.proname = any ($1) order by 1`,
			[pages]
		);
		expect(rows).toEqual([...pages].sort().map((name) => ({ name, volatility: 's' })));
	});

	test('a host opening every meetup page starts no write transaction', async () => {
		const group = await makeGroup();
		const host = await joinedHost(group.id);
		const meetup = await createMeetup(host, group.id);
		const connection = await db().connect();
		try {
			await connection.query('begin');
			await connection.query(`select set_config('request.jwt.claims', $1, true)`, [
				JSON.stringify({ sub: host.id, role: 'authenticated' })
			]);
			await connection.query('set local role authenticated');
			const { rows } = await connection.query(
				`select public.page_meetup($1) is not null as meetup,
					public.page_meetup_edit($1) is not null as edit,
					public.page_host_view($1) is not null as host_view,
					public.page_group_meetups($2) is not null as meetups,
					txid_current_if_assigned() as transaction`,
				[meetup, group.id]
			);
			expect(rows[0]).toEqual({
				meetup: true,
				edit: true,
				host_view: true,
				meetups: true,
				transaction: null
			});
		} finally {
			await connection.query('rollback');
			connection.release();
		}
	});
});
