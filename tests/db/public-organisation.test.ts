// The public organisation page's data (public_organisation): what anyone without an account may
// learn. The same facts for anon, an anonymous nickname account, an outsider and a member; nothing
// of an archived group, no activity that is not open to the public, cancelled or over; no name or
// nickname anywhere; a number of people only when it is 5 or more.
import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import { beforeAll, describe, expect, test } from 'vitest';
import { client, db, signUp, type Person } from '../support/platform';
import { joinedMember, makeGroup, type Group } from '../support/groups';
import { answered, createMeetup, inDays, joinedHost } from '../support/meetups';

/** A nickname no page text could hold by chance: if it shows up, a person leaked. */
const planted = `Zwaluw${randomUUID().slice(0, 6)}`;
const hostName = `Reiger${randomUUID().slice(0, 6)}`;

let slug: string;
let open: Group;
let host: Person;
let member: Person;
/** Active in another group of the same organisation, not in the one that holds the meetups. */
let neighbour: Person;
let archivedHost: Person;
const meetups: Record<string, string> = {};

interface Activity {
	id: string;
	title: string;
	capacity: number | null;
	full: boolean | null;
	coming: number | null;
	places_left: number | null;
	[key: string]: unknown;
}
interface PublicOrganisation {
	name: string;
	slug: string;
	groups: Array<{ id: string; name: string; join_policy: string }>;
	activities: Activity[];
	[key: string]: unknown;
}

async function publicOrganisation(sb: SupabaseClient, asked = slug) {
	const { data, error } = await sb.rpc('public_organisation', { slug: asked });
	expect(error).toBeNull();
	return data as PublicOrganisation | null;
}

async function anonymousAccount(): Promise<SupabaseClient> {
	const { data, error } = await client().auth.signInAnonymously({
		options: { data: { nickname: 'Gast' } }
	});
	expect(error).toBeNull();
	return client(data.session!.access_token);
}

/** A group of the same organisation, made directly as the organisation's admin would. */
async function siblingGroup(
	organisationId: string,
	name: string,
	joinPolicy: string
): Promise<string> {
	const { rows } = await db().query<{ id: string }>(
		`insert into public.groups (organisation_id, name, slug, description, rules, join_policy)
		values ($1, $2, $3, 'Een groep.', 'We luisteren.', $4) returning id`,
		[organisationId, name, `g-${randomUUID().slice(0, 8)}`, joinPolicy]
	);
	return rows[0].id;
}

