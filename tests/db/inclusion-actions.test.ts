// Kind actions (issue 11, part 2): what a group's moderators do about a member — a welcome or
// check-in message, a personal meetup invitation, a buddy, a "would you answer" request, a
// signal marked handled — reach the member (and only them) as notifications, are kept in the
// log the member sees, and are refused to everyone but the group's active moderators.
import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import { beforeAll, describe, expect, test } from 'vitest';
import { client, db, signUp, type Person } from '../support/platform';
import { joinedMember, joinedModerator, makeGroup, membershipId, post } from '../support/groups';
import { answered, createMeetup, joinedHost } from '../support/meetups';

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

interface NotificationRow {
	id: string;
	kind: string;
	group_id: string | null;
	group_name: string | null;
	meetup_id: string | null;
	meetup_title: string | null;
	post_id: string | null;
	post_excerpt: string | null;
	thread_id: string | null;
	buddy_request: string | null;
	buddy_status: string | null;
	person_nickname: string | null;
}

const newKinds = ['invited', 'answer_asked', 'buddy_asked', 'buddy_accepted', 'moderators_wrote'];

async function notifications(person: Person): Promise<NotificationRow[]> {
	return ((await ok(person.client, 'page_notifications')) as NotificationRow[]).filter((row) =>
		newKinds.includes(row.kind)
	);
}

async function unread(person: Person): Promise<number> {
	return ((await ok(person.client, 'app_shell')) as { unread: number }).unread;
}

async function actionsAbout(member: string) {
	const { rows } = await sql(
		`select kind, signal_kind, post_id, meetup_id, thread_id, buddy_id, moderator_id
		from public.inclusion_actions where member_id = $1 order by created_at, id`,
		[member]
	);
	return rows;
}

/** A group with its moderators, a host, two members, a removed moderator, and a meetup to come. */
class Cast {
	group!: string;
	moderator!: Person;
	moderatorMember!: string;
	colleague!: Person;
	colleagueMember!: string;
	host!: Person;
	noor!: Person;
	noorMember!: string;
	sam!: Person;
	samMember!: string;
	removed!: Person;
	meetup!: string;

	static async make(): Promise<Cast> {
		const c = new Cast();
		c.group = (await makeGroup({ name: 'Praatgroep Gent' })).id;
		c.moderator = await joinedModerator(c.group, 'Begeleider');
		c.colleague = await joinedModerator(c.group, 'Collega');
		c.host = await joinedHost(c.group, 'Gastvrouw');
		c.noor = await joinedMember(c.group, 'Noor');
		c.sam = await joinedMember(c.group, 'Sam');
		c.removed = await joinedModerator(c.group, 'Vroeger');
		await sql(
			`update public.group_members set status = 'removed' where group_id = $1 and user_id = $2`,
			[c.group, c.removed.id]
		);
		c.moderatorMember = await membershipId(c.group, c.moderator.id);
		c.colleagueMember = await membershipId(c.group, c.colleague.id);
		c.noorMember = await membershipId(c.group, c.noor.id);
		c.samMember = await membershipId(c.group, c.sam.id);
		c.meetup = await createMeetup(c.host, c.group, { title: 'Soep en babbel' });
		return c;
	}
}

describe('who may act', () => {
	let c: Cast;
	let people: Record<string, SupabaseClient>;
	let noorPost: string;

	beforeAll(async () => {
		c = await Cast.make();
		noorPost = await post(c.noor, c.group, { body: 'Weet iemand waar ik hulp vind?' });
		const other = (await makeGroup()).id;
		const otherModerator = await joinedModerator(other, 'Elders');
		people = {
			anonymous: client(),
			outsider: (await signUp()).client,
			member: c.sam.client,
			host: c.host.client,
			removed: c.removed.client,
			otherModerator: otherModerator.client
		};
	});

	const calls = (): [string, Record<string, unknown>][] => [
		['inclusion_template', { target_group: c.group, kind: 'welcome' }],
		['set_inclusion_template', { target_group: c.group, kind: 'welcome', body: 'Hallo' }],
		[
			'send_kind_message',
			{
				client_id: randomUUID(),
				target_group: c.group,
				member: c.noorMember,
				kind: 'welcome',
				body: 'Welkom!'
			}
		],
		['invite_to_meetup', { client_id: randomUUID(), meetup: c.meetup, member: c.noorMember }],
		[
			'ask_buddy',
			{ client_id: randomUUID(), target_group: c.group, newcomer: c.noorMember, buddy: c.samMember }
		],
		['ask_to_answer', { client_id: randomUUID(), post: noorPost, member: c.samMember }],
		['climate_summary', { target_group: c.group }]
	];

	async function written() {
		const { rows } = await sql(
			`select (select count(*) from public.inclusion_actions where group_id = $1)::int as actions,
				(select count(*) from public.inclusion_templates where group_id = $1)::int as templates,
				(select count(*) from public.buddies where group_id = $1)::int as buddies,
				(select count(*) from public.meetup_invitations where meetup_id = $2)::int as invitations,
				(select count(*) from public.answer_requests where post_id = $3)::int as requests,
				(select count(*) from public.notifications where group_id = $1)::int as notifications,
				(select count(*) from public.moderation_threads where group_id = $1)::int as threads`,
			[c.group, c.meetup, noorPost]
		);
		return rows[0];
	}

	test.each(['anonymous', 'outsider', 'member', 'host', 'removed', 'otherModerator'])(
		'%s is refused every moderator function, and nothing is written',
		async (who) => {
			const before = await written();
			for (const [fn, args] of calls()) {
				const { data, error } = await call(people[who], fn, args);
				expect(error, `${fn} by ${who}`).not.toBeNull();
				expect(data, `${fn} by ${who}`).toBeNull();
			}
			expect(await written()).toEqual(before);
		}
	);

	test('the moderator may; the words of a refusal are not_allowed for the signed-in', async () => {
		for (const [fn, args] of calls()) await ok(c.moderator.client, fn, args);
		const { error } = await call(people.member, 'climate_summary', { target_group: c.group });
		expect(error).toBe('not_allowed');
	});

	test('no one reads the new tables through the API, not even the moderator', async () => {
		for (const table of [
			'buddies',
			'inclusion_templates',
			'inclusion_actions',
			'meetup_invitations',
			'answer_requests',
			'climate_asked',
			'climate_answers'
		]) {
			for (const sb of [c.moderator.client, c.noor.client, client()]) {
				const { data } = await sb.from(table).select('*');
				expect(data ?? [], table).toEqual([]);
			}
		}
	});
});

