// What is read beside the inclusion signals (issue 11): what a member sees about themself
// ("Wat Kring over mij bijhoudt": only signals about them, never another member's id, a closed
// circle by its size only, nothing once they opted out but still the actions about them), and
// for the group's moderators the 12-week trend, who opted out and their screen in one call. History
// is planted with the superuser, days ago; everything is read through the API.
import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import { beforeAll, describe, expect, test } from 'vitest';
import { client, db, signUp, type Person } from '../support/platform';
import { joinedMember, joinedModerator, makeGroup, membershipId } from '../support/groups';
import { joinedHost } from '../support/meetups';

const day = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * day);
const sql = (text: string, values: unknown[] = []) => db().query(text, values);

interface Member {
	member: string;
	user: string;
}

interface MyGroup {
	id: string;
	name: string;
	signals_opt_out: boolean;
	signals: {
		kind: string;
		post: string | null;
		since: string;
		evidence: Record<string, unknown>;
	}[];
	actions: {
		kind: string;
		created_at: string;
		meetup: { id: string; title: string } | null;
		post: string | null;
	}[];
}

let group: string;
let moderator: Person;
let moderatorMember: string;
let noor: Person & Member;
let circle: (Person & Member)[];
let sara: Person & Member;
let regulars: Member[];
let noorPosts: string[];
let invitedTo: string;

async function signedIn(name: string): Promise<Person & Member> {
	const person = await joinedMember(group, name);
	const member = await membershipId(group, person.id);
	await sql('update public.group_members set joined_at = $2 where id = $1', [member, ago(200)]);
	return { ...person, member, user: person.id };
}

/** A member planted with SQL only (no session needed). */
async function planted(nickname: string): Promise<Member> {
	const user = randomUUID();
	await sql('insert into auth.users (id, email) values ($1, $2)', [user, `${user}@kring.test`]);
	const { rows } = await sql(
		`insert into public.group_members (group_id, user_id, role, status, nickname, joined_at,
			rules_accepted_at)
		values ($1, $2, 'member', 'active', $3, $4, $4) returning id`,
		[group, user, nickname, ago(200)]
	);
	return { member: rows[0].id, user };
}

async function postBy(author: { user: string }, daysAgo: number): Promise<string> {
	const { rows } = await sql(
		`with p as (
			insert into public.posts (group_id, author_id, kind, body, created_at)
			values ($1, $2, 'question', 'Weet iemand waar de voedselbank nu zit?', $3) returning id)
		insert into public.post_authors (post_id, author_id, client_id, created_at)
		select id, $2, gen_random_uuid(), $3 from p returning post_id`,
		[group, author.user, ago(daysAgo)]
	);
	return rows[0].post_id;
}

async function answerBy(author: { user: string }, post: string, daysAgo: number) {
	await sql(
		`with c as (
			insert into public.comments (post_id, group_id, author_id, body, created_at)
			values ($1, $2, $3, 'Aan het station', $4) returning id)
		insert into public.comment_authors (comment_id, author_id, client_id, created_at)
		select id, $3, gen_random_uuid(), $4 from c`,
		[post, group, author.user, ago(daysAgo)]
	);
}

async function reactBy(by: { user: string }, post: string, daysAgo: number) {
	await sql(
		`insert into public.reactions (group_id, post_id, user_id, kind, client_id, created_at)
		values ($1, $2, $3, 'support', gen_random_uuid(), $4)`,
		[group, post, by.user, ago(daysAgo)]
	);
}

async function meetup(daysAgo: number, title = 'Praatcafé'): Promise<string> {
	const { rows } = await sql(
		`insert into public.meetups (group_id, title, starts_at, ends_at, place)
		values ($1, $2, $3, $3::timestamptz + interval '2 hours', 'Buurthuis') returning id`,
		[group, title, ago(daysAgo)]
	);
	return rows[0].id;
}

async function action(about: Member, kind: string, meetupId: string | null = null) {
	await sql(
		`insert into public.inclusion_actions (group_id, member_id, kind, meetup_id, moderator_id)
		values ($1, $2, $3, $4, $5)`,
		[group, about.member, kind, meetupId, moderator.id]
	);
}

