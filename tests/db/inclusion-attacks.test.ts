// Inclusion signals and kind actions (issue 11) under attack, through the API as each kind of
// caller: a visitor, an anonymous-account newcomer, a member, a host, a muted member, a removed
// member, one who left, a moderator of another group, a moderator of the group, a deleted
// account. What must hold: no one reads signals, actions, buddies, invitations, climate answers
// or opt-outs that are not theirs; no one learns who opted out, who gave which face, or who wrote
// an anonymous post; the kind actions cannot be turned into a flood; bad input is refused.
import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import { beforeAll, describe, expect, test } from 'vitest';
import { SignJWT } from 'jose';
import { client, db, platform, type Person } from '../support/platform';
import { joinedMember, joinedModerator, makeGroup, membershipId, post } from '../support/groups';
import { createMeetup, joinedHost } from '../support/meetups';

const sql = (text: string, values: unknown[] = []) => db().query(text, values);

async function call(sb: SupabaseClient, fn: string, args: Record<string, unknown> = {}) {
	const { data, error } = await sb.rpc(fn, args);
	return { data, error: error?.message ?? null };
}

async function ok(sb: SupabaseClient, fn: string, args: Record<string, unknown> = {}) {
	const { data, error } = await call(sb, fn, args);
	expect(error, fn).toBeNull();
	return data;
}

/** A group with every kind of caller in it, and a second group with its own moderator. */
class Cast {
	group!: string;
	moderator!: Person;
	colleague!: Person;
	host!: Person;
	noor!: Person;
	noorMember!: string;
	sam!: Person;
	samMember!: string;
	muted!: Person;
	removed!: Person;
	removedMember!: string;
	left!: Person;
	other!: string;
	otherModerator!: Person;
	otherMember!: Person;
	otherMemberId!: string;
	meetup!: string;
	otherMeetup!: string;

	static async make(): Promise<Cast> {
		const c = new Cast();
		c.group = (await makeGroup({ name: 'Praatgroep Aalst' })).id;
		c.moderator = await joinedModerator(c.group, 'Begeleider');
		c.colleague = await joinedModerator(c.group, 'Collega');
		c.host = await joinedHost(c.group, 'Gastvrouw');
		c.noor = await joinedMember(c.group, 'Noor');
		c.sam = await joinedMember(c.group, 'Sam');
		c.muted = await joinedMember(c.group, 'Stil');
		c.removed = await joinedMember(c.group, 'Weg');
		c.left = await joinedMember(c.group, 'Vertrokken');
		c.noorMember = await membershipId(c.group, c.noor.id);
		c.samMember = await membershipId(c.group, c.sam.id);
		c.removedMember = await membershipId(c.group, c.removed.id);
		await ok(c.moderator.client, 'mute_member', {
			member: await membershipId(c.group, c.muted.id),
			days: 7,
			reason: 'Even rust'
		});
		await ok(c.left.client, 'leave_group', { target_group: c.group });
		c.other = (await makeGroup({ name: 'Andere groep' })).id;
		c.otherModerator = await joinedModerator(c.other, 'Elders');
		c.otherMember = await joinedMember(c.other, 'Buur');
		c.otherMemberId = await membershipId(c.other, c.otherMember.id);
		c.meetup = await createMeetup(c.host, c.group, { title: 'Soep en babbel' });
		const otherHost = await joinedHost(c.other, 'Andere gastvrouw');
		c.otherMeetup = await createMeetup(otherHost, c.other, { title: 'Elders koken' });
		// Everyone of the group has been a member long enough to be asked the climate question.
		await sql(
			`update public.group_members set joined_at = now() - interval '20 days' where group_id = $1`,
			[c.group]
		);
		return c;
	}

	async removeRemoved() {
		await ok(this.moderator.client, 'remove_member', { member: this.removedMember });
	}
}