beforeAll(async () => {
	open = await makeGroup({ joinPolicy: 'request', name: 'Praatgroep Open' });
	const { rows } = await db().query<{ slug: string }>(
		`update public.organisations set description = 'Wij zijn een vereniging waar armen het woord nemen.',
			address = 'Kerkstraat 1, 9000 Gent', contact = 'info@voorbeeld.be', colour = '#7a2e8c',
			initials = 'VB', languages = '{nl,fr}'
		where id = $1 returning slug`,
		[open.organisationId]
	);
	slug = rows[0].slug;
	host = await joinedHost(open.id, hostName);
	member = await joinedMember(open.id, planted);

	meetups.public = await createMeetup(host, open.id, {
		open_to: 'public',
		title: 'Open soep',
		capacity: 6
	});
	meetups.crowded = await createMeetup(host, open.id, {
		open_to: 'public',
		title: 'Open wandeling',
		capacity: 7,
		starts_at: inDays(8),
		ends_at: inDays(8, 2)
	});
	meetups.organisation = await createMeetup(host, open.id, {
		open_to: 'organisation',
		title: 'Enkel organisatie'
	});
	meetups.group = await createMeetup(host, open.id, { open_to: 'group', title: 'Enkel groep' });
	meetups.cancelled = await createMeetup(host, open.id, {
		open_to: 'public',
		title: 'Afgelast uitje'
	});
	await db().query(`update public.meetups set status = 'cancelled' where id = $1`, [
		meetups.cancelled
	]);
	meetups.over = await createMeetup(host, open.id, { open_to: 'public', title: 'Voorbij uitje' });
	await db().query(
		`update public.meetups set starts_at = now() - interval '3 hours', ends_at = now() - interval '1 hour' where id = $1`,
		[meetups.over]
	);

	// An archived group of the same organisation, with a public meetup made while it was live.
	const archived = await siblingGroup(open.organisationId, 'Oude groep', 'request');
	archivedHost = await joinedHost(archived, 'Archiefhost');
	meetups.archived = await createMeetup(archivedHost, archived, {
		open_to: 'public',
		title: 'Uitje van een oude groep'
	});
	meetups.archivedOrganisation = await createMeetup(archivedHost, archived, {
		open_to: 'organisation',
		title: 'Organisatie-uitje van een oude groep'
	});
	await db().query(`update public.groups set archived_at = now() where id = $1`, [archived]);

	// A group one joins only with an invite: not listed, though its public activity is.
	const closed = await siblingGroup(open.organisationId, 'Besloten groep', 'invite_only');
	const closedHost = await joinedHost(closed, 'Beslotenhost');
	neighbour = closedHost;
	meetups.closed = await createMeetup(closedHost, closed, {
		open_to: 'public',
		title: 'Open dag'
	});

	// A group anyone with the link joins at once, no moderator asked: not offered to the whole web.
	await siblingGroup(open.organisationId, 'Vrije groep', 'open');

	// Two places, both taken: the capacity and 'full' together would tell that exactly 2 come.
	meetups.tiny = await createMeetup(host, open.id, {
		open_to: 'public',
		title: 'Klein uitje',
		capacity: 2,
		starts_at: inDays(9),
		ends_at: inDays(9, 2)
	});
	await answered(member, meetups.tiny, 'going');
	await answered(host, meetups.tiny, 'going');

	// Four come to one public meetup (under 5: no number), five to the other.
	await answered(member, meetups.public, 'going');
	await answered(host, meetups.public, 'going');
	for (const name of ['Een', 'Twee']) {
		await answered(await joinedMember(open.id, `Lid ${name}`), meetups.public, 'going');
	}
	for (const name of ['Drie', 'Vier', 'Vijf', 'Zes', 'Zeven']) {
		await answered(await joinedMember(open.id, `Lid ${name}`), meetups.crowded, 'going');
	}
});