const mine = async (sb: SupabaseClient) => {
	const { data, error } = await sb.rpc('my_inclusion');
	expect(error).toBeNull();
	return data as { groups: MyGroup[] };
};

/** Every membership id and user id of the group but the ones given. */
async function othersThan(...people: Member[]): Promise<string[]> {
	const { rows } = await sql('select id, user_id from public.group_members where group_id = $1', [
		group
	]);
	const own = new Set(people.flatMap((p) => [p.member, p.user]));
	return rows.flatMap((r) => [r.id, r.user_id]).filter((id) => id && !own.has(id));
}

beforeAll(async () => {
	group = (await makeGroup()).id;
	moderator = await joinedModerator(group, 'Begeleider');
	moderatorMember = await membershipId(group, moderator.id);
	await sql('update public.group_members set joined_at = $2 where id = $1', [
		moderatorMember,
		ago(300)
	]);

	// Eight regulars who answer and react to each other and come to the weekly meetup with the
	// moderator: all tied to one another, so none of them is in a closed circle.
	regulars = [];
	for (let i = 0; i < 8; i++) regulars.push(await planted(`Vaste ${i + 1}`));
	for (let i = 0; i < regulars.length; i++) {
		const post = await postBy(regulars[i], 3 + i);
		await answerBy(regulars[(i + 1) % 8], post, 2 + i);
		await reactBy(regulars[(i + 2) % 8], post, 2 + i);
	}
	for (const week of [0, 1, 2]) {
		const id = await meetup(2 + week * 7);
		for (const person of [{ member: moderatorMember }, ...regulars]) {
			await sql('insert into public.attendance (meetup_id, member_id) values ($1, $2)', [
				id,
				person.member
			]);
		}
	}

	// Noor's two posts this month: no one answers or reacts.
	noor = await signedIn('Noor');
	noorPosts = [await postBy(noor, 5), await postBy(noor, 10)];

	// A circle of four who only answer and react to each other.
	circle = [];
	for (let i = 0; i < 4; i++) circle.push(await signedIn(`Kring ${i + 1}`));
	for (let i = 0; i < 4; i++) {
		const post = await postBy(circle[i], 4 + i);
		for (const other of circle.filter((_, j) => j !== i)) await reactBy(other, post, 3 + i);
		await answerBy(circle[(i + 1) % 4], post, 3 + i);
	}

	// Sara's posts go unanswered too, but she asked not to be in the signals.
	sara = await signedIn('Sara');
	await postBy(sara, 6);
	await postBy(sara, 8);
	const { error } = await sara.client.rpc('set_signals_opt_out', {
		target_group: group,
		opt_out: true
	});
	expect(error).toBeNull();

	// What the moderators did: a check-in with Sara, an invitation for Noor.
	invitedTo = await meetup(-5, 'Wandeling');
	await action(sara, 'check_in');
	await action(noor, 'meetup_invite', invitedTo);
}, 120_000);