describe('never on oneself or another moderator', () => {
	let c: Cast;
	beforeAll(async () => {
		c = await Cast.make();
	});

	test.each([
		['themself', () => ({ member: c.moderatorMember, person: c.moderator })],
		['another moderator', () => ({ member: c.colleagueMember, person: c.colleague })]
	])('a moderator cannot act on %s', async (_, target) => {
		const { member, person } = target();
		const ownPost = await post(person, c.group);
		const attempts: [string, Record<string, unknown>][] = [
			[
				'send_kind_message',
				{ client_id: randomUUID(), target_group: c.group, member, kind: 'check_in', body: 'Hoi' }
			],
			['invite_to_meetup', { client_id: randomUUID(), meetup: c.meetup, member }],
			[
				'ask_buddy',
				{ client_id: randomUUID(), target_group: c.group, newcomer: member, buddy: c.samMember }
			],
			['ask_to_answer', { client_id: randomUUID(), post: ownPost, member: c.samMember }]
		];
		for (const [fn, args] of attempts) {
			expect((await call(c.moderator.client, fn, args)).error, fn).toBe('not_allowed');
		}
		expect(await actionsAbout(member)).toEqual([]);
	});

	test('a member of another group, named with this group, is not acted on', async () => {
		const other = (await makeGroup()).id;
		const stranger = await joinedMember(other, 'Vreemde');
		const strangerMember = await membershipId(other, stranger.id);
		const { error } = await call(c.moderator.client, 'send_kind_message', {
			client_id: randomUUID(),
			target_group: c.group,
			member: strangerMember,
			kind: 'welcome',
			body: 'Hallo'
		});
		expect(error).toBe('not_allowed');
		const invite = await call(c.moderator.client, 'invite_to_meetup', {
			client_id: randomUUID(),
			meetup: c.meetup,
			member: strangerMember
		});
		expect(invite.error).toBe('not_allowed');
	});
});

describe('templates', () => {
	test('stored per group and kind, back to the default with an empty body, checked', async () => {
		const c = await Cast.make();
		const read = (kind: string) =>
			ok(c.moderator.client, 'inclusion_template', { target_group: c.group, kind });
		expect(await read('welcome')).toBeNull();
		expect(
			await ok(c.moderator.client, 'set_inclusion_template', {
				target_group: c.group,
				kind: 'welcome',
				body: '  Welkom in onze groep!  '
			})
		).toBe('Welkom in onze groep!');
		expect(await read('welcome')).toBe('Welkom in onze groep!');
		expect(await read('check_in')).toBeNull();
		// The colleague sees the group's words too; another group has its own.
		expect(
			await ok(c.colleague.client, 'inclusion_template', { target_group: c.group, kind: 'welcome' })
		).toBe('Welkom in onze groep!');
		expect(
			await ok(c.moderator.client, 'set_inclusion_template', {
				target_group: c.group,
				kind: 'welcome',
				body: ' '
			})
		).toBeNull();
		expect(await read('welcome')).toBeNull();
		for (const [kind, body] of [
			['welcome', 'x'.repeat(1001)],
			['goodbye', 'Dag'],
			[null, 'Dag']
		]) {
			const { error } = await call(c.moderator.client, 'set_inclusion_template', {
				target_group: c.group,
				kind,
				body
			});
			expect(error).toBe('template_invalid');
		}
		expect(
			(await call(c.moderator.client, 'inclusion_template', { target_group: c.group, kind: 'x' }))
				.error
		).toBe('template_invalid');
	});
});