describe('kind actions cannot become a flood', () => {
	let c: Cast;
	let noorPost: string;

	beforeAll(async () => {
		c = await Cast.make();
		noorPost = await post(c.noor, c.group, { body: 'Weet iemand een goedkope kapper?' });
	});

	// As a member sends at most 50 messages a day to the moderators, a moderator takes at most
	// 50 kind actions a day: one moderator could otherwise bury a member (or the asked buddy)
	// under invitations, buddy requests, requests to answer and check-ins.
	test('a moderator takes at most 50 kind actions in 24 hours, a retry is not one more', async () => {
		const firstThread = await ok(c.moderator.client, 'send_kind_message', {
			client_id: randomUUID(),
			target_group: c.group,
			member: c.noorMember,
			kind: 'check_in',
			body: 'Hoe gaat het met je?'
		});
		expect(firstThread).toBeTruthy();
		// Older ones and handled marks that do not count, then 49 more in the last day.
		for (const [kind, age, count] of [
			['welcome', '25 hours', 30],
			['handled', '0 hours', 30],
			['check_in', '1 hour', 49]
		]) {
			await sql(
				`insert into public.inclusion_actions (group_id, member_id, kind, moderator_id, created_at)
				select $1, $2, $4, $3, now() - $5::interval from generate_series(1, $6::int)`,
				[c.group, c.noorMember, c.moderator.id, kind, age, count]
			);
		}
		const sent = await sql(
			`select count(*)::int as n from public.notifications where user_id = $1`,
			[c.sam.id]
		);
		const attempts: [string, Record<string, unknown>][] = [
			[
				'send_kind_message',
				{
					client_id: randomUUID(),
					target_group: c.group,
					member: c.noorMember,
					kind: 'check_in',
					body: 'Nog eens?'
				}
			],
			['invite_to_meetup', { client_id: randomUUID(), meetup: c.meetup, member: c.noorMember }],
			[
				'ask_buddy',
				{
					client_id: randomUUID(),
					target_group: c.group,
					newcomer: c.noorMember,
					buddy: c.samMember
				}
			],
			['ask_to_answer', { client_id: randomUUID(), post: noorPost, member: c.samMember }]
		];
		for (const [fn, args] of attempts) {
			expect((await call(c.moderator.client, fn, args)).error, fn).toBe('action_limit_reached');
		}
		const after = await sql(
			`select count(*)::int as n from public.notifications where user_id = $1`,
			[c.sam.id]
		);
		expect(after.rows[0].n).toBe(sent.rows[0].n);
		// The same request again (a phone retrying) still answers what was done.
		const { rows } = await sql(
			`select client_id from public.moderation_messages where thread_id = $1 and from_moderators
			order by created_at limit 1`,
			[firstThread]
		);
		expect(
			await ok(c.moderator.client, 'send_kind_message', {
				client_id: rows[0].client_id,
				target_group: c.group,
				member: c.noorMember,
				kind: 'check_in',
				body: 'Hoe gaat het met je?'
			})
		).toBe(firstThread);
		// Another moderator of the group still can.
		expect(
			await ok(c.colleague.client, 'invite_to_meetup', {
				client_id: randomUUID(),
				meetup: c.meetup,
				member: c.noorMember
			})
		).toBeTruthy();
	});
});

