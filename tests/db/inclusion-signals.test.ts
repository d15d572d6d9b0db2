// Inclusion signals (issue 11): planted patterns in a group's history must give exactly those
// signals for exactly those members, a healthy group none, and every kind just under its
// threshold nothing. History is planted with the superuser (timestamps set directly); the
// signals are read as the group's moderator, through the API, as the app will.
import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import { beforeAll, describe, expect, test } from 'vitest';
import { client, db, signUp, type Person } from '../support/platform';
import { joinedMember, joinedModerator, makeGroup, membershipId } from '../support/groups';
import { joinedHost } from '../support/meetups';
import { describeMatrix, withKey } from '../support/rls-matrix';

interface Signal {
	kind: string;
	member: string | null;
	post: string | null;
	evidence: Record<string, unknown>;
	since: string;
	handled: boolean;
}

const day = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * day);
const sql = (text: string, values: unknown[] = []) => db().query(text, values);

/** A group whose history is planted row by row, days ago. */
class History {
	moderator!: Person;
	moderatorMember!: string;
	private series: string | undefined;
	private names = 0;

	constructor(readonly group: string) {}

	static async start(): Promise<History> {
		const history = new History((await makeGroup()).id);
		history.moderator = await joinedModerator(history.group, 'Begeleider');
		history.moderatorMember = await membershipId(history.group, history.moderator.id);
		await sql(`update public.group_members set joined_at = $2 where id = $1`, [
			history.moderatorMember,
			ago(300)
		]);
		return history;
	}

	/** An active member who joined `joinedDaysAgo` ago: { member: membership id, user }. */
	async member(joinedDaysAgo = 200): Promise<{ member: string; user: string }> {
		const user = randomUUID();
		await sql(`insert into auth.users (id, email) values ($1, $2)`, [user, `${user}@kring.test`]);
		const { rows } = await sql(
			`insert into public.group_members (group_id, user_id, role, status, nickname, joined_at,
				rules_accepted_at)
			values ($1, $2, 'member', 'active', $3, $4, $4) returning id`,
			[this.group, user, `Lid ${++this.names}`, ago(joinedDaysAgo)]
		);
		return { member: rows[0].id, user };
	}

	async members(count: number, joinedDaysAgo = 200) {
		const made = [];
		for (let i = 0; i < count; i++) made.push(await this.member(joinedDaysAgo));
		return made;
	}

	async post(author: { user: string }, daysAgo: number, anonymous = false): Promise<string> {
		const { rows } = await sql(
			`with p as (
				insert into public.posts (group_id, author_id, kind, body, anonymous, created_at)
				values ($1, $2, 'question', 'Een vraag', $3, $4) returning id)
			insert into public.post_authors (post_id, author_id, client_id, created_at)
			select id, $5, gen_random_uuid(), $4 from p returning post_id`,
			[this.group, anonymous ? null : author.user, anonymous, ago(daysAgo), author.user]
		);
		return rows[0].post_id;
	}

	async answer(author: { user: string }, post: string, daysAgo: number): Promise<string> {
		const { rows } = await sql(
			`with c as (
				insert into public.comments (post_id, group_id, author_id, body, created_at)
				values ($1, $2, $3, 'Een antwoord', $4) returning id)
			insert into public.comment_authors (comment_id, author_id, client_id, created_at)
			select id, $3, gen_random_uuid(), $4 from c returning comment_id`,
			[post, this.group, author.user, ago(daysAgo)]
		);
		return rows[0].comment_id;
	}

	async react(
		by: { user: string },
		on: { post?: string; comment?: string },
		daysAgo: number
	): Promise<string> {
		const { rows } = await sql(
			`insert into public.reactions (group_id, post_id, comment_id, user_id, kind, client_id,
				created_at)
			values ($1, $2, $3, $4, 'support', gen_random_uuid(), $5) returning id`,
			[this.group, on.post ?? null, on.comment ?? null, by.user, ago(daysAgo)]
		);
		return rows[0].id;
	}