describe('a welcome or check-in message', () => {
	test('goes through a thread the member can answer, is told to them only, logged once', async () => {
		const c = await Cast.make();
		const before = { noor: await unread(c.noor), sam: await unread(c.sam) };
		const args = {
			client_id: randomUUID(),
			target_group: c.group,
			member: c.noorMember,
			kind: 'welcome',
			body: 'Welkom Noor, fijn dat je er bent!'
		};
		const thread = await ok(c.moderator.client, 'send_kind_message', args);
		expect(await ok(c.moderator.client, 'send_kind_message', args)).toBe(thread);

		const { rows: messages } = await sql(
			`select body, from_moderators from public.moderation_messages where thread_id = $1`,
			[thread]
		);
		expect(messages).toEqual([
			{ body: 'Welkom Noor, fijn dat je er bent!', from_moderators: true }
		]);
		expect(await actionsAbout(c.noorMember)).toEqual([
			expect.objectContaining({ kind: 'welcome', thread_id: thread, moderator_id: c.moderator.id })
		]);
		expect(await notifications(c.noor)).toEqual([
			expect.objectContaining({
				kind: 'moderators_wrote',
				thread_id: thread,
				group_id: c.group,
				group_name: 'Praatgroep Gent',
				meetup_id: null,
				person_nickname: null
			})
		]);
		expect(await unread(c.noor)).toBe(before.noor + 1);
		expect(await notifications(c.sam)).toEqual([]);
		expect(await unread(c.sam)).toBe(before.sam);
		expect(await notifications(c.moderator)).toEqual([]);

		// The member sees the thread and answers it.
		const mine = (await ok(c.noor.client, 'page_my_moderation')) as {
			threads: { id: string; messages: { body: string }[] }[];
		};
		expect(mine.threads.find((t) => t.id === thread)?.messages[0].body).toBe(
			'Welkom Noor, fijn dat je er bent!'
		);
		await ok(c.noor.client, 'reply_to_moderators', {
			client_id: randomUUID(),
			thread,
			body: 'Dank je!'
		});

		// Marking read takes it out of the count.
		const [row] = await notifications(c.noor);
		await ok(c.noor.client, 'mark_notifications_read', { ids: [row.id] });
		expect(await unread(c.noor)).toBe(before.noor);

		for (const [kind, body, code] of [
			['goodbye', 'Dag', 'message_invalid'],
			['check_in', ' ', 'message_invalid']
		]) {
			const { error } = await call(c.moderator.client, 'send_kind_message', {
				...args,
				client_id: randomUUID(),
				kind,
				body
			});
			expect(error).toBe(code);
		}
	});
});

describe('the same request twice at once', () => {
	test('one thread, one line in the log, one notification', async () => {
		const c = await Cast.make();
		const args = [randomUUID(), c.group, c.noorMember, 'check_in', 'Hoe gaat het?'];
		// Two connections as the moderator: the second sends while the first has not committed.
		const first = await db().connect();
		const second = await db().connect();
		try {
			for (const connection of [first, second]) {
				await connection.query('begin');
				await connection.query(`select set_config('request.jwt.claims', $1, true)`, [
					JSON.stringify({ sub: c.moderator.id, role: 'authenticated' })
				]);
				await connection.query('set local role authenticated');
			}
			const send = 'select public.send_kind_message($1, $2, $3, $4, $5) as thread';
			const one = await first.query(send, args);
			const waiting = second.query(send, args);
			await new Promise((resolve) => setTimeout(resolve, 300));
			await first.query('commit');
			const two = await waiting;
			await second.query('commit');
			expect(two.rows[0].thread).toBe(one.rows[0].thread);
		} finally {
			first.release();
			second.release();
		}
		expect(await actionsAbout(c.noorMember)).toHaveLength(1);
		expect(await notifications(c.noor)).toHaveLength(1);
	});
});