describe('kind actions stay inside the group, the meetup and the person', () => {
	let c: Cast;
	let noorPost: string;

	beforeAll(async () => {
		c = await Cast.make();
		noorPost = await post(c.noor, c.group, { body: 'Wie gaat er mee naar de markt?' });
	});

	test('no invitation to a meetup of another group, a cancelled one or a past one', async () => {
		const cancelled = await createMeetup(c.host, c.group, { title: 'Gaat niet door' });
		await ok(c.host.client, 'cancel_meetup', { meetup: cancelled });
		const past = await createMeetup(c.host, c.group, { title: 'Voorbij' });
		await sql(
			`update public.meetups set starts_at = now() - interval '2 days',
				ends_at = now() - interval '2 days' + interval '2 hours' where id = $1`,
			[past]
		);
		for (const meetup of [c.otherMeetup, cancelled, past, randomUUID()]) {
			const { error } = await call(c.moderator.client, 'invite_to_meetup', {
				client_id: randomUUID(),
				meetup,
				member: c.noorMember
			});
			expect(error).toBe('meetup_not_found');
		}
		// The other group's moderator cannot invite our member to their meetup, nor to ours.
		for (const meetup of [c.otherMeetup, c.meetup]) {
			const { error } = await call(c.otherModerator.client, 'invite_to_meetup', {
				client_id: randomUUID(),
				meetup,
				member: c.noorMember
			});
			expect(error).toBe('not_allowed');
		}
	});

	test('no buddy from another group, no request answered by someone it was not asked of', async () => {
		expect(
			(
				await call(c.moderator.client, 'ask_buddy', {
					client_id: randomUUID(),
					target_group: c.group,
					newcomer: c.noorMember,
					buddy: c.otherMemberId
				})
			).error
		).toBe('buddy_invalid');
		expect(
			(
				await call(c.otherModerator.client, 'ask_buddy', {
					client_id: randomUUID(),
					target_group: c.other,
					newcomer: c.otherMemberId,
					buddy: c.samMember
				})
			).error
		).toBe('buddy_invalid');
		expect(
			(
				await call(c.moderator.client, 'ask_buddy', {
					client_id: randomUUID(),
					target_group: c.group,
					newcomer: await membershipId(c.group, c.left.id),
					buddy: c.samMember
				})
			).error
		).toBe('not_allowed');
		const request = (await ok(c.moderator.client, 'ask_buddy', {
			client_id: randomUUID(),
			target_group: c.group,
			newcomer: c.noorMember,
			buddy: c.samMember
		})) as string;
		for (const person of [c.noor, c.moderator, c.host, c.otherModerator, c.removed]) {
			const { error } = await call(person.client, 'answer_buddy_request', {
				buddy_request: request,
				accept: true
			});
			expect(error).toBe('not_allowed');
		}
		for (const person of [c.host, c.otherModerator, c.moderator]) {
			expect((await call(person.client, 'end_buddy', { buddy_request: request })).error).toBe(
				'not_allowed'
			);
		}
		expect(
			(await call(c.sam.client, 'answer_buddy_request', { buddy_request: request, accept: null }))
				.error
		).toBe('not_allowed');
	});

	test('no one outside the group is asked to answer, no one answers for another', async () => {
		expect(
			(
				await call(c.moderator.client, 'ask_to_answer', {
					client_id: randomUUID(),
					post: noorPost,
					member: c.otherMemberId
				})
			).error
		).toBe('answer_request_invalid');
		expect(
			(
				await call(c.otherModerator.client, 'ask_to_answer', {
					client_id: randomUUID(),
					post: noorPost,
					member: c.samMember
				})
			).error
		).toBe('not_allowed');
	});
});

describe('climate answers', () => {
	let c: Cast;

	beforeAll(async () => {
		c = await Cast.make();
		await c.removeRemoved();
	});

	test('only a face from 1 to 5, once a month, in a group of mine', async () => {
		for (const face of [0, 6, -1, 32767]) {
			expect(
				(await call(c.noor.client, 'answer_climate', { target_group: c.group, face })).error
			).toBe('climate_face_invalid');
		}
		expect(
			(await call(c.noor.client, 'answer_climate', { target_group: c.group, face: 'x' })).error
		).not.toBeNull();
		expect(
			(await call(c.noor.client, 'answer_climate', { target_group: c.group, face: 2.5 })).error
		).not.toBeNull();
		for (const person of [c.otherModerator, c.removed, c.left]) {
			expect(
				(await call(person.client, 'answer_climate', { target_group: c.group, face: 5 })).error
			).toBe('not_allowed');
		}
		const anonymous = await call(client(), 'answer_climate', { target_group: c.group, face: 5 });
		expect(anonymous.error).not.toBeNull();
		await ok(c.noor.client, 'answer_climate', { target_group: c.group, face: 1 });
		await ok(c.noor.client, 'answer_climate', { target_group: c.group, face: 5 });
		await ok(c.noor.client, 'answer_climate', { target_group: c.group, face: null });
		const { rows } = await sql(
			`select face, answers from public.climate_answers where group_id = $1 order by face`,
			[c.group]
		);
		expect(rows.map((r) => r.answers)).toEqual([1, 0, 0, 0, 0]);
	});
});