	/** A meetup `daysAgo` ago (negative: to come), in the group's weekly series when asked. */
	async meetup(daysAgo: number, inSeries = false): Promise<string> {
		if (inSeries && !this.series) {
			const { rows } = await sql(
				`insert into public.meetup_series (group_id, repeat, first_on, repeat_until)
				values ($1, 'weekly', $2, $3) returning id`,
				[this.group, ago(400), ago(-30)]
			);
			this.series = rows[0].id;
		}
		const starts = ago(daysAgo);
		const { rows } = await sql(
			`insert into public.meetups (group_id, title, starts_at, ends_at, place, series_id,
				occurrence_on)
			values ($1, 'Praatcafé', $2, $2::timestamptz + interval '2 hours', 'Buurthuis', $3,
				case when $3::uuid is null then null else ($2::timestamptz)::date end)
			returning id`,
			[this.group, starts, inSeries ? this.series : null]
		);
		return rows[0].id;
	}

	async attend(meetup: string, ...people: { member: string }[]) {
		for (const person of people) {
			await sql(`insert into public.attendance (meetup_id, member_id) values ($1, $2)`, [
				meetup,
				person.member
			]);
		}
	}

	async rsvp(
		meetup: string,
		person: { member: string },
		needs: { childcare?: number; transport?: boolean; cost?: boolean }
	) {
		await sql(
			`insert into public.rsvps (meetup_id, member_id, status, childcare_children,
				transport_help, cost_is_a_problem, client_id)
			values ($1, $2, 'going', $3, $4, $5, gen_random_uuid())`,
			[meetup, person.member, needs.childcare ?? 0, needs.transport ?? false, needs.cost ?? false]
		);
	}

	/**
	 * Regulars of a healthy group: each writes two posts this month that another regular answers
	 * and a third reacts to, and all of them (with the moderator) come to a weekly meetup.
	 */
	async regulars(count: number) {
		const people = await this.members(count);
		for (let i = 0; i < people.length; i++) {
			for (const daysAgo of [3 + i, 12 + i]) {
				const post = await this.post(people[i], daysAgo);
				const answer = await this.answer(people[(i + 1) % people.length], post, daysAgo - 1);
				await this.react(people[(i + 2) % people.length], { post }, daysAgo - 1);
				await this.react(people[i], { comment: answer }, daysAgo - 1);
			}
		}
		for (let week = 0; week < 20; week++) {
			const meetup = await this.meetup(2 + week * 7, true);
			await this.attend(meetup, { member: this.moderatorMember }, ...people);
		}
		return people;
	}

	async signals(as: SupabaseClient = this.moderator.client): Promise<Signal[]> {
		const { data, error } = await as.rpc('inclusion_signals', { target_group: this.group });
		expect(error).toBeNull();
		return data as Signal[];
	}
}

/** Signals as "kind member post" lines, sorted, so a wrong or extra one reads plainly. */
function lines(signals: Signal[], names: Record<string, string>): string[] {
	return signals
		.map((s) =>
			[
				s.kind,
				s.member ? (names[s.member] ?? s.member) : '-',
				s.post ? (names[s.post] ?? s.post) : '-'
			].join(' ')
		)
		.sort();
}