describe('the moderators write to a member', () => {
	test('every message from the moderators is told to the member of the thread, and to no one else', async () => {
		const c = await Cast.make();
		const before = {
			sam: await unread(c.sam),
			moderator: await unread(c.moderator),
			colleague: await unread(c.colleague),
			host: await unread(c.host)
		};
		const first = {
			client_id: randomUUID(),
			member: c.noorMember,
			body: 'Hoi Noor, hoe gaat het?'
		};
		const thread = (await ok(c.moderator.client, 'message_member', first)) as string;
		// The same request again (a phone retrying) is the same message, told once.
		expect(await ok(c.moderator.client, 'message_member', first)).toBe(thread);
		expect(await notifications(c.noor)).toEqual([
			expect.objectContaining({
				kind: 'moderators_wrote',
				thread_id: thread,
				group_id: c.group,
				group_name: 'Praatgroep Gent',
				person_nickname: null
			})
		]);

		await ok(c.noor.client, 'reply_to_moderators', {
			client_id: randomUUID(),
			thread,
			body: 'Goed, dank je.'
		});
		const answer = { client_id: randomUUID(), thread, body: 'Fijn om te horen!' };
		await ok(c.colleague.client, 'reply_as_moderators', answer);
		await ok(c.colleague.client, 'reply_as_moderators', answer);

		// A "left out" message to one moderator, answered by that moderator.
		const leftOut = (await ok(c.noor.client, 'send_left_out_message', {
			client_id: randomUUID(),
			target_group: c.group,
			to_moderator: c.moderatorMember,
			body: 'Niemand reageert op mij.'
		})) as string;
		await ok(c.moderator.client, 'reply_as_moderators', {
			client_id: randomUUID(),
			thread: leftOut,
			body: 'Dank je dat je het zegt. Zullen we eens praten?'
		});

		const told = await notifications(c.noor);
		expect(told.map((row) => [row.kind, row.thread_id]).sort()).toEqual(
			[
				['moderators_wrote', thread],
				['moderators_wrote', thread],
				['moderators_wrote', leftOut]
			].sort()
		);
		expect(JSON.stringify(told)).not.toMatch(/Begeleider|Collega/);
		const { rows } = await sql(
			`select user_id from public.notifications where thread_id = any($1::uuid[])`,
			[[thread, leftOut]]
		);
		expect(rows.map((row) => row.user_id)).toEqual([c.noor.id, c.noor.id, c.noor.id]);
		for (const person of ['sam', 'moderator', 'colleague', 'host'] as const) {
			expect(await notifications(c[person]), person).toEqual([]);
			expect(await unread(c[person]), person).toBe(before[person]);
		}
	});

	test('a member without a phone is written to, and no one is told', async () => {
		const c = await Cast.make();
		const { rows } = await sql(
			`insert into public.group_members (group_id, nickname, status, joined_at)
			values ($1, 'Zonder telefoon', 'active', now()) returning id`,
			[c.group]
		);
		const thread = await ok(c.moderator.client, 'message_member', {
			client_id: randomUUID(),
			member: rows[0].id,
			body: 'We zagen je gisteren niet.'
		});
		await ok(c.colleague.client, 'reply_as_moderators', {
			client_id: randomUUID(),
			thread,
			body: 'Tot volgende week!'
		});
		const { rows: told } = await sql(
			`select count(*)::int as n from public.notifications where group_id = $1`,
			[c.group]
		);
		expect(told[0].n).toBe(0);
	});
});

describe('the member writes to the moderators', () => {
	test('the moderators it is addressed to see it in their queue count, no one gets a notification', async () => {
		const c = await Cast.make();
		const queue = async (person: Person) =>
			(
				(await ok(person.client, 'app_shell', { target_group: c.group })) as {
					group: { queue_count: number | null };
				}
			).group.queue_count;
		const counts = async () => [await queue(c.moderator), await queue(c.colleague)];
		const before = { moderator: await unread(c.moderator), colleague: await unread(c.colleague) };
		expect(await counts()).toEqual([0, 0]);
		expect(await queue(c.host)).toBeNull();

		// "Left out", to the colleague only.
		const toColleague = (await ok(c.noor.client, 'send_left_out_message', {
			client_id: randomUUID(),
			target_group: c.group,
			to_moderator: c.colleagueMember
		})) as string;
		expect(await counts()).toEqual([0, 1]);
		await ok(c.colleague.client, 'reply_as_moderators', {
			client_id: randomUUID(),
			thread: toColleague,
			body: 'Ik hoor je. Wat is er gebeurd?'
		});
		expect(await counts()).toEqual([0, 0]);
		await ok(c.noor.client, 'reply_to_moderators', {
			client_id: randomUUID(),
			thread: toColleague,
			body: 'Niemand antwoordt op mijn vragen.'
		});
		expect(await counts()).toEqual([0, 1]);

		// A reply to a message from the moderators reaches all of them.
		const toSam = (await ok(c.moderator.client, 'message_member', {
			client_id: randomUUID(),
			member: c.samMember,
			body: 'Hoi Sam, alles goed?'
		})) as string;
		expect(await counts()).toEqual([0, 1]);
		await ok(c.sam.client, 'reply_to_moderators', {
			client_id: randomUUID(),
			thread: toSam,
			body: 'Ja hoor.'
		});
		expect(await counts()).toEqual([1, 2]);
		await ok(c.moderator.client, 'reply_as_moderators', {
			client_id: randomUUID(),
			thread: toSam,
			body: 'Fijn!'
		});
		expect(await counts()).toEqual([0, 1]);

		// "Left out", to all moderators.
		await ok(c.sam.client, 'send_left_out_message', {
			client_id: randomUUID(),
			target_group: c.group
		});
		expect(await counts()).toEqual([1, 2]);

		expect(await notifications(c.moderator)).toEqual([]);
		expect(await notifications(c.colleague)).toEqual([]);
		expect(await unread(c.moderator)).toBe(before.moderator);
		expect(await unread(c.colleague)).toBe(before.colleague);
		const { rows } = await sql(
			`select count(*)::int as n from public.notifications where user_id = any($1::uuid[])`,
			[[c.moderator.id, c.colleague.id]]
		);
		expect(rows[0].n).toBe(0);
	});
});