describe('what each caller reads', () => {
	let c: Cast;
	let deleted: Person;
	let newcomer: SupabaseClient;

	beforeAll(async () => {
		c = await Cast.make();
		await c.removeRemoved();
		await ok(c.sam.client, 'set_signals_opt_out', { target_group: c.group, opt_out: true });
		// A post two days old nobody answered: a signal about Noor.
		const noorPost = await post(c.noor, c.group, { body: 'Niemand die dit leest?' });
		await sql(`update public.posts set created_at = now() - interval '2 days' where id = $1`, [
			noorPost
		]);
		await ok(c.moderator.client, 'ask_buddy', {
			client_id: randomUUID(),
			target_group: c.group,
			newcomer: c.noorMember,
			buddy: c.samMember
		});
		await ok(c.moderator.client, 'set_inclusion_template', {
			target_group: c.group,
			kind: 'welcome',
			body: 'Welkom!'
		});
		deleted = await joinedMember(c.group, 'Verdwenen');
		await ok(deleted.client, 'delete_my_account', {});
		newcomer = client();
		const { error } = await newcomer.auth.signInAnonymously();
		expect(error).toBeNull();
	});

	const tables = [
		'inclusion_settings',
		'inclusion_signal_handled',
		'inclusion_templates',
		'inclusion_actions',
		'buddies',
		'meetup_invitations',
		'answer_requests',
		'climate_asked',
		'climate_answers'
	];

	test('no one but the moderators reads the group inclusion functions; no table is readable', async () => {
		const callers: Record<string, SupabaseClient> = {
			visitor: client(),
			newcomer,
			member: c.noor.client,
			host: c.host.client,
			muted: c.muted.client,
			removed: c.removed.client,
			left: c.left.client,
			otherModerator: c.otherModerator.client,
			deleted: deleted.client
		};
		for (const [who, sb] of Object.entries(callers)) {
			const signals = await call(sb, 'inclusion_signals', { target_group: c.group });
			expect(signals.data ?? [], who).toEqual([]);
			expect(
				(await call(sb, 'page_group_inclusion', { target_group: c.group })).data,
				who
			).toBeNull();
			expect((await call(sb, 'inclusion_trend', { target_group: c.group })).data, who).toBeNull();
			expect(
				(await call(sb, 'signal_opt_outs', { target_group: c.group })).data ?? [],
				who
			).toEqual([]);
			expect(
				(await call(sb, 'climate_summary', { target_group: c.group })).error,
				who
			).not.toBeNull();
			expect(
				(await call(sb, 'inclusion_template', { target_group: c.group, kind: 'welcome' })).error,
				who
			).not.toBeNull();
			const settings = await call(sb, 'inclusion_settings_of', { target_group: c.group });
			expect(settings.data, who).toBeNull();
			for (const table of tables) {
				const { data, error } = await sb.from(table).select('*');
				expect(error !== null || (data ?? []).length === 0, `${who} ${table}`).toBe(true);
			}
			// Who opted out is not a column anyone reads.
			const optOut = await sb.from('group_members').select('id, signals_opt_out');
			expect(optOut.error !== null || (optOut.data ?? []).length === 0, who).toBe(true);
			const all = await sb.from('group_members').select('*');
			for (const row of all.data ?? []) expect(row, who).not.toHaveProperty('signals_opt_out');
		}
	});

	test('my_inclusion holds only the caller: no other member, moderator or buddy', async () => {
		const others = [
			c.samMember,
			c.sam.id,
			c.moderator.id,
			await membershipId(c.group, c.moderator.id),
			c.colleague.id,
			c.host.id,
			'Sam',
			'Begeleider'
		];
		const mine = JSON.stringify(await ok(c.noor.client, 'my_inclusion'));
		expect(mine).toContain('unanswered_post');
		expect(mine).toContain('buddy');
		for (const other of others) expect(mine).not.toContain(other);
		// Sam, the asked buddy who opted out, sees nothing about Noor and no signals.
		const sams = (await ok(c.sam.client, 'my_inclusion')) as {
			groups: { signals_opt_out: boolean; signals: unknown[] }[];
		};
		expect(JSON.stringify(sams)).not.toContain(c.noorMember);
		expect(sams.groups[0].signals_opt_out).toBe(true);
		for (const sb of [c.removed.client, c.left.client, newcomer, deleted.client]) {
			expect(await ok(sb, 'my_inclusion')).toEqual({ groups: [] });
		}
	});
});