describe('what a member sees about themself', () => {
	test('a member sees the signals about them, and no one else in them', async () => {
		const { groups } = await mine(noor.client);
		expect(groups.map((g) => g.id)).toEqual([group]);
		const [here] = groups;
		expect(here.signals_opt_out).toBe(false);
		expect(here.signals.map((s) => s.kind).sort()).toEqual([
			'isolated',
			'not_reached',
			'unanswered_post',
			'unanswered_post'
		]);
		expect(
			here.signals
				.filter((s) => s.post)
				.map((s) => s.post)
				.sort()
		).toEqual([...noorPosts].sort());
		const text = JSON.stringify(groups);
		for (const id of await othersThan(noor)) expect(text).not.toContain(id);
	});

	test('a closed circle tells its member how many, never who', async () => {
		const { groups } = await mine(circle[0].client);
		const signals = groups[0].signals;
		expect(signals.map((s) => s.kind)).toEqual(['closed_circle']);
		expect(signals[0].evidence).toEqual({ size: 4, days: 60 });
		const text = JSON.stringify(groups);
		for (const id of await othersThan(circle[0])) expect(text).not.toContain(id);
	});

	test('the moderators see the circle by its members all the same', async () => {
		const { data, error } = await moderator.client.rpc('inclusion_signals', {
			target_group: group
		});
		expect(error).toBeNull();
		const rows = data as { kind: string; evidence: { members?: string[] } }[];
		const circles = rows.filter((s) => s.kind === 'closed_circle');
		expect(circles).toHaveLength(4);
		expect([...(circles[0].evidence.members ?? [])].sort()).toEqual(
			circle.map((c) => c.member).sort()
		);
	});

	test('each member sees exactly the rows the moderators see about them', async () => {
		// my_inclusion works out one member's own signals only (migration 20261202110000): the
		// same rows as the whole group's, for that member.
		const { data, error } = await moderator.client.rpc('inclusion_signals', {
			target_group: group
		});
		expect(error).toBeNull();
		const rows = data as {
			kind: string;
			member: string | null;
			post: string | null;
			evidence: Record<string, unknown>;
			since: string;
		}[];
		let seen = 0;
		for (const person of [noor, sara, ...circle]) {
			const [here] = (await mine(person.client)).groups;
			const expected = rows
				.filter((row) => row.member === person.member && !here.signals_opt_out)
				.sort((a, b) => a.since.localeCompare(b.since) || a.kind.localeCompare(b.kind))
				.map((row) => ({
					kind: row.kind,
					post: row.post,
					// A circle is "since" the start of the window: now, 60 days ago, in each call.
					since: row.kind === 'closed_circle' ? null : row.since,
					evidence:
						row.kind === 'closed_circle'
							? { size: row.evidence.size, days: row.evidence.days }
							: row.evidence
				}));
			const theirs = here.signals.map((signal) => ({
				kind: signal.kind,
				post: signal.post,
				since: signal.kind === 'closed_circle' ? null : signal.since,
				evidence: signal.evidence
			}));
			expect(theirs).toEqual(expected);
			seen += theirs.length;
		}
		expect(seen).toBeGreaterThan(4);
	});

	test('the actions about me, with the meetup I was invited to, never who did it', async () => {
		const [here] = (await mine(noor.client)).groups;
		expect(here.actions).toEqual([
			{
				kind: 'meetup_invite',
				created_at: expect.any(String),
				meetup: { id: invitedTo, title: 'Wandeling' },
				post: null
			}
		]);
		expect(JSON.stringify(here)).not.toContain(moderator.id);
	});

	test('a member who opted out sees no signals, and still the actions about them', async () => {
		const [here] = (await mine(sara.client)).groups;
		expect(here.signals_opt_out).toBe(true);
		expect(here.signals).toEqual([]);
		expect(here.actions.map((a) => a.kind)).toEqual(['check_in']);
	});

	test('a moderator is in no signal of their own group', async () => {
		const [here] = (await mine(moderator.client)).groups;
		expect(here.signals).toEqual([]);
	});

	test('someone who is in no group, or not signed in, sees no group', async () => {
		expect(await mine((await signUp('Buiten')).client)).toEqual({ groups: [] });
		const { data, error } = await client().rpc('my_inclusion');
		expect(data).toBeNull();
		expect(error).not.toBeNull();
	});
});