describe('a personal invitation', () => {
	test('only to a scheduled meetup of the group still to come', async () => {
		const c = await Cast.make();
		const other = (await makeGroup()).id;
		const otherHost = await joinedHost(other, 'Andere');
		const elsewhere = await createMeetup(otherHost, other);
		const cancelled = await createMeetup(c.host, c.group, { title: 'Afgelast' });
		await ok(c.host.client, 'cancel_meetup', { meetup: cancelled });
		const past = await createMeetup(c.host, c.group, { title: 'Voorbij' });
		await sql(
			`update public.meetups set starts_at = now() - interval '2 days',
				ends_at = now() - interval '2 days' + interval '2 hours' where id = $1`,
			[past]
		);
		for (const meetup of [elsewhere, cancelled, past, randomUUID()]) {
			const { error } = await call(c.moderator.client, 'invite_to_meetup', {
				client_id: randomUUID(),
				meetup,
				member: c.noorMember
			});
			expect(error).toBe('meetup_not_found');
		}
		expect(await actionsAbout(c.noorMember)).toEqual([]);
	});

	test('shows on the member’s home and notifications until they answer; idempotent', async () => {
		const c = await Cast.make();
		const args = { client_id: randomUUID(), meetup: c.meetup, member: c.noorMember };
		const invitation = await ok(c.moderator.client, 'invite_to_meetup', args);
		expect(await ok(c.moderator.client, 'invite_to_meetup', args)).toBe(invitation);
		// Another moderator inviting again: the same invitation, told once.
		expect(
			await ok(c.colleague.client, 'invite_to_meetup', { ...args, client_id: randomUUID() })
		).toBe(invitation);

		expect(await actionsAbout(c.noorMember)).toEqual([
			expect.objectContaining({ kind: 'meetup_invite', meetup_id: c.meetup })
		]);
		expect(await notifications(c.noor)).toEqual([
			expect.objectContaining({
				kind: 'invited',
				meetup_id: c.meetup,
				meetup_title: 'Soep en babbel',
				group_id: c.group
			})
		]);
		expect(await notifications(c.sam)).toEqual([]);
		const home = (await ok(c.noor.client, 'page_home')) as { invitations: unknown[] };
		expect(home.invitations).toEqual([
			{
				id: invitation,
				meetup: { id: c.meetup, title: 'Soep en babbel', starts_at: expect.any(String) },
				group: { id: c.group, name: 'Praatgroep Gent' },
				created_at: expect.any(String)
			}
		]);
		expect(
			((await ok(c.sam.client, 'page_home')) as { invitations: unknown[] }).invitations
		).toEqual([]);

		await answered(c.noor, c.meetup, 'going');
		const { rows } = await sql(`select answered_at from public.meetup_invitations where id = $1`, [
			invitation
		]);
		expect(rows[0].answered_at).not.toBeNull();
		expect(
			((await ok(c.noor.client, 'page_home')) as { invitations: unknown[] }).invitations
		).toEqual([]);
	});
});