describe('anonymous posts stay anonymous', () => {
	let c: Cast;
	let anonymousPost: string;

	beforeAll(async () => {
		c = await Cast.make();
		anonymousPost = await post(c.noor, c.group, {
			anonymous: true,
			body: 'Ik durf het niet te zeggen.'
		});
		await sql(`update public.posts set created_at = now() - interval '2 days' where id = $1`, [
			anonymousPost
		]);
	});

	test('the member asked to answer is not told who wrote it, the deleted author leaves no link', async () => {
		await ok(c.moderator.client, 'ask_to_answer', {
			client_id: randomUUID(),
			post: anonymousPost,
			member: c.samMember
		});
		await ok(c.moderator.client, 'mark_signal_handled', {
			target_group: c.group,
			kind: 'unanswered_post',
			member: c.noorMember,
			post: anonymousPost,
			note: 'Sam gevraagd'
		});
		const notes = JSON.stringify(await ok(c.sam.client, 'page_notifications'));
		expect(notes).toContain('answer_asked');
		for (const trace of [c.noorMember, c.noor.id, 'Noor']) expect(notes).not.toContain(trace);
		const exported = JSON.stringify(await ok(c.sam.client, 'export_my_data'));
		for (const trace of [c.noorMember, c.noor.id, 'Noor', anonymousPost]) {
			expect(exported).not.toContain(trace);
		}
		await ok(c.noor.client, 'delete_my_account', {});
		const { rows } = await sql(
			`select 'handled' as t from public.inclusion_signal_handled where post_id = $1
				and member_id is not null
			union all select 'actions' from public.inclusion_actions where member_id = $2
			union all select 'authors' from public.post_authors where post_id = $1`,
			[anonymousPost, c.noorMember]
		);
		expect(rows).toEqual([]);
	});
});