describe('a group with planted patterns', () => {
	let history: History;
	const names: Record<string, string> = {};
	let expected: string[];
	let noorPosts: string[];

	beforeAll(async () => {
		history = await History.start();
		const h = history;
		const regulars = await h.regulars(8);
		const [r1, r2, r3] = regulars;

		// Noor's two posts this month: no one answers or reacts. Noor reacted to someone, so
		// she has a tie and is not isolated.
		const noor = await h.member();
		noorPosts = [await h.post(noor, 5, true), await h.post(noor, 10)];
		const r1Post = await h.post(r1, 20);
		await h.answer(r2, r1Post, 19);
		await h.react(noor, { post: r1Post }, 19);

		// Sam joined ten days ago and no one has answered, reacted or written to them.
		const sam = await h.member(10);

		// Fien wrote four times between 3 and 7 weeks ago (answered each time), nothing since.
		const fien = await h.member();
		for (const daysAgo of [24, 32, 38, 44]) {
			await h.answer(r3, await h.post(fien, daysAgo), daysAgo - 1);
		}

		// A closed circle of four: they answer and react only to each other.
		const circle = await h.members(4);
		for (let i = 0; i < circle.length; i++) {
			const post = await h.post(circle[i], 4 + i);
			for (const other of circle.filter((_, j) => j !== i)) {
				await h.react(other, { post }, 3 + i);
			}
			await h.answer(circle[(i + 1) % 4], post, 3 + i);
		}

		// A dominant trio: thirty posts each this month; r1 reacts to each, so none goes unanswered.
		const trio = await h.members(3);
		for (const person of trio) {
			for (let n = 0; n < 30; n++) {
				const post = await h.post(person, 2 + (n % 25));
				await h.react(r1, { post }, 1);
			}
		}

		// Tom came once, five weeks ago, to a meetup of his own, and never since.
		const tom = await h.member();
		const tomsMeetup = await h.meetup(35);
		await h.attend(tomsMeetup, tom, r1, r2);

		// Cas said she needed childcare twice and did not come.
		const cas = await h.member();
		const { rows: recent } = await sql(
			`select id from public.meetups where group_id = $1 and starts_at < now()
			order by starts_at desc limit 2`,
			[h.group]
		);
		for (const { id } of recent) await h.rsvp(id, cas, { childcare: 2 });

		Object.assign(names, { [noor.member]: 'noor', [sam.member]: 'sam', [fien.member]: 'fien' });
		Object.assign(names, { [tom.member]: 'tom', [cas.member]: 'cas' });
		circle.forEach((c, i) => (names[c.member] = `circle${i + 1}`));
		noorPosts.forEach((p, i) => (names[p] = `noor's post ${i + 1}`));
		expected = [
			"unanswered_post noor noor's post 1",
			"unanswered_post noor noor's post 2",
			'not_reached noor -',
			'newcomer_not_welcomed sam -',
			'fading fien -',
			'dominance - -',
			'closed_circle circle1 -',
			'closed_circle circle2 -',
			'closed_circle circle3 -',
			'closed_circle circle4 -',
			'first_timer_not_returned tom -',
			'needs_not_met cas -'
		].sort();
	}, 120_000);

	test('gives exactly the planted signals, for exactly those members', async () => {
		expect(lines(await history.signals(), names)).toEqual(expected);
	});

	test('the evidence says enough to write the sentence', async () => {
		const signals = await history.signals();
		const of = (kind: string) => signals.find((s) => s.kind === kind)!;
		expect(of('not_reached').evidence).toMatchObject({ posts: 2, answers: 0 });
		expect(of('fading').evidence).toMatchObject({ earlier: 4 });
		expect(of('needs_not_met').evidence).toMatchObject({ missed: 2, childcare: true });
		const dominance = of('dominance').evidence as { share: number; gini: number; members: number };
		expect(dominance.share).toBeGreaterThan(0.6);
		expect(dominance.gini).toBeGreaterThan(0.5);
		expect(dominance.members).toBe(21);
		const circle = of('closed_circle').evidence as { members: string[]; size: number };
		expect(circle.size).toBe(4);
		expect(circle.members.map((m) => names[m]).sort()).toEqual([
			'circle1',
			'circle2',
			'circle3',
			'circle4'
		]);
		expect(signals.every((s) => s.handled === false)).toBe(true);
	});

	test('a handled signal stays handled until its evidence changes', async () => {
		const noor = Object.keys(names).find((id) => names[id] === 'noor')!;
		const { error } = await history.moderator.client.rpc('mark_signal_handled', {
			target_group: history.group,
			kind: 'not_reached',
			member: noor,
			note: 'Ik bel haar deze week.'
		});
		expect(error).toBeNull();
		const handled = (await history.signals()).find((s) => s.kind === 'not_reached')!;
		expect(handled.handled).toBe(true);
		const { rows } = await sql(
			`select note from public.inclusion_signal_handled where member_id = $1`,
			[noor]
		);
		expect(rows).toEqual([{ note: 'Ik bel haar deze week.' }]);

		// A new post that no one answers: the signal comes back.
		const { rows: user } = await sql('select user_id from public.group_members where id = $1', [
			noor
		]);
		await history.post({ user: user[0].user_id }, 2);
		const back = (await history.signals()).find((s) => s.kind === 'not_reached')!;
		expect(back.handled).toBe(false);
	});

	test('marking a signal that is not open says so', async () => {
		const { error } = await history.moderator.client.rpc('mark_signal_handled', {
			target_group: history.group,
			kind: 'isolated',
			member: history.moderatorMember
		});
		expect(error?.message).toBe('signal_not_found');
	});

	test('a member who opts out, or is removed, appears in no person-level signal', async () => {
		const cas = Object.keys(names).find((id) => names[id] === 'cas')!;
		const fien = Object.keys(names).find((id) => names[id] === 'fien')!;
		const { rows } = await sql('select user_id from public.group_members where id = $1', [cas]);
		await sql(`update public.group_members set status = 'removed' where id = $1`, [fien]);
		await sql(`update public.group_members set signals_opt_out = true where id = $1`, [cas]);
		try {
			const kinds = (await history.signals()).map((s) => names[s.member ?? ''] ?? s.kind);
			expect(kinds).not.toContain('cas');
			expect(kinds).not.toContain('fien');
			expect(kinds).toContain('dominance');
		} finally {
			await sql(
				`update public.group_members set status = 'active', signals_opt_out = false
				where id = any($1)`,
				[[cas, fien]]
			);
		}
		expect(rows).toHaveLength(1);
	});
});