describe('a buddy', () => {
	test('asked, accepted (the newcomer is told), ended; one open request per newcomer', async () => {
		const c = await Cast.make();
		const lena = await joinedMember(c.group, 'Lena');
		const lenaMember = await membershipId(c.group, lena.id);
		const args = {
			client_id: randomUUID(),
			target_group: c.group,
			newcomer: c.noorMember,
			buddy: c.samMember
		};
		const request = (await ok(c.moderator.client, 'ask_buddy', args)) as string;
		expect(await ok(c.moderator.client, 'ask_buddy', args)).toBe(request);
		expect(await ok(c.colleague.client, 'ask_buddy', { ...args, client_id: randomUUID() })).toBe(
			request
		);
		expect(
			(
				await call(c.moderator.client, 'ask_buddy', {
					...args,
					client_id: randomUUID(),
					buddy: lenaMember
				})
			).error
		).toBe('buddy_already_asked');

		expect(await notifications(c.sam)).toEqual([
			expect.objectContaining({
				kind: 'buddy_asked',
				buddy_request: request,
				buddy_status: 'asked',
				person_nickname: 'Noor',
				group_id: c.group
			})
		]);
		expect(await notifications(c.noor)).toEqual([]);
		expect(await notifications(lena)).toEqual([]);
		expect(
			((await ok(c.sam.client, 'page_home')) as { buddy_requests: unknown[] }).buddy_requests
		).toEqual([
			{
				id: request,
				group: { id: c.group, name: 'Praatgroep Gent' },
				newcomer: { nickname: 'Noor' },
				created_at: expect.any(String)
			}
		]);
		expect(
			((await ok(c.noor.client, 'page_home')) as { buddy_requests: unknown[] }).buddy_requests
		).toEqual([]);
		expect(await actionsAbout(c.noorMember)).toEqual([
			expect.objectContaining({ kind: 'buddy', buddy_id: request })
		]);

		// Only the asked buddy answers.
		for (const person of [c.noor, lena, c.moderator]) {
			expect(
				(
					await call(person.client, 'answer_buddy_request', {
						buddy_request: request,
						accept: true
					})
				).error
			).toBe('not_allowed');
		}
		expect(
			await ok(c.sam.client, 'answer_buddy_request', { buddy_request: request, accept: true })
		).toBe('accepted');
		expect(
			await ok(c.sam.client, 'answer_buddy_request', { buddy_request: request, accept: true })
		).toBe('accepted');
		expect(
			(await call(c.sam.client, 'answer_buddy_request', { buddy_request: request, accept: false }))
				.error
		).toBe('buddy_request_closed');
		expect(await notifications(c.noor)).toEqual([
			expect.objectContaining({
				kind: 'buddy_accepted',
				buddy_request: request,
				buddy_status: 'accepted',
				person_nickname: 'Sam'
			})
		]);
		expect(
			((await ok(c.sam.client, 'page_home')) as { buddy_requests: unknown[] }).buddy_requests
		).toEqual([]);

		// While accepted, no one else is asked; either of the two ends it.
		expect(
			(
				await call(c.moderator.client, 'ask_buddy', {
					...args,
					client_id: randomUUID(),
					buddy: lenaMember
				})
			).error
		).toBe('buddy_already_asked');
		expect((await call(lena.client, 'end_buddy', { buddy_request: request })).error).toBe(
			'not_allowed'
		);
		expect((await call(c.moderator.client, 'end_buddy', { buddy_request: request })).error).toBe(
			'not_allowed'
		);
		await ok(c.noor.client, 'end_buddy', { buddy_request: request });
		await ok(c.sam.client, 'end_buddy', { buddy_request: request });
		const { rows } = await sql(`select status from public.buddies where id = $1`, [request]);
		expect(rows[0].status).toBe('ended');

		// A new buddy may be asked now; Lena says no.
		const second = await ok(c.moderator.client, 'ask_buddy', {
			...args,
			client_id: randomUUID(),
			buddy: lenaMember
		});
		expect(second).not.toBe(request);
		expect(
			await ok(lena.client, 'answer_buddy_request', { buddy_request: second, accept: false })
		).toBe('declined');
		expect(
			(await notifications(c.noor)).filter((row) => row.kind === 'buddy_accepted')
		).toHaveLength(1);
		expect(
			(await call(lena.client, 'answer_buddy_request', { buddy_request: second, accept: true }))
				.error
		).toBe('buddy_request_closed');
	});

	test('the buddy is another active member of the group who can be told', async () => {
		const c = await Cast.make();
		const other = (await makeGroup()).id;
		const elsewhere = await membershipId(other, (await joinedMember(other, 'Ver')).id);
		const left = await joinedMember(c.group, 'Weg');
		const leftMember = await membershipId(c.group, left.id);
		await sql(`update public.group_members set status = 'left' where id = $1`, [leftMember]);
		const { rows } = await sql(
			`insert into public.group_members (group_id, nickname, status, joined_at)
			values ($1, 'Zonder telefoon', 'active', now()) returning id`,
			[c.group]
		);
		for (const buddy of [c.noorMember, elsewhere, leftMember, rows[0].id, randomUUID()]) {
			const { error } = await call(c.moderator.client, 'ask_buddy', {
				client_id: randomUUID(),
				target_group: c.group,
				newcomer: c.noorMember,
				buddy
			});
			expect(error).toBe('buddy_invalid');
		}
		expect(await actionsAbout(c.noorMember)).toEqual([]);
	});
});