describe('bad input', () => {
	let c: Cast;

	beforeAll(async () => {
		c = await Cast.make();
	});

	test('templates, notes and messages have their lengths', async () => {
		expect(
			(
				await call(c.moderator.client, 'set_inclusion_template', {
					target_group: c.group,
					kind: 'welcome',
					body: 'x'.repeat(1001)
				})
			).error
		).toBe('template_invalid');
		expect(
			(
				await call(c.moderator.client, 'set_inclusion_template', {
					target_group: c.group,
					kind: 'goodbye',
					body: 'Dag'
				})
			).error
		).toBe('template_invalid');
		expect(
			(
				await call(c.moderator.client, 'send_kind_message', {
					client_id: randomUUID(),
					target_group: c.group,
					member: c.noorMember,
					kind: 'check_in',
					body: 'x'.repeat(2001)
				})
			).error
		).toBe('message_invalid');
		expect(
			(
				await call(c.moderator.client, 'send_kind_message', {
					client_id: randomUUID(),
					target_group: c.group,
					member: c.noorMember,
					kind: 'scold',
					body: 'Hallo'
				})
			).error
		).toBe('message_invalid');
	});

	test('settings out of range, of the wrong type, null or huge are refused', async () => {
		const before = await ok(c.moderator.client, 'inclusion_settings_of', { target_group: c.group });
		const bad: unknown[] = [
			{ dominance_share: 'NaN' },
			{ dominance_share: 'Infinity' },
			{ dominance_share: 1 },
			{ dominance_share: '0.' + '3'.repeat(5000) },
			{ fading_quiet_days: 0 },
			{ fading_quiet_days: 1.5 },
			{ fading_quiet_days: true },
			{ fading_quiet_days: [21] },
			{ fading_quiet_days: { days: 21 } },
			{ fading_quiet_days: null },
			{ fading_quiet_days: 2 ** 40 },
			{ first_timer_min_days: 60 },
			{ group_id: c.other },
			{ nonsense: 1 },
			[],
			'x',
			null,
			Object.fromEntries(Array.from({ length: 20000 }, (_, i) => [`k${i}`, i]))
		];
		const taken: string[] = [];
		for (const settings of bad) {
			const { error } = await call(c.moderator.client, 'update_inclusion_settings', {
				target_group: c.group,
				settings
			});
			if (error !== 'settings_invalid')
				taken.push(`${JSON.stringify(settings).slice(0, 40)}: ${error}`);
		}
		expect(taken).toEqual([]);
		expect(
			await ok(c.moderator.client, 'inclusion_settings_of', { target_group: c.group })
		).toEqual(before);
		expect(
			(
				await call(c.moderator.client, 'mark_signal_handled', {
					target_group: c.group,
					kind: 'dominance',
					note: 'x'.repeat(1001)
				})
			).error
		).toBe('note_invalid');
	});
});

describe('the new notifications stay with the group', () => {
	let c: Cast;

	beforeAll(async () => {
		c = await Cast.make();
	});

	test('a removed member, and a member of another group, read none of them', async () => {
		const noorPost = await post(c.noor, c.group, { body: 'Iemand een tip voor de huur?' });
		await ok(c.moderator.client, 'ask_to_answer', {
			client_id: randomUUID(),
			post: noorPost,
			member: c.removedMember
		});
		await ok(c.moderator.client, 'invite_to_meetup', {
			client_id: randomUUID(),
			meetup: c.meetup,
			member: c.removedMember
		});
		const before = await c.removed.client.from('notifications').select('id, kind, post_id');
		expect(before.error).toBeNull();
		expect((before.data ?? []).map((n) => n.kind).sort()).toEqual(['answer_asked', 'invited']);
		await c.removeRemoved();
		const after = await c.removed.client.from('notifications').select('id, kind, post_id');
		expect(after.data ?? []).toEqual([]);
		const page = (await ok(c.removed.client, 'page_notifications')) as { kind: string }[];
		expect(page.filter((n) => ['answer_asked', 'invited'].includes(n.kind))).toEqual([]);
		const home = JSON.stringify(await ok(c.removed.client, 'page_home'));
		expect(home).not.toContain(c.meetup);
		const elsewhere = await c.otherMember.client.from('notifications').select('id');
		expect(elsewhere.data ?? []).toEqual([]);
	});
});

// Planting history straight in the tables (as tests/db/inclusion-signals.test.ts does).
const ago = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

async function plantedMember(group: string, name: string) {
	const user = randomUUID();
	await sql(`insert into auth.users (id, email) values ($1, $2)`, [user, `${user}@kring.test`]);
	const { rows } = await sql(
		`insert into public.group_members (group_id, user_id, role, status, nickname, joined_at,
			rules_accepted_at)
		values ($1, $2, 'member', 'active', $3, $4, $4) returning id`,
		[group, user, name, ago(200)]
	);
	return { member: rows[0].id as string, user };
}

async function plantedPost(group: string, author: { user: string }, daysAgo: number) {
	const { rows } = await sql(
		`with p as (
			insert into public.posts (group_id, author_id, kind, body, created_at)
			values ($1, $2, 'question', 'Een vraag', $3) returning id)
		insert into public.post_authors (post_id, author_id, client_id, created_at)
		select id, $2, gen_random_uuid(), $3 from p returning post_id`,
		[group, author.user, ago(daysAgo)]
	);
	return rows[0].post_id as string;
}