test('a healthy group of the same size gives no signal', async () => {
	const h = await History.start();
	await h.regulars(20);
	expect(await h.signals()).toEqual([]);
}, 120_000);

// Each kind, just under its threshold, next to the same case just over it (so the case can
// fail): the group is otherwise healthy.
describe('just under a threshold gives nothing', () => {
	// The signals of one kind (about one member, when given): other kinds may well be there.
	const kindsFor = async (h: History, member: string | undefined, kind: string) =>
		(await h.signals())
			.filter((s) => s.kind === kind && (member ? s.member === member : true))
			.map((s) => s.kind);

	test('unanswered_post: 23 hours old, or answered by someone', async () => {
		const h = await History.start();
		const [r1] = await h.regulars(8);
		const noor = await h.member();
		await h.post(noor, 23 / 24);
		const answered = await h.post(noor, 3);
		await h.answer(r1, answered, 2);
		expect(await kindsFor(h, noor.member, 'unanswered_post')).toEqual([]);
		await sql('delete from public.comments where post_id = $1', [answered]);
		expect(await kindsFor(h, noor.member, 'unanswered_post')).toEqual(['unanswered_post']);
	}, 60_000);

	test('not_reached: one unanswered item only', async () => {
		const h = await History.start();
		const [r1] = await h.regulars(8);
		const noor = await h.member();
		await h.post(noor, 3);
		expect(await kindsFor(h, noor.member, 'not_reached')).toEqual([]);
		await h.answer(noor, await h.post(r1, 10), 4);
		expect(await kindsFor(h, noor.member, 'not_reached')).toEqual(['not_reached']);
	}, 60_000);

	test('newcomer_not_welcomed: joined two days ago, or 31 days ago', async () => {
		const h = await History.start();
		await h.regulars(8);
		const fresh = await h.member(2);
		const old = await h.member(31);
		const over = await h.member(3.1);
		expect(await kindsFor(h, fresh.member, 'newcomer_not_welcomed')).toEqual([]);
		expect(await kindsFor(h, old.member, 'newcomer_not_welcomed')).toEqual([]);
		expect(await kindsFor(h, over.member, 'newcomer_not_welcomed')).toEqual([
			'newcomer_not_welcomed'
		]);
	}, 60_000);

	test('fading: three things before the quiet weeks, not four', async () => {
		const h = await History.start();
		const [r1] = await h.regulars(8);
		const three = await h.member();
		const four = await h.member();
		for (const daysAgo of [24, 32, 38]) {
			await h.answer(r1, await h.post(three, daysAgo), daysAgo - 1);
			await h.answer(r1, await h.post(four, daysAgo), daysAgo - 1);
		}
		await h.answer(r1, await h.post(four, 50), 49);
		expect(await kindsFor(h, three.member, 'fading')).toEqual([]);
		expect(await kindsFor(h, four.member, 'fading')).toEqual(['fading']);
	}, 60_000);

	test('fading: missed two of a series, not three', async () => {
		const h = await History.start();
		const regulars = await h.regulars(8);
		// The series' meetups are 2, 9, 16, … days ago; each regular came to all of them.
		const { rows } = await sql(
			`select a.id from public.attendance a join public.meetups m on m.id = a.meetup_id
			where a.member_id = $1 and m.starts_at > now() - interval '10 days'`,
			[regulars[0].member]
		);
		await sql('delete from public.attendance where id = any($1)', [rows.map((r) => r.id)]);
		expect(await kindsFor(h, regulars[0].member, 'fading')).toEqual([]);
		await sql(
			`delete from public.attendance a using public.meetups m
			where m.id = a.meetup_id and a.member_id = $1 and m.starts_at > now() - interval '17 days'`,
			[regulars[0].member]
		);
		expect(await kindsFor(h, regulars[0].member, 'fading')).toEqual(['fading']);
	}, 60_000);

	test('dominance: the top fifth wrote exactly 60%', async () => {
		const h = await History.start();
		const people = await h.members(4);
		// Five members (with the moderator): the top fifth is one member.
		const write = async (person: { user: string }, n: number) => {
			for (let i = 0; i < n; i++) {
				const post = await h.post(person, 2 + i);
				await h.react(people[(people.indexOf(person as never) + 1) % 4], { post }, 1);
			}
		};
		await write(people[0], 12);
		for (const person of people.slice(1)) await write(person, 2);
		await h.post({ user: h.moderator.id }, 2).then((post) => h.react(people[1], { post }, 1));
		await h.post({ user: h.moderator.id }, 3).then((post) => h.react(people[1], { post }, 1));
		// 12 of 20 is 60%: not more than 60%.
		expect(await kindsFor(h, undefined, 'dominance')).not.toContain('dominance');
		await write(people[0], 1);
		expect(await kindsFor(h, undefined, 'dominance')).toContain('dominance');
	}, 60_000);

	test('isolated: one tie is a tie', async () => {
		const h = await History.start();
		const [r1] = await h.regulars(8);
		const alone = await h.member();
		const answer = await h.answer(alone, await h.post(r1, 9), 8);
		const reaction = await h.react(r1, { post: await h.post(alone, 5) }, 4);
		expect(await kindsFor(h, alone.member, 'isolated')).toEqual([]);
		await sql('delete from public.reactions where id = $1', [reaction]);
		expect(await kindsFor(h, alone.member, 'isolated')).toEqual([]);
		await sql('delete from public.comments where id = $1', [answer]);
		expect(await kindsFor(h, alone.member, 'isolated')).toEqual(['isolated']);
	}, 60_000);

	test('closed_circle: 75% of their ties inside, not 80%', async () => {
		const h = await History.start();
		const regulars = await h.regulars(12);
		const circle = await h.members(4);
		for (let i = 0; i < 4; i++) {
			const post = await h.post(circle[i], 4 + i);
			for (const other of circle.filter((_, j) => j !== i)) await h.react(other, { post }, 3 + i);
			await h.answer(circle[(i + 1) % 4], post, 3 + i);
		}
		// Four of their sixteen ties go out of the circle, one each.
		const outside = [];
		for (let i = 0; i < 4; i++) {
			outside.push(await h.react(circle[i], { post: await h.post(regulars[i], 6) }, 5));
		}
		const kinds = async () =>
			(await Promise.all(circle.map((c) => kindsFor(h, c.member, 'closed_circle')))).flat();
		expect(await kinds()).toEqual([]);
		// One of them comes back inside: 12 of 15 is 80%.
		await sql('delete from public.reactions where id = $1', [outside[0]]);
		expect(await kinds()).toEqual(Array(4).fill('closed_circle'));
	}, 60_000);

	test('newcomer_not_welcomed: a buddy who accepted and is still here welcomes', async () => {
		const h = await History.start();
		const [r1, r2, r3] = await h.regulars(8);
		const [asked, buddied, buddyLeft, ended] = await h.members(4, 10);
		const buddy = (newcomer: { member: string }, by: { member: string }, status: string) =>
			sql(
				`insert into public.buddies (group_id, newcomer_id, buddy_id, status, client_id)
				values ($1, $2, $3, $4, gen_random_uuid()) returning id`,
				[h.group, newcomer.member, by.member, status]
			).then(({ rows }) => rows[0].id as string);
		await buddy(asked, r1, 'asked');
		const accepted = await buddy(buddied, r1, 'accepted');
		await buddy(buddyLeft, r2, 'accepted');
		await buddy(ended, r3, 'ended');
		await sql(`update public.group_members set status = 'left' where id = $1`, [r2.member]);
		const newcomers = async () =>
			(await h.signals())
				.filter((s) => s.kind === 'newcomer_not_welcomed')
				.map((s) => s.member)
				.sort();
		expect(await newcomers()).toEqual([asked.member, buddyLeft.member, ended.member].sort());
		// The buddy ends it: the newcomer is back in the signal.
		await sql(`update public.buddies set status = 'ended' where id = $1`, [accepted]);
		expect(await newcomers()).toEqual(
			[asked.member, buddied.member, buddyLeft.member, ended.member].sort()
		);
	}, 60_000);

	test('first_timer_not_returned: first came 27 days ago, or 57', async () => {
		const h = await History.start();
		const [r1] = await h.regulars(8);
		const [recent, long, between] = await h.members(3);
		await h.attend(await h.meetup(27), recent, r1);
		await h.attend(await h.meetup(57), long, r1);
		await h.attend(await h.meetup(40), between, r1);
		expect(await kindsFor(h, recent.member, 'first_timer_not_returned')).toEqual([]);
		expect(await kindsFor(h, long.member, 'first_timer_not_returned')).toEqual([]);
		expect(await kindsFor(h, between.member, 'first_timer_not_returned')).toEqual([
			'first_timer_not_returned'
		]);
	}, 60_000);

	test('needs_not_met: did not come once', async () => {
		const h = await History.start();
		await h.regulars(8);
		const [once, twice] = await h.members(2);
		const { rows } = await sql(
			`select id from public.meetups where group_id = $1 and starts_at < now()
			order by starts_at desc limit 2`,
			[h.group]
		);
		await h.rsvp(rows[0].id, once, { transport: true });
		await h.rsvp(rows[0].id, twice, { cost: true });
		await h.rsvp(rows[1].id, twice, { cost: true });
		expect(await kindsFor(h, once.member, 'needs_not_met')).toEqual([]);
		expect(await kindsFor(h, twice.member, 'needs_not_met')).toEqual(['needs_not_met']);
	}, 60_000);
});