describe("the group's moderators", () => {
	test('see who opted out, by name', async () => {
		const { data, error } = await moderator.client.rpc('signal_opt_outs', { target_group: group });
		expect(error).toBeNull();
		expect(data).toEqual([{ member: sara.member, nickname: 'Sara' }]);
	});

	test('see twelve weeks, oldest first, the current one last', async () => {
		const { data, error } = await moderator.client.rpc('inclusion_trend', { target_group: group });
		expect(error).toBeNull();
		const weeks = data as {
			week_start: string;
			active_members: number;
			posts: number;
			answers: number;
			attendance: number;
			top_fifth_share: number | null;
		}[];
		expect(weeks).toHaveLength(12);
		const starts = weeks.map((w) => new Date(`${w.week_start}T00:00:00Z`));
		expect(starts.every((d) => d.getUTCDay() === 1)).toBe(true);
		for (let i = 1; i < starts.length; i++) {
			expect(starts[i].getTime() - starts[i - 1].getTime()).toBe(7 * day);
		}
		const { rows } = await sql(
			`select (select count(*) from public.posts where group_id = $1
					and created_at >= $2)::int as posts,
				(select count(*) from public.comments where group_id = $1
					and created_at >= $2)::int as answers,
				(select count(*) from public.attendance a join public.meetups m on m.id = a.meetup_id
					where m.group_id = $1 and m.starts_at >= $2 and m.starts_at <= now())::int
					as attendance`,
			[group, weeks[0].week_start]
		);
		const sum = (key: 'posts' | 'answers' | 'attendance') =>
			weeks.reduce((total, w) => total + w[key], 0);
		expect({ posts: sum('posts'), answers: sum('answers'), attendance: sum('attendance') }).toEqual(
			rows[0]
		);
		expect(weeks.some((w) => w.active_members > 0)).toBe(true);
	});

	test('get their screen in one call', async () => {
		const { data, error } = await moderator.client.rpc('page_group_inclusion', {
			target_group: group
		});
		expect(error).toBeNull();
		const page = data as Record<string, unknown> & {
			signals: {
				kind: string;
				member: { id: string; nickname: string } | null;
				post: { id: string; excerpt: string; anonymous: boolean } | null;
				handled: boolean;
			}[];
		};
		expect(Object.keys(page).sort()).toEqual([
			'climate',
			'members',
			'opt_outs',
			'settings',
			'signals',
			'templates',
			'trend',
			'upcoming_meetups'
		]);
		const unanswered = page.signals.filter((s) => s.kind === 'unanswered_post');
		expect(unanswered.map((s) => s.member)).toEqual([
			{ id: noor.member, nickname: 'Noor' },
			{ id: noor.member, nickname: 'Noor' }
		]);
		expect(unanswered[0].post).toMatchObject({
			excerpt: 'Weet iemand waar de voedselbank nu zit?',
			anonymous: false
		});
		expect(page.signals.some((s) => s.member?.id === sara.member)).toBe(false);
		expect(page.opt_outs).toEqual([{ id: sara.member, nickname: 'Sara' }]);
		expect(page.trend).toHaveLength(12);
		expect(page.climate).toHaveLength(6);
		expect(page.templates).toEqual({ welcome: null, check_in: null });
		expect(page.settings).toMatchObject({ unanswered_window_days: 30 });
		expect(page.upcoming_meetups).toEqual([
			{ id: invitedTo, title: 'Wandeling', starts_at: expect.any(String) }
		]);
		const members = page.members as { id: string }[];
		expect(members.map((m) => m.id)).toContain(noor.member);
		expect(members.map((m) => m.id)).not.toContain(moderatorMember);
	});
});

// Everyone but the group's active moderators gets nothing: null, or no rows.
describe('who gets the trend, the opt-outs and the screen', () => {
	const roles = [
		'anonymous',
		'outsider',
		'member',
		'removed',
		'host',
		'otherModerator',
		'moderator'
	] as const;
	type Role = (typeof roles)[number];
	let clients: Record<Role, SupabaseClient>;

	beforeAll(async () => {
		const member = await joinedMember(group, 'Gewoon lid');
		const removed = await joinedMember(group, 'Weg');
		await sql(
			`update public.group_members set status = 'removed' where group_id = $1 and user_id = $2`,
			[group, removed.id]
		);
		const host = await joinedHost(group, 'Gastvrouw');
		const otherModerator = await joinedModerator((await makeGroup()).id, 'Elders');
		clients = {
			anonymous: client(),
			outsider: (await signUp('Buiten')).client,
			member: member.client,
			removed: removed.client,
			host: host.client,
			otherModerator: otherModerator.client,
			moderator: moderator.client
		};
	}, 60_000);

	const cells = ['inclusion_trend', 'signal_opt_outs', 'page_group_inclusion'].flatMap((fn) =>
		roles.map((role) => ({ fn, role, allowed: role === 'moderator' }))
	);

	test.each(cells)('$fn by $role: gets something = $allowed', async ({ fn, role, allowed }) => {
		const { data, error } = await clients[role].rpc(fn, { target_group: group });
		const got = !error && data !== null && !(Array.isArray(data) && data.length === 0);
		expect(got).toBe(allowed);
	});

	test('a removed member sees nothing of the group they were removed from', async () => {
		const { groups } = await mine(clients.removed);
		expect(groups).toEqual([]);
	});
});