async function plantedAnswer(
	group: string,
	author: { user: string },
	post: string,
	daysAgo: number
) {
	await sql(
		`with c as (
			insert into public.comments (post_id, group_id, author_id, body, created_at)
			values ($1, $2, $3, 'Een antwoord', $4) returning id)
		insert into public.comment_authors (comment_id, author_id, client_id, created_at)
		select id, $3, gen_random_uuid(), $4 from c`,
		[post, group, author.user, ago(daysAgo)]
	);
}

async function plantedReaction(group: string, by: { user: string }, post: string, daysAgo: number) {
	await sql(
		`insert into public.reactions (group_id, post_id, user_id, kind, client_id, created_at)
		values ($1, $2, $3, 'support', gen_random_uuid(), $4)`,
		[group, post, by.user, ago(daysAgo)]
	);
}

/** A group of 12 regulars who answer each other, and a circle that talks only inside. */
async function groupWithCircle(size: number) {
	const group = (await makeGroup()).id;
	const moderator = await joinedModerator(group, 'Begeleider');
	const regulars = [];
	for (let i = 0; i < 12; i++) regulars.push(await plantedMember(group, `Vaste ${i + 1}`));
	for (let i = 0; i < regulars.length; i++) {
		const p = await plantedPost(group, regulars[i], 3 + i);
		await plantedAnswer(group, regulars[(i + 1) % 12], p, 2 + i);
		await plantedReaction(group, regulars[(i + 2) % 12], p, 2 + i);
	}
	const circle = [];
	for (let i = 0; i < size; i++) circle.push(await plantedMember(group, `Kring ${i + 1}`));
	for (let i = 0; i < size; i++) {
		const p = await plantedPost(group, circle[i], 4 + i);
		for (const other of circle.filter((_, j) => j !== i))
			await plantedReaction(group, other, p, 3 + i);
		await plantedAnswer(group, circle[(i + 1) % size], p, 3 + i);
	}
	return { group, moderator, circle };
}

describe('a member who opted out is in no closed circle', () => {
	type Row = { kind: string; member: string | null; evidence: Record<string, unknown> };
	const circles = async (moderator: Person, group: string) =>
		((await ok(moderator.client, 'inclusion_signals', { target_group: group })) as Row[]).filter(
			(row) => row.kind === 'closed_circle'
		);
	// The page names the member ({ id, nickname }); compared here by id.
	const pageCircles = async (moderator: Person, group: string) =>
		(
			(await ok(moderator.client, 'page_group_inclusion', { target_group: group })) as {
				signals: (Omit<Row, 'member'> & { member: { id: string } | null })[];
			}
		).signals
			.filter((row) => row.kind === 'closed_circle')
			.map((row) => ({ ...row, member: row.member?.id ?? null }));

	// With one name on "X wil niet in de signalen staan", "and 1 other" in a circle said who.
	test('a circle with them names and counts only the others', async () => {
		const { group, moderator, circle } = await groupWithCircle(4);
		expect((await circles(moderator, group)).length).toBe(4);
		await sql(`update public.group_members set signals_opt_out = true where id = $1`, [
			circle[3].member
		]);
		for (const rows of [await circles(moderator, group), await pageCircles(moderator, group)]) {
			expect(rows.map((row) => row.member).sort()).toEqual(
				circle
					.slice(0, 3)
					.map((c) => c.member)
					.sort()
			);
			for (const row of rows) {
				expect(row.evidence).not.toHaveProperty('others');
				expect(row.evidence.size).toBe(3);
				expect(JSON.stringify(row)).not.toContain(circle[3].member);
			}
		}
	}, 60_000);

	test('a circle that is one only with them is not shown', async () => {
		const { group, moderator, circle } = await groupWithCircle(3);
		expect((await circles(moderator, group)).length).toBe(3);
		await sql(`update public.group_members set signals_opt_out = true where id = $1`, [
			circle[2].member
		]);
		expect(await circles(moderator, group)).toEqual([]);
		expect(await pageCircles(moderator, group)).toEqual([]);
		// Nor found by marking it handled (that told which members were in such a circle).
		const { error } = await call(moderator.client, 'mark_signal_handled', {
			target_group: group,
			kind: 'closed_circle',
			member: circle[0].member,
			note: null
		});
		expect(error).toBe('signal_not_found');
	}, 60_000);
});