// Who may read and change the signals, as written tables. see: group A's signal, settings or
// handled row is read · ok: the write is in the database afterwards · -: nothing read or changed.
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

const tables = `
table                     operation           anonymous outsider member removed host otherModerator moderator
inclusion_settings        select              -         -        -      -       -    -              -
inclusion_settings        insert              -         -        -      -       -    -              -
inclusion_settings        update              -         -        -      -       -    -              -
inclusion_settings        delete              -         -        -      -       -    -              -
inclusion_signal_handled  select              -         -        -      -       -    -              -
inclusion_signal_handled  insert              -         -        -      -       -    -              -
inclusion_signal_handled  update              -         -        -      -       -    -              -
inclusion_signal_handled  delete              -         -        -      -       -    -              -
`;

const functions = `
function                   anonymous outsider member removed host otherModerator moderator
inclusion_signals          -         -        -      -       -    -              see
inclusion_settings_of      -         -        -      -       -    -              see
update_inclusion_settings  -         -        -      -       -    -              ok
mark_signal_handled        -         -        -      -       -    -              ok
set_signals_opt_out        -         -        ok     -       ok   -              ok
`;

describe('who may read and change signals', () => {
	let clients: Record<Role, SupabaseClient>;
	let targets: Parameters<typeof describeMatrix>[2] extends () => infer R
		? R extends { targets: infer T }
			? T
			: never
		: never;
	let sees: Record<string, (sb: SupabaseClient) => Promise<boolean>>;
	let does: Record<
		string,
		{ act: (sb: SupabaseClient) => Promise<unknown>; count: () => Promise<number> }
	>;

	beforeAll(async () => {
		const h = await History.start();
		const groupB = await makeGroup();
		const noor = await h.member();
		const post = await h.post(noor, 3);
		const member = await joinedMember(h.group, 'Lid');
		const removed = await joinedMember(h.group, 'Weg');
		await sql(
			`update public.group_members set status = 'removed' where group_id = $1 and user_id = $2`,
			[h.group, removed.id]
		);
		const host = await joinedHost(h.group, 'Gastvrouw');
		const otherModerator = await joinedModerator(groupB.id, 'Elders');
		const outsider = await signUp('Buiten');
		const { rows } = await sql(
			`insert into public.inclusion_signal_handled (group_id, kind, member_id, post_id, fingerprint)
			values ($1, 'unanswered_post', $2, $3, 'old') returning id`,
			[h.group, noor.member, post]
		);
		clients = {
			anonymous: client(),
			outsider: outsider.client,
			member: member.client,
			removed: removed.client,
			host: host.client,
			otherModerator: otherModerator.client,
			moderator: h.moderator.client
		};
		targets = {
			inclusion_settings: {
				key: { group_id: h.group },
				insert: () => withKey(['group_id', groupB.id], {}),
				update: { needs_min_missed: 7 }
			},
			inclusion_signal_handled: {
				key: { id: rows[0].id },
				insert: () =>
					withKey(['id', randomUUID()], {
						group_id: h.group,
						kind: 'not_reached',
						member_id: noor.member,
						fingerprint: 'x'
					}),
				update: { note: 'Gezien' }
			}
		};
		await sql('delete from public.inclusion_settings where group_id = $1', [groupB.id]);
		const call = async (sb: SupabaseClient, fn: string, args: Record<string, unknown>) => {
			const { data, error } = await sb.rpc(fn, args);
			return error ? null : data;
		};
		const count = async (text: string, values: unknown[]) =>
			Number((await sql(`select (${text})::int as n`, values)).rows[0].n);
		sees = {
			inclusion_signals: async (sb) =>
				((await call(sb, 'inclusion_signals', { target_group: h.group })) as unknown[] | null)
					?.length
					? true
					: false,
			inclusion_settings_of: async (sb) =>
				(await call(sb, 'inclusion_settings_of', { target_group: h.group })) !== null
		};
		does = {
			update_inclusion_settings: {
				act: (sb) =>
					call(sb, 'update_inclusion_settings', {
						target_group: h.group,
						settings: { needs_min_missed: 5 }
					}),
				count: () =>
					count(
						'select count(*) from public.inclusion_settings where group_id = $1 and needs_min_missed = 5',
						[h.group]
					)
			},
			mark_signal_handled: {
				act: (sb) =>
					call(sb, 'mark_signal_handled', {
						target_group: h.group,
						kind: 'unanswered_post',
						member: noor.member,
						post,
						note: 'Gezien'
					}),
				count: () =>
					count(
						`select count(*) from public.inclusion_signal_handled
						where post_id = $1 and fingerprint <> 'old'`,
						[post]
					)
			},
			set_signals_opt_out: {
				// Each person about their own membership in group A: the count of those opted out.
				act: (sb) => call(sb, 'set_signals_opt_out', { target_group: h.group, opt_out: true }),
				count: () =>
					count(
						'select count(*) from public.group_members where group_id = $1 and signals_opt_out',
						[h.group]
					)
			}
		};
	}, 60_000);

	describe('tables', () => {
		describeMatrix(tables, roles, () => ({ clients, targets }));
	});

	describe('functions', () => {
		const [header, ...lines] = functions.trim().split('\n');
		const cells = lines.flatMap((line) => {
			const [fn, ...outcomes] = line.trim().split(/\s+/);
			return roles.map((role, i) => ({ fn, role, allowed: outcomes[i] !== '-' }));
		});

		test('the matrix names every kind of person once per function', () => {
			expect(header.trim().split(/\s+/).slice(1)).toEqual([...roles]);
			for (const line of lines) expect(line.trim().split(/\s+/)).toHaveLength(roles.length + 1);
		});

		describe.each([...new Set(cells.map((cell) => cell.fn))])('%s', (fn) => {
			test.each(cells.filter((cell) => cell.fn === fn))(
				'by $role: allowed = $allowed',
				async ({ role, allowed }) => {
					if (sees[fn]) {
						expect(await sees[fn](clients[role])).toBe(allowed);
						return;
					}
					const before = await does[fn].count();
					await does[fn].act(clients[role]);
					expect((await does[fn].count()) !== before).toBe(allowed);
				}
			);
		});
	});

	test('no one reads whether a member opted out', async () => {
		const { data, error } = await clients.moderator
			.from('group_members')
			.select('signals_opt_out')
			.limit(1);
		expect(data).toBeNull();
		expect(error).not.toBeNull();
	});
});