describe('the public organisation page', () => {
	test('anon, an anonymous account, an outsider and a member all learn the same public facts', async () => {
		const seen = await publicOrganisation(client());
		expect(seen).not.toBeNull();
		expect(seen!.name).toMatch(/^Organisatie /);
		expect(seen).toMatchObject({
			slug,
			description: 'Wij zijn een vereniging waar armen het woord nemen.',
			address: 'Kerkstraat 1, 9000 Gent',
			contact: 'info@voorbeeld.be',
			languages: ['nl', 'fr'],
			colour: '#7a2e8c',
			initials: 'VB'
		});
		for (const [who, sb] of [
			['anonymous account', await anonymousAccount()],
			['outsider', (await signUp('Buiten')).client],
			['member', member.client]
		] as const) {
			expect(await publicOrganisation(sb), who).toEqual(seen);
		}
	});

	test('lists live groups that take join requests, not an open, archived or invite-only one', async () => {
		const { groups } = (await publicOrganisation(client()))!;
		expect(groups.map((group) => group.name)).toEqual(['Praatgroep Open']);
		expect(groups[0]).toMatchObject({ id: open.id, join_policy: 'request' });
	});

	test('shows only scheduled public activities to come, none of an archived group', async () => {
		const { activities } = (await publicOrganisation(client()))!;
		expect(activities.map((activity) => activity.id).sort()).toEqual(
			[meetups.public, meetups.crowded, meetups.tiny, meetups.closed].sort()
		);
		for (const hidden of ['organisation', 'group', 'cancelled', 'over', 'archived']) {
			expect(JSON.stringify(activities), hidden).not.toContain(meetups[hidden]);
		}
		expect(activities[0]).toMatchObject({
			title: 'Open soep',
			place: 'Buurthuis De Kring, Kerkstraat 12, Gent',
			childcare: true,
			wheelchair_access: true,
			transport_help: false,
			languages: ['nl', 'fr']
		});
	});

	test('tells how many come only when 5 or more, and places left only then', async () => {
		const { activities } = (await publicOrganisation(client()))!;
		const few = activities.find((activity) => activity.id === meetups.public)!;
		expect(few).toMatchObject({ capacity: 6, full: false, coming: null, places_left: null });
		const many = activities.find((activity) => activity.id === meetups.crowded)!;
		expect(many).toMatchObject({ capacity: 7, full: false, coming: 5, places_left: 2 });
	});

	test('leaves out the capacity and whether it is full when fewer than 5 places', async () => {
		const { activities } = (await publicOrganisation(client()))!;
		const tiny = activities.find((activity) => activity.id === meetups.tiny)!;
		expect(tiny).toMatchObject({ capacity: null, full: null, coming: null, places_left: null });
	});

	test('meetup_counts tells only members of the group how many when under 5', async () => {
		const counts = async (sb: SupabaseClient, meetup: string) => {
			const { data, error } = await sb.rpc('meetup_counts', { meetup });
			expect(error).toBeNull();
			return data;
		};
		const hidden = [{ going: null, maybe: null, waiting: null }];
		for (const [who, sb] of [
			['anon', client()],
			['anonymous account', await anonymousAccount()],
			['outsider', (await signUp('Buiten')).client],
			['member of another group of the organisation', neighbour.client]
		] as const) {
			expect(await counts(sb, meetups.public), who).toEqual(hidden);
			expect(await counts(sb, meetups.crowded), who).toEqual([
				{ going: 5, maybe: null, waiting: null }
			]);
		}
		expect(await counts(member.client, meetups.public)).toEqual([
			{ going: 4, maybe: 0, waiting: 0 }
		]);
		expect(await counts(host.client, meetups.tiny)).toEqual([{ going: 2, maybe: 0, waiting: 0 }]);
	});

	test("the API serves an archived group's meetups to its own members only", async () => {
		const archivedMeetups = [meetups.archived, meetups.archivedOrganisation];
		const read = async (sb: SupabaseClient) => {
			const { data, error } = await sb.from('meetups').select('id').in('id', archivedMeetups);
			expect(error).toBeNull();
			return (data ?? []).map((row: { id: string }) => row.id).sort();
		};
		for (const [who, sb] of [
			['anon', client()],
			['outsider', (await signUp('Buiten')).client],
			['member of another group of the organisation', member.client]
		] as const) {
			expect(await read(sb), who).toEqual([]);
		}
		expect(await read(archivedHost.client)).toEqual([...archivedMeetups].sort());
	});

	test('holds no nickname, no person, and not which group holds an activity', async () => {
		const text = JSON.stringify(await publicOrganisation(client()));
		for (const secret of [planted, hostName, 'Lid Een', 'Archiefhost', host.id, member.id]) {
			expect(text).not.toContain(secret);
		}
		for (const activity of (await publicOrganisation(client()))!.activities) {
			expect(Object.keys(activity)).not.toContain('group_id');
			expect(JSON.stringify(activity)).not.toContain(open.id);
		}
	});

	test('the demo organisation shows its open coffee morning and the group one may ask to join', async () => {
		const demo = (await publicOrganisation(client(), 'samen-sterk'))!;
		expect(demo.groups.map((group) => group.name)).toEqual(['Groupe de parole Bruxelles']);
		expect(demo.activities.map((activity) => activity.title)).toEqual([
			'Open koffieochtend: vragen over je energiefactuur'
		]);
		const text = JSON.stringify(demo);
		for (const nickname of [
			'Karim',
			'Sofie',
			'Ahmed',
			'Grace',
			'Fatou',
			'Lucie',
			'Nadia',
			'Maria'
		]) {
			expect(text).not.toContain(nickname);
		}
	});

	test('an unknown organisation is null', async () => {
		expect(await publicOrganisation(client(), 'bestaat-niet')).toBeNull();
	});

	test('the sitemap lists the organisation', async () => {
		const { data, error } = await client().rpc('public_sitemap');
		expect(error).toBeNull();
		expect((data as Array<{ slug: string }>).map((row) => row.slug)).toContain(slug);
	});
});