describe('what a member in such a circle is shown about it', () => {
	// my_inclusion says what the moderators see about me: not a circle they are not shown.
	const myCircles = async (user: string) => {
		const token = await new SignJWT({ sub: user, role: 'authenticated', aud: 'authenticated' })
			.setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
			.setExpirationTime('10m')
			.sign(new TextEncoder().encode(platform().jwtSecret));
		const mine = (await ok(client(token), 'my_inclusion')) as {
			groups: { signals: { kind: string; evidence: { size: number } }[] }[];
		};
		return mine.groups.flatMap((g) => g.signals).filter((s) => s.kind === 'closed_circle');
	};

	test('counts only the members who did not opt out, and is not shown when they make it one', async () => {
		const four = await groupWithCircle(4);
		await sql(`update public.group_members set signals_opt_out = true where id = $1`, [
			four.circle[3].member
		]);
		expect(await myCircles(four.circle[0].user)).toEqual([
			expect.objectContaining({ evidence: expect.objectContaining({ size: 3 }) })
		]);

		const three = await groupWithCircle(3);
		expect(await myCircles(three.circle[0].user)).toHaveLength(1);
		await sql(`update public.group_members set signals_opt_out = true where id = $1`, [
			three.circle[2].member
		]);
		expect(await myCircles(three.circle[0].user)).toEqual([]);
	}, 90_000);
});

describe('a member is not pinged without end', () => {
	let c: Cast;

	beforeAll(async () => {
		c = await Cast.make();
	});

	// Messages have no daily limit and several moderators add up: after 20 pings in a day what
	// the moderators send still arrives, without one more ping.
	test('at most 20 pings from the moderators in 24 hours, what is sent still arrives', async () => {
		const pings = async () =>
			(
				await sql(
					`select count(*)::int as n from public.notifications where user_id = $1
					and kind in ('invited', 'answer_asked', 'buddy_asked', 'moderators_wrote')`,
					[c.noor.id]
				)
			).rows[0].n as number;
		for (let i = 0; i < 20; i++) {
			await ok(i % 2 ? c.moderator.client : c.colleague.client, 'message_member', {
				client_id: randomUUID(),
				member: c.noorMember,
				body: `Bericht ${i + 1}`
			});
		}
		expect(await pings()).toBe(20);
		await ok(c.moderator.client, 'message_member', {
			client_id: randomUUID(),
			member: c.noorMember,
			body: 'Nog een'
		});
		const invitation = await ok(c.colleague.client, 'invite_to_meetup', {
			client_id: randomUUID(),
			meetup: c.meetup,
			member: c.noorMember
		});
		expect(await pings()).toBe(20);
		const { rows } = await sql(
			`select count(*)::int as n from public.moderation_messages msg
			join public.moderation_threads t on t.id = msg.thread_id
			where t.member_id = $1 and msg.from_moderators`,
			[c.noorMember]
		);
		expect(rows[0].n).toBe(21);
		const home = (await ok(c.noor.client, 'page_home')) as { invitations: { id: string }[] };
		expect(home.invitations.map((i) => i.id)).toEqual([invitation]);
		// Sam is pinged as before.
		await ok(c.moderator.client, 'message_member', {
			client_id: randomUUID(),
			member: c.samMember,
			body: 'Dag Sam'
		});
		const sams = await sql(
			`select count(*)::int as n from public.notifications where user_id = $1`,
			[c.sam.id]
		);
		expect(sams.rows[0].n).toBe(1);
	});
});