describe('"would you answer?"', () => {
	test('asks a member, logs it about the author, and is done when that member answers', async () => {
		const c = await Cast.make();
		const noorPost = await post(c.noor, c.group, { body: 'Weet iemand waar ik hulp vind?' });
		const args = { client_id: randomUUID(), post: noorPost, member: c.samMember };
		const request = await ok(c.moderator.client, 'ask_to_answer', args);
		expect(await ok(c.moderator.client, 'ask_to_answer', args)).toBe(request);
		expect(
			await ok(c.colleague.client, 'ask_to_answer', { ...args, client_id: randomUUID() })
		).toBe(request);

		expect(await notifications(c.sam)).toEqual([
			expect.objectContaining({
				kind: 'answer_asked',
				post_id: noorPost,
				post_excerpt: 'Weet iemand waar ik hulp vind?',
				person_nickname: 'Noor',
				group_id: c.group
			})
		]);
		expect(await notifications(c.noor)).toEqual([]);
		expect(await actionsAbout(c.noorMember)).toEqual([
			expect.objectContaining({ kind: 'answer_nudge', post_id: noorPost })
		]);

		for (const member of [c.noorMember, c.moderatorMember, randomUUID()]) {
			const { error } = await call(c.moderator.client, 'ask_to_answer', {
				client_id: randomUUID(),
				post: noorPost,
				member
			});
			expect(error).toBe('answer_request_invalid');
		}

		// Someone else answering does not do it; Sam answering (anonymously) does.
		await ok(c.host.client, 'create_comment', {
			client_id: randomUUID(),
			post: noorPost,
			body: 'Bij het OCMW.',
			anonymous: false
		});
		const done = async () =>
			(await sql(`select done_at from public.answer_requests where id = $1`, [request])).rows[0]
				.done_at;
		expect(await done()).toBeNull();
		await ok(c.sam.client, 'create_comment', {
			client_id: randomUUID(),
			post: noorPost,
			body: 'Ik ga met je mee.',
			anonymous: true
		});
		expect(await done()).not.toBeNull();
	});

	test('an anonymous post does not name its author; a deleted post leaves the list', async () => {
		const c = await Cast.make();
		const secret = await post(c.noor, c.group, { anonymous: true, body: 'Anoniem gevraagd' });
		await ok(c.moderator.client, 'ask_to_answer', {
			client_id: randomUUID(),
			post: secret,
			member: c.samMember
		});
		expect(await notifications(c.sam)).toEqual([
			expect.objectContaining({ kind: 'answer_asked', post_id: secret, person_nickname: null })
		]);
		const before = await unread(c.sam);
		await ok(c.noor.client, 'delete_post', { post: secret });
		expect(await notifications(c.sam)).toEqual([]);
		expect(await unread(c.sam)).toBe(before - 1);
	});
});

describe('already done', () => {
	test('inviting a member who answered the meetup, or asking one who answered the post, tells no one', async () => {
		const c = await Cast.make();
		await answered(c.noor, c.meetup, 'maybe');
		const invitation = await ok(c.moderator.client, 'invite_to_meetup', {
			client_id: randomUUID(),
			meetup: c.meetup,
			member: c.noorMember
		});
		const noorPost = await post(c.noor, c.group);
		await ok(c.sam.client, 'create_comment', {
			client_id: randomUUID(),
			post: noorPost,
			body: 'Ik dacht al aan je.',
			anonymous: true
		});
		const request = await ok(c.moderator.client, 'ask_to_answer', {
			client_id: randomUUID(),
			post: noorPost,
			member: c.samMember
		});
		const { rows } = await sql(
			`select (select answered_at from public.meetup_invitations where id = $1) as answered,
				(select done_at from public.answer_requests where id = $2) as done`,
			[invitation, request]
		);
		expect(rows[0].answered).not.toBeNull();
		expect(rows[0].done).not.toBeNull();
		expect(await notifications(c.noor)).toEqual([]);
		expect(await notifications(c.sam)).toEqual([]);
		expect(
			((await ok(c.noor.client, 'page_home')) as { invitations: unknown[] }).invitations
		).toEqual([]);
		// What the moderators did is still kept.
		expect((await actionsAbout(c.noorMember)).map((a) => a.kind)).toEqual([
			'meetup_invite',
			'answer_nudge'
		]);
	});
});

describe('notifications of the new kinds', () => {
	test('a removed member no longer reads them, nor counts them', async () => {
		const c = await Cast.make();
		await ok(c.moderator.client, 'invite_to_meetup', {
			client_id: randomUUID(),
			meetup: c.meetup,
			member: c.noorMember
		});
		await ok(c.moderator.client, 'send_kind_message', {
			client_id: randomUUID(),
			target_group: c.group,
			member: c.noorMember,
			kind: 'check_in',
			body: 'Hoe gaat het met je?'
		});
		expect((await notifications(c.noor)).map((row) => row.kind).sort()).toEqual([
			'invited',
			'moderators_wrote'
		]);
		const before = await unread(c.noor);
		await sql(`update public.group_members set status = 'removed' where id = $1`, [c.noorMember]);
		expect(await notifications(c.noor)).toEqual([]);
		expect(await unread(c.noor)).toBe(before - 2);
		const { data } = await c.noor.client
			.from('notifications')
			.select('id')
			.eq('kind', 'moderators_wrote');
		expect(data).toEqual([]);
	});

	test('a member without a phone gets the action, and no one is told', async () => {
		const c = await Cast.make();
		const { rows } = await sql(
			`insert into public.group_members (group_id, nickname, status, joined_at)
			values ($1, 'Zonder telefoon', 'active', now()) returning id`,
			[c.group]
		);
		await ok(c.moderator.client, 'invite_to_meetup', {
			client_id: randomUUID(),
			meetup: c.meetup,
			member: rows[0].id
		});
		const { rows: told } = await sql(
			`select count(*)::int as n from public.notifications where group_id = $1`,
			[c.group]
		);
		expect(told[0].n).toBe(0);
		expect(await actionsAbout(rows[0].id)).toHaveLength(1);
	});
});

describe('marking a signal handled', () => {
	test('logs "handled" about the member (never the note), once per evidence', async () => {
		const c = await Cast.make();
		const old = await post(c.noor, c.group, { body: 'Niemand antwoordt' });
		await sql(`update public.posts set created_at = now() - interval '2 days' where id = $1;`, [
			old
		]);
		await sql(
			`update public.post_authors set created_at = now() - interval '2 days' where post_id = $1`,
			[old]
		);
		const handle = (note: string) =>
			ok(c.moderator.client, 'mark_signal_handled', {
				target_group: c.group,
				kind: 'unanswered_post',
				member: c.noorMember,
				post: old,
				note
			});
		await handle('Ik spreek haar zaterdag aan');
		await handle('Toch maandag');
		const actions = await actionsAbout(c.noorMember);
		expect(actions).toEqual([
			expect.objectContaining({ kind: 'handled', signal_kind: 'unanswered_post', post_id: old })
		]);
		expect(JSON.stringify(actions)).not.toContain('zaterdag');
		expect(JSON.stringify(actions)).not.toContain('maandag');
		const { rows } = await sql(
			`select column_name from information_schema.columns
			where table_schema = 'public' and table_name = 'inclusion_actions'`
		);
		expect(rows.map((row) => row.column_name)).not.toContain('note');
	});
});

describe('home stays cheap', () => {
	test('invitations and buddy requests start from my memberships, by key', async () => {
		const c = await Cast.make();
		await ok(c.moderator.client, 'invite_to_meetup', {
			client_id: randomUUID(),
			meetup: c.meetup,
			member: c.noorMember
		});
		const connection = await db().connect();
		const plans: string[] = [];
		const collect = (notice: { message?: string }) => plans.push(notice.message ?? '');
		connection.on('notice', collect);
		try {
			await connection.query('begin');
			await connection.query(`load 'auto_explain'`);
			await connection.query(`set local auto_explain.log_min_duration = 0`);
			await connection.query(`set local auto_explain.log_nested_statements = on`);
			await connection.query(`set local client_min_messages = log`);
			await connection.query(`select set_config('request.jwt.claims', $1, true)`, [
				JSON.stringify({ sub: c.noor.id, role: 'authenticated' })
			]);
			await connection.query('set local role authenticated');
			await connection.query('select public.page_home()');
		} finally {
			connection.off('notice', collect);
			await connection.query('rollback');
			connection.release();
		}
		const all = plans.join('\n');
		for (const table of ['meetup_invitations', 'buddies']) {
			expect(all, table).toContain(`on ${table}`);
			expect(all, table).not.toMatch(new RegExp(`Seq Scan on ${table}`));
		}
	});
});

describe('my data', () => {
	test('the export holds what the kind actions keep about me, never who the moderator was', async () => {
		const c = await Cast.make();
		const noorPost = await post(c.noor, c.group, { body: 'Iemand?' });
		await ok(c.moderator.client, 'invite_to_meetup', {
			client_id: randomUUID(),
			meetup: c.meetup,
			member: c.noorMember
		});
		const request = await ok(c.moderator.client, 'ask_buddy', {
			client_id: randomUUID(),
			target_group: c.group,
			newcomer: c.noorMember,
			buddy: c.samMember
		});
		await ok(c.sam.client, 'answer_buddy_request', { buddy_request: request, accept: true });
		await ok(c.moderator.client, 'ask_to_answer', {
			client_id: randomUUID(),
			post: noorPost,
			member: c.samMember
		});

		const noor = (await ok(c.noor.client, 'export_my_data')) as Record<string, unknown[]>;
		expect(noor.kind_actions).toEqual([
			expect.objectContaining({ group: 'Praatgroep Gent', kind: 'meetup_invite' }),
			expect.objectContaining({ kind: 'buddy' }),
			expect.objectContaining({ kind: 'answer_nudge' })
		]);
		expect(noor.buddies).toEqual([
			expect.objectContaining({ me_as: 'newcomer', other: 'Sam', status: 'accepted' })
		]);
		expect(noor.meetup_invitations).toEqual([
			expect.objectContaining({ meetup: 'Soep en babbel', answered_at: null })
		]);
		expect(noor.notifications.map((n) => (n as { kind: string }).kind).sort()).toEqual([
			'buddy_accepted',
			'invited'
		]);
		expect(JSON.stringify(noor)).not.toContain(c.moderator.id);

		const sam = (await ok(c.sam.client, 'export_my_data')) as Record<string, unknown[]>;
		expect(sam.buddies).toEqual([
			expect.objectContaining({ me_as: 'buddy', other: 'Noor', status: 'accepted' })
		]);
		expect(sam.asked_to_answer).toEqual([
			expect.objectContaining({ group: 'Praatgroep Gent', done_at: null })
		]);
		expect(sam.kind_actions).toEqual([]);
	});
});
