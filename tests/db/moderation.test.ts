// Moderation as people meet it (issue 10): reports, hidden posts and answers, mutes that end by
// themselves, "I feel left out", refused join requests, and the log that keeps anonymity.
import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import { describe, expect, test } from 'vitest';
import { joinedMember, joinedModerator, makeGroup, membershipId, post } from '../support/groups';
import { client, db, signUp, type Person } from '../support/platform';

type Json = Record<string, unknown>;

async function call<T = Json>(sb: SupabaseClient, fn: string, args: Json = {}): Promise<T> {
	const { data, error } = await sb.rpc(fn, args);
	expect(error, `${fn}: ${error?.message}`).toBeNull();
	return data as T;
}

async function refusal(sb: SupabaseClient, fn: string, args: Json = {}): Promise<string> {
	const { error } = await sb.rpc(fn, args);
	return error?.message ?? 'no refusal';
}

async function answer(person: Person, postId: string, options: { anonymous?: boolean } = {}) {
	return call<string>(person.client, 'create_comment', {
		client_id: randomUUID(),
		post: postId,
		body: 'Bij mij ook.',
		anonymous: options.anonymous ?? false
	});
}

const report = (person: Person, item: Json, reason = 'disrespectful', body?: string) =>
	person.client.rpc('create_report', { client_id: randomUUID(), reason, body, ...item });

async function reportRows(where: string, values: unknown[]) {
	const { rows } = await db().query(`select * from public.reports where ${where}`, values);
	return rows;
}

async function arrange() {
	const group = await makeGroup();
	const moderator = await joinedModerator(group.id, 'Begeleider');
	const author = await joinedMember(group.id, 'Auteur');
	const member = await joinedMember(group.id, 'Lid');
	return { group, moderator, author, member };
}

describe('reporting', () => {
	test('one report per person per item: again answers with the first, whatever became of it', async () => {
		const { group, author, member, moderator } = await arrange();
		const postId = await post(author, group.id);
		const sent = randomUUID();
		const first = await member.client.rpc('create_report', {
			client_id: sent,
			reason: 'left_out',
			post: postId,
			body: 'Ze lachen haar uit.'
		});
		expect(first.error).toBeNull();
		// A new report answers the client's own id; "already reported" answers another.
		expect(first.data).toBe(sent);
		const again = await report(member, { post: postId }, 'spam');
		expect(again.data).toBe(first.data);
		// The same client id sent twice is the same report too.
		const clientId = randomUUID();
		const byMember = {
			client_id: clientId,
			reason: 'other',
			member: await membershipId(group.id, author.id)
		};
		const once = await call(member.client, 'create_report', byMember);
		expect(await call(member.client, 'create_report', byMember)).toBe(once);
		// Another person's report on the same item is their own.
		const other = await report(moderator, { post: postId }, 'unsafe');
		expect(other.error).toBeNull();
		expect(other.data).not.toBe(first.data);

		const rows = await reportRows('post_id = $1 order by created_at', [postId]);
		expect(rows.map((row) => [row.reason, row.body])).toEqual([
			['left_out', 'Ze lachen haar uit.'],
			['unsafe', null]
		]);
		// The report knows whom it is about, for the moderators; the reporter learns nothing back.
		expect(rows[0].about_member).toBe(await membershipId(group.id, author.id));
	});

	test('ten reports a day, then a clear refusal, and no eleventh row', async () => {
		const { group, author, member } = await arrange();
		for (let i = 0; i < 10; i++) {
			const postId = await post(author, group.id, { body: `Bericht ${i}` });
			expect((await report(member, { post: postId })).error).toBeNull();
		}
		const eleventh = await post(author, group.id, { body: 'Nog een' });
		expect((await report(member, { post: eleventh })).error?.message).toBe('report_limit_reached');
		expect(await reportRows('reporter_id = $1', [member.id])).toHaveLength(10);
		// A day later the count starts again.
		await db().query(
			`update public.reports set created_at = now() - interval '25 hours' where reporter_id = $1`,
			[member.id]
		);
		expect((await report(member, { post: eleventh })).error).toBeNull();
	});

	test('no one reports themselves, their own (anonymous) items, or what they cannot see', async () => {
		const { group, author, member } = await arrange();
		const named = await post(author, group.id);
		const anonymous = await post(author, group.id, { anonymous: true });
		const comment = await answer(author, named, { anonymous: true });
		const outsider = await signUp('Buiten');
		const otherGroup = await makeGroup();
		const stranger = await joinedMember(otherGroup.id, 'Vreemde');
		for (const item of [
			{ post: named },
			{ post: anonymous },
			{ comment },
			{ member: await membershipId(group.id, author.id) }
		]) {
			expect((await report(author, item)).error?.message).toBe('not_allowed');
			expect((await report(outsider, item)).error?.message).toBe('not_allowed');
			expect((await report(stranger, item)).error?.message).toBe('not_allowed');
		}
		// Two items at once, or none, is no report.
		expect((await report(member, { post: named, comment })).error?.message).toBe('not_allowed');
		expect((await report(member, {})).error?.message).toBe('not_allowed');
		// Words stop at 1000 characters.
		expect((await report(member, { post: named }, 'other', 'x'.repeat(1001))).error?.message).toBe(
			'report_words_too_long'
		);
		expect(await reportRows('group_id = $1', [group.id])).toEqual([]);
	});

	test('a hidden item cannot be reported by a member who no longer sees it', async () => {
		const { group, author, member } = await arrange();
		const postId = await post(author, group.id);
		await db().query(
			`update public.posts set hidden_at = now(), hidden_reason = 'x' where id = $1`,
			[postId]
		);
		expect((await report(member, { post: postId })).error?.message).toBe('not_allowed');
	});
});

describe('muted members', () => {
	test('cannot post, answer or edit through any call, can still react; the mute ends by itself', async () => {
		const { group, author, member } = await arrange();
		const mine = await post(member, group.id);
		const theirs = await post(author, group.id);
		const myAnswer = await answer(member, theirs);
		const membership = await membershipId(group.id, member.id);
		await db().query(
			`update public.group_members set muted_until = now() + interval '7 days' where id = $1`,
			[membership]
		);

		const shell = await call<Json>(member.client, 'app_shell', { target_group: group.id });
		expect((shell.group as { me: Json }).me.muted_until).toEqual(expect.any(String));
		expect(
			await refusal(member.client, 'create_post', {
				client_id: randomUUID(),
				target_group: group.id,
				kind: 'tip',
				body: 'Toch iets',
				anonymous: true
			})
		).toBe('member_muted');
		expect(
			await refusal(member.client, 'create_comment', {
				client_id: randomUUID(),
				post: theirs,
				body: 'Toch iets',
				anonymous: false
			})
		).toBe('member_muted');
		expect(
			await refusal(member.client, 'edit_post', { post: mine, kind: 'tip', body: 'Anders' })
		).toBe('member_muted');
		expect(
			await refusal(member.client, 'edit_comment', { comment: myAnswer, body: 'Anders' })
		).toBe('member_muted');
		const { rows } = await db().query(
			`select (select count(*) from public.posts where group_id = $1)::int as posts,
				(select count(*) from public.comments where group_id = $1)::int as comments,
				(select count(*) from public.posts where edited_at is not null and group_id = $1)::int as edited`,
			[group.id]
		);
		expect(rows[0]).toEqual({ posts: 2, comments: 1, edited: 0 });
		// Reacting and reading keep working.
		await call(member.client, 'add_reaction', {
			client_id: randomUUID(),
			post: theirs,
			comment: null,
			kind: 'support'
		});
		expect(
			await call<unknown[]>(member.client, 'group_feed', { target_group: group.id })
		).toHaveLength(2);
		// Another group is not touched by this group's mute.
		const elsewhere = await makeGroup();
		await db().query(
			`insert into public.group_members (group_id, user_id, nickname, status, joined_at)
			values ($1, $2, 'Lid', 'active', now())`,
			[elsewhere.id, member.id]
		);
		await post(member, elsewhere.id);

		// No job: once muted_until has passed, the member writes again.
		await db().query(
			`update public.group_members set muted_until = now() - interval '1 second' where id = $1`,
			[membership]
		);
		await post(member, group.id);
		const after = await call<Json>(member.client, 'app_shell', { target_group: group.id });
		expect((after.group as { me: Json }).me.muted_until).toBeNull();
	});
});

describe('hidden posts and answers', () => {
	test('a hidden post is gone for members, marked with its reason for its author and the moderators', async () => {
		const { group, author, member, moderator } = await arrange();
		const hidden = await post(author, group.id, { anonymous: true, body: 'Verborgen' });
		const shown = await post(author, group.id, { body: 'Zichtbaar' });
		const answerToHidden = await answer(moderator, hidden, { anonymous: true });
		await db().query(
			`update public.posts set hidden_at = now(), hidden_reason = 'Dit kwetst iemand.' where id = $1`,
			[hidden]
		);

		// A member: not in the feed, not on its page, not in the table, nor its answers.
		const feed = await call<Json[]>(member.client, 'group_feed', { target_group: group.id });
		expect(feed.map((row) => row.id)).toEqual([shown]);
		expect(
			await call(member.client, 'page_post', { target_group: group.id, target_post: hidden })
		).toBeNull();
		expect(await call<unknown[]>(member.client, 'post_comments', { target_post: hidden })).toEqual(
			[]
		);
		const raw = await member.client.from('posts').select('id').eq('id', hidden);
		expect(raw.error).toBeNull();
		expect(raw.data).toEqual([]);
		const rawAnswer = await member.client.from('comments').select('id').eq('id', answerToHidden);
		expect(rawAnswer.data).toEqual([]);
		// Nor does a reaction reach it by its id.
		for (const target of [
			{ post: hidden, comment: null },
			{ post: null, comment: answerToHidden }
		]) {
			expect(
				await refusal(member.client, 'add_reaction', {
					client_id: randomUUID(),
					...target,
					kind: 'support'
				})
			).toBe('not_allowed');
		}
		const reactions = await db().query(
			'select count(*)::int from public.reactions where post_id = $1 or comment_id = $2',
			[hidden, answerToHidden]
		);
		expect(reactions.rows[0].count).toBe(0);
		// What is new leaves it and its answers out.
		const groups = await call<Json[]>(member.client, 'my_groups');
		expect(groups.find((g) => g.group_id === group.id)).toMatchObject({
			new_posts: 1,
			new_comments: 0
		});

		// Its author and the moderators see it, marked, with the reason.
		for (const person of [author, moderator]) {
			const rows = await call<Json[]>(person.client, 'group_feed', { target_group: group.id });
			expect(rows.find((row) => row.id === hidden)).toMatchObject({
				hidden: true,
				hidden_reason: 'Dit kwetst iemand.'
			});
			expect(rows.find((row) => row.id === shown)).toMatchObject({
				hidden: false,
				hidden_reason: null
			});
			const page = await call<Json>(person.client, 'page_post', {
				target_group: group.id,
				target_post: hidden
			});
			expect(page.post).toMatchObject({ id: hidden, hidden: true });
			const table = await person.client
				.from('posts')
				.select('id, hidden_at, hidden_reason')
				.eq('id', hidden);
			expect(table.data).toEqual([
				{ id: hidden, hidden_at: expect.any(String), hidden_reason: 'Dit kwetst iemand.' }
			]);
		}
	});

	test('a hidden answer is gone for members and from the counts, marked for its author and moderators', async () => {
		const { group, author, member, moderator } = await arrange();
		const postId = await post(member, group.id);
		const hidden = await answer(author, postId, { anonymous: true });
		const kept = await answer(moderator, postId);
		await db().query(
			`update public.comments set hidden_at = now(), hidden_reason = 'Niet hier.' where id = $1`,
			[hidden]
		);

		const forMember = await call<Json[]>(member.client, 'post_comments', { target_post: postId });
		expect(forMember.map((row) => row.id)).toEqual([kept]);
		const feed = await call<Json[]>(member.client, 'group_feed', { target_group: group.id });
		expect(feed[0].comment_count).toBe(1);
		expect((await member.client.from('comments').select('id').eq('id', hidden)).data).toEqual([]);
		// Home's "answers to what I wrote" leaves it out as well.
		const home = await call<Json>(member.client, 'page_home');
		expect((home.answers as Json[]).map((row) => row.comment_id)).toEqual([kept]);

		for (const person of [author, moderator]) {
			const rows = await call<Json[]>(person.client, 'post_comments', { target_post: postId });
			expect(rows.find((row) => row.id === hidden)).toMatchObject({
				hidden: true,
				hidden_reason: 'Niet hier.'
			});
			const table = await person.client.from('comments').select('id').eq('id', hidden);
			expect(table.data).toEqual([{ id: hidden }]);
		}
	});
});

describe('"I feel left out"', () => {
	test('goes to one moderator of the group, or to all; never to a member or another group', async () => {
		const { group, moderator, member } = await arrange();
		const second = await joinedModerator(group.id, 'Tweede');
		const otherGroup = await makeGroup();
		const elsewhere = await joinedModerator(otherGroup.id, 'Elders');

		const moderators = await call<Json[]>(member.client, 'group_moderators', {
			target_group: group.id
		});
		expect(moderators.map((row) => row.nickname).sort()).toEqual(['Begeleider', 'Tweede']);
		expect(Object.keys(moderators[0]).sort()).toEqual(['id', 'nickname']);
		// Outsiders learn no names.
		expect(
			await call<unknown[]>(elsewhere.client, 'group_moderators', { target_group: group.id })
		).toEqual([]);

		for (const to of [
			await membershipId(group.id, member.id),
			await membershipId(otherGroup.id, elsewhere.id),
			randomUUID()
		]) {
			expect(
				await refusal(member.client, 'send_left_out_message', {
					client_id: randomUUID(),
					target_group: group.id,
					to_moderator: to
				})
			).toBe('not_allowed');
		}
		expect(
			await refusal(elsewhere.client, 'send_left_out_message', {
				client_id: randomUUID(),
				target_group: group.id
			})
		).toBe('not_allowed');

		const clientId = randomUUID();
		const args = {
			client_id: clientId,
			target_group: group.id,
			to_moderator: await membershipId(group.id, second.id)
		};
		const thread = await call<string>(member.client, 'send_left_out_message', args);
		expect(await call(member.client, 'send_left_out_message', args)).toBe(thread);
		await call(member.client, 'reply_to_moderators', {
			client_id: randomUUID(),
			thread,
			body: 'Na de bijeenkomst praat niemand met mij.'
		});
		// Only the member of the thread answers in it.
		expect(
			await refusal(moderator.client, 'reply_to_moderators', {
				client_id: randomUUID(),
				thread,
				body: 'Ik doe alsof'
			})
		).toBe('not_allowed');

		const page = await call<Json>(member.client, 'page_my_moderation');
		expect(page.threads).toEqual([
			{
				id: thread,
				group_id: group.id,
				group_name: expect.any(String),
				kind: 'left_out',
				created_at: expect.any(String),
				addressee_gone: false,
				messages: [
					{
						id: expect.any(String),
						from_moderators: false,
						body: 'Ik voel me buitengesloten.',
						created_at: expect.any(String)
					},
					{
						id: expect.any(String),
						from_moderators: false,
						body: 'Na de bijeenkomst praat niemand met mij.',
						created_at: expect.any(String)
					}
				]
			}
		]);
		// No one reads threads, messages, reports or the log straight from the tables.
		for (const table of [
			'moderation_threads',
			'moderation_messages',
			'reports',
			'moderation_log'
		]) {
			for (const person of [member, second, moderator]) {
				const { data } = await person.client.from(table).select('*');
				expect(data ?? [], table).toEqual([]);
			}
		}
	});
});

describe('asking to join', () => {
	test('a refused request waits 30 days; the person sees why and from when', async () => {
		const group = await makeGroup({ joinPolicy: 'request' });
		await joinedModerator(group.id);
		const person = await signUp('Vrager');
		const ask = () =>
			person.client.rpc('request_to_join', {
				target_group: group.id,
				nickname: 'Vrager',
				accept_rules: true
			});
		expect(
			await call(person.client, 'join_request_status', { target_group: group.id })
		).toMatchObject({
			group: { id: group.id, join_policy: 'request' },
			status: null,
			refused_reason: null,
			can_ask_again_at: null
		});
		expect((await ask()).data).toBe('pending');
		await db().query(
			`update public.group_members set status = 'refused', refused_at = now(),
				refused_reason = 'De groep is vol.' where group_id = $1 and user_id = $2`,
			[group.id, person.id]
		);
		expect((await ask()).error?.message).toBe('join_request_refused');
		const status = await call<Json>(person.client, 'join_request_status', {
			target_group: group.id
		});
		expect(status).toMatchObject({ status: 'refused', refused_reason: 'De groep is vol.' });
		expect(new Date(status.can_ask_again_at as string).getTime()).toBeGreaterThan(
			Date.now() + 29 * 86_400_000
		);

		await db().query(
			`update public.group_members set refused_at = now() - interval '31 days'
			where group_id = $1 and user_id = $2`,
			[group.id, person.id]
		);
		expect((await ask()).data).toBe('pending');
		// A visitor without an account sees the group, and no status.
		expect(await call(client(), 'join_request_status', { target_group: group.id })).toMatchObject({
			group: { id: group.id, name: expect.any(String), rules: expect.any(String) },
			status: null
		});
		// An invite-only group is not found, as for anyone who has no invite.
		const closed = await makeGroup();
		expect(await refusal(person.client, 'join_request_status', { target_group: closed.id })).toBe(
			'group_not_found'
		);
	});

	test('the name is asked about before an account is made; whether a member has it, only by asking', async () => {
		const group = await makeGroup({ joinPolicy: 'request' });
		await joinedModerator(group.id, 'Els');
		await joinedMember(group.id, 'Noor');
		const visitor = client();
		const check = async (nickname: string, target = group.id) =>
			call<string | null>(visitor, 'check_request_nickname', { target_group: target, nickname });
		expect(await check('ÉLS')).toBe('nickname_of_host_or_moderator');
		// Who is a member is not told to anyone who asks: asking to join says it, with an account.
		expect(await check('noor ')).toBeNull();
		expect(await check('El\u200bsje')).toBe('nickname_hidden_characters');
		expect(await check('   ')).toBe('nickname_invalid');
		expect(await check(' Elsje ')).toBeNull();
		// What request_to_join says of the same names.
		const person = await signUp('Vrager');
		for (const [name, code] of [
			['ÉLS', 'nickname_of_host_or_moderator'],
			['noor ', 'nickname_taken']
		]) {
			const asked = await person.client.rpc('request_to_join', {
				target_group: group.id,
				nickname: name,
				accept_rules: true
			});
			expect(asked.error?.message).toBe(code);
		}
		// An invite-only group says nothing of its names.
		const closed = await makeGroup();
		await joinedMember(closed.id, 'Noor');
		expect(await check('Noor', closed.id)).toBe('group_not_found');
	});
});

describe('the queue and the actions', () => {
	test('reports come grouped per item, with reasons and words but no reporter; hiding resolves them', async () => {
		const { group, moderator, author, member } = await arrange();
		const third = await joinedMember(group.id, 'Derde');
		const postId = await post(author, group.id, { anonymous: true, body: 'Iets kwetsends' });
		const commentId = await answer(author, postId);
		await report(member, { post: postId }, 'left_out', 'Ze wordt buitengesloten.');
		await report(third, { post: postId }, 'disrespectful');
		await report(third, { comment: commentId }, 'spam');

		const queue = await call<Json>(moderator.client, 'page_moderation_queue', {
			target_group: group.id
		});
		const authorMembership = await membershipId(group.id, author.id);
		expect(queue.item_count).toBe(2);
		expect(queue.items).toEqual([
			{
				type: 'post',
				id: postId,
				report_count: 2,
				reasons: ['disrespectful', 'left_out'],
				words: ['Ze wordt buitengesloten.'],
				first_reported_at: expect.any(String),
				excerpt: 'Iets kwetsends',
				post_id: postId,
				anonymous: true,
				hidden: false,
				author: { id: authorMembership, nickname: 'Auteur' }
			},
			expect.objectContaining({ type: 'comment', id: commentId, report_count: 1, post_id: postId })
		]);
		// Who reported is in no answer a moderator gets.
		const item = await call<Json>(moderator.client, 'page_moderation_item', {
			target_group: group.id,
			post: postId
		});
		for (const shown of [JSON.stringify(queue), JSON.stringify(item)]) {
			for (const reporter of [member, third]) {
				expect(shown).not.toContain(reporter.id);
				expect(shown).not.toContain(await membershipId(group.id, reporter.id));
			}
			expect(shown).not.toContain('Derde');
			expect(shown).not.toMatch(/"Lid"/);
		}
		expect(item).toMatchObject({
			type: 'post',
			can_act: true,
			post: { id: postId, hidden: false, reported: true },
			answers: [{ id: commentId, reported: false, hidden: false }],
			reports: [
				{ reason: 'left_out', words: 'Ze wordt buitengesloten.', resolved_at: null },
				{ reason: 'disrespectful', words: null, resolved_at: null }
			],
			log: []
		});

		const entry = await call<string>(moderator.client, 'hide_post', {
			post: postId,
			reason: 'Dit sluit iemand uit.'
		});
		// Sent twice: one hiding.
		expect(
			await call(moderator.client, 'hide_post', { post: postId, reason: 'Dit sluit iemand uit.' })
		).toBe(entry);
		const after = await call<Json>(moderator.client, 'page_moderation_queue', {
			target_group: group.id
		});
		expect((after.items as Json[]).map((i) => i.id)).toEqual([commentId]);
		const { rows } = await db().query(
			`select count(*) filter (where resolved_by = $2)::int as resolved,
				count(*) filter (where resolved_at is null)::int as open
			from public.reports where group_id = $1`,
			[group.id, entry]
		);
		expect(rows[0]).toEqual({ resolved: 2, open: 1 });

		// Reporting the hidden post again answers as before: the reporter learns nothing from it.
		const again = await report(member, { post: postId }, 'other');
		expect(again.error).toBeNull();
		expect(await reportRows('post_id = $1', [postId])).toHaveLength(2);
		// The author reads what was done and why, by role; the reporters read nothing of it.
		const mine = await call<Json>(author.client, 'page_my_moderation');
		expect(mine.actions).toEqual([
			{
				id: entry,
				group_id: group.id,
				group_name: expect.any(String),
				action: 'hide',
				reason: 'Dit sluit iemand uit.',
				muted_until: null,
				created_at: expect.any(String),
				post_id: postId,
				comment_id: null,
				excerpt: 'Iets kwetsends'
			}
		]);
		expect(JSON.stringify(mine)).not.toContain(moderator.id);
		expect(JSON.stringify(mine)).not.toContain('Begeleider');
		for (const reporter of [member, third]) {
			expect(await call(reporter.client, 'page_my_moderation')).toEqual({
				actions: [],
				threads: []
			});
		}

		// Restoring is logged as the undoing of the hiding.
		const restored = await call<string>(moderator.client, 'restore_post', {
			post: postId,
			reason: 'Toch goed bedoeld.'
		});
		const log = await call<{ entries: Json[] }>(moderator.client, 'page_moderation_log', {
			target_group: group.id
		});
		expect(log.entries.map((e) => [e.action, e.undoes, e.moderator])).toEqual([
			['restore', entry, 'Begeleider'],
			['hide', null, 'Begeleider']
		]);
		expect(log.entries[0]).toMatchObject({
			id: restored,
			member: { id: authorMembership, nickname: 'Auteur' },
			post_id: postId
		});
		expect(
			(await call<Json[]>(member.client, 'group_feed', { target_group: group.id })).map((p) => p.id)
		).toEqual([postId]);
	});

	test('the queue shows the 100 items reported first and says how many there are', async () => {
		const { group, moderator, author, member } = await arrange();
		await db().query(
			`with made as (
				insert into public.posts (group_id, author_id, kind, body, anonymous)
				select $1, $2, 'tip', 'Bericht ' || n, false from generate_series(1, 105) n
				returning id, body
			), authored as (
				insert into public.post_authors (post_id, author_id, client_id)
				select id, $2, gen_random_uuid() from made returning post_id
			)
			insert into public.reports (group_id, reporter_id, post_id, about_member, reason, client_id,
				created_at)
			select $1, $3, made.id, $4, 'spam', gen_random_uuid(),
				now() - (200 - substr(made.body, 9)::int) * interval '1 minute'
			from made join authored on authored.post_id = made.id`,
			[group.id, author.id, member.id, await membershipId(group.id, author.id)]
		);
		const queue = await call<{ item_count: number; items: Json[] }>(
			moderator.client,
			'page_moderation_queue',
			{ target_group: group.id }
		);
		expect(queue.item_count).toBe(105);
		expect(queue.items.map((item) => item.excerpt)).toEqual(
			Array.from({ length: 100 }, (_, i) => `Bericht ${i + 1}`)
		);
	});

	test('dismissing resolves the reports and changes nothing else; the member is not told', async () => {
		const { group, moderator, author, member } = await arrange();
		const authorMembership = await membershipId(group.id, author.id);
		const first = await report(member, { member: authorMembership }, 'other', 'Hij kijkt raar.');
		const entry = await call<string>(moderator.client, 'dismiss_reports', {
			target_group: group.id,
			reason: 'Niets aan de hand.',
			member: authorMembership
		});
		expect(
			(await call<Json>(moderator.client, 'page_moderation_queue', { target_group: group.id }))
				.items
		).toEqual([]);
		const { rows } = await db().query(
			`select action, member_id from public.moderation_log where id = $1`,
			[entry]
		);
		expect(rows).toEqual([{ action: 'dismiss', member_id: authorMembership }]);
		expect(await call(author.client, 'page_my_moderation')).toEqual({ actions: [], threads: [] });
		// The reporter, reporting again, gets the same answer as before it was handled.
		expect((await report(member, { member: authorMembership }, 'unsafe')).data).toBe(first.data);
		expect(await reportRows('member_id = $1', [authorMembership])).toHaveLength(1);
		// Nothing to dismiss is no action.
		expect(
			await refusal(moderator.client, 'dismiss_reports', {
				target_group: group.id,
				reason: 'Nog eens',
				member: await membershipId(group.id, member.id)
			})
		).toBe('not_allowed');
	});

	test('mute and unmute are logged, the unmute as undoing the mute; the member sees until when', async () => {
		const { group, moderator, author } = await arrange();
		const target = await membershipId(group.id, author.id);
		expect(
			await refusal(moderator.client, 'mute_member', {
				member: target,
				days: 3,
				reason: 'Even rust'
			})
		).toBe('mute_days_invalid');
		expect(
			await refusal(moderator.client, 'mute_member', { member: target, days: 7, reason: ' ' })
		).toBe('reason_invalid');
		const mute = await call<string>(moderator.client, 'mute_member', {
			member: target,
			days: 7,
			reason: 'Even rust nemen.'
		});
		const shell = await call<Json>(author.client, 'app_shell', { target_group: group.id });
		const until = new Date((shell.group as { me: Json }).me.muted_until as string).getTime();
		expect(until).toBeGreaterThan(Date.now() + 6.9 * 86_400_000);
		expect(until).toBeLessThan(Date.now() + 7.1 * 86_400_000);
		const mine = await call<{ actions: Json[] }>(author.client, 'page_my_moderation');
		expect(mine.actions[0]).toMatchObject({ action: 'mute', reason: 'Even rust nemen.' });
		expect(new Date(mine.actions[0].muted_until as string).getTime()).toBe(until);

		const unmute = await call<string>(moderator.client, 'unmute_member', {
			member: target,
			reason: 'Het is uitgepraat.'
		});
		const { rows } = await db().query(
			`select action, undoes from public.moderation_log where id = $1`,
			[unmute]
		);
		expect(rows).toEqual([{ action: 'unmute', undoes: mute }]);
		await post(author, group.id);
		// Not muted: nothing to undo.
		expect(await refusal(moderator.client, 'unmute_member', { member: target, reason: 'x' })).toBe(
			'not_allowed'
		);
	});

	test('no moderator acts on themselves or another moderator, so the last one is never removed', async () => {
		const { group, moderator, author } = await arrange();
		const second = await joinedModerator(group.id, 'Tweede');
		const own = await post(moderator, group.id);
		const theirs = await post(second, group.id, { anonymous: true });
		const ownAnswer = await answer(moderator, theirs);
		for (const target of [moderator, second]) {
			const member = await membershipId(group.id, target.id);
			for (const [fn, args] of [
				['mute_member', { member, days: 1, reason: 'r' }],
				['remove_from_group', { member, reason: 'r' }],
				['message_member', { client_id: randomUUID(), member, body: 'Hallo' }]
			] as const) {
				expect(await refusal(moderator.client, fn, args), fn).toBe('not_allowed');
			}
		}
		expect(await refusal(moderator.client, 'hide_post', { post: own, reason: 'r' })).toBe(
			'not_allowed'
		);
		expect(await refusal(moderator.client, 'hide_post', { post: theirs, reason: 'r' })).toBe(
			'not_allowed'
		);
		expect(await refusal(second.client, 'hide_comment', { comment: ownAnswer, reason: 'r' })).toBe(
			'not_allowed'
		);
		// The old call removes with a fixed reason and the same rules.
		expect(
			await refusal(moderator.client, 'remove_member', {
				member: await membershipId(group.id, second.id)
			})
		).toBe('not_allowed');
		await call(moderator.client, 'remove_member', {
			member: await membershipId(group.id, author.id)
		});
		const { rows } = await db().query(
			`select m.role, m.status, l.action, l.reason from public.group_members m
			join public.moderation_log l on l.member_id = m.id where m.group_id = $1`,
			[group.id]
		);
		expect(rows).toEqual([
			{
				role: 'member',
				status: 'removed',
				action: 'remove',
				reason: 'Uit de groep gehaald door de begeleiders.'
			}
		]);
		const moderators = await db().query(
			`select count(*)::int from public.group_members
			where group_id = $1 and role = 'moderator' and status = 'active'`,
			[group.id]
		);
		expect(moderators.rows[0].count).toBe(2);
	});

	test('reports about a moderator are for the other moderators only', async () => {
		const { group, moderator, member } = await arrange();
		const second = await joinedModerator(group.id, 'Tweede');
		const theirs = await post(moderator, group.id, { anonymous: true });
		await report(member, { post: theirs }, 'unsafe', 'Dit is dreigend.');
		const forThem = await call<Json>(moderator.client, 'page_moderation_queue', {
			target_group: group.id
		});
		expect(forThem.items).toEqual([]);
		const item = await call<Json>(moderator.client, 'page_moderation_item', {
			target_group: group.id,
			post: theirs
		});
		expect(item).toMatchObject({ can_act: false, reports: [] });
		expect(
			await refusal(moderator.client, 'dismiss_reports', {
				target_group: group.id,
				reason: 'Niets',
				post: theirs
			})
		).toBe('not_allowed');
		const forOthers = await call<Json>(second.client, 'page_moderation_queue', {
			target_group: group.id
		});
		expect((forOthers.items as Json[]).map((i) => i.id)).toEqual([theirs]);
		const shell = await call<Json>(moderator.client, 'app_shell', { target_group: group.id });
		expect((shell.group as Json).queue_count).toBe(0);
		const otherShell = await call<Json>(second.client, 'app_shell', { target_group: group.id });
		expect((otherShell.group as Json).queue_count).toBe(1);
	});

	test('"left out" to one moderator: only that moderator sees it and answers; the member reads "the moderators"', async () => {
		const { group, moderator, member } = await arrange();
		const second = await joinedModerator(group.id, 'Tweede');
		const thread = await call<string>(member.client, 'send_left_out_message', {
			client_id: randomUUID(),
			target_group: group.id,
			to_moderator: await membershipId(group.id, second.id),
			body: 'Niemand zegt goeiedag.'
		});
		const forSecond = await call<Json>(second.client, 'page_moderation_queue', {
			target_group: group.id
		});
		expect(forSecond.threads).toEqual([
			expect.objectContaining({
				id: thread,
				kind: 'left_out',
				member: { id: await membershipId(group.id, member.id), nickname: 'Lid' },
				to_me: true,
				unanswered: true
			})
		]);
		expect(
			((await call<Json>(second.client, 'app_shell', { target_group: group.id })).group as Json)
				.queue_count
		).toBe(1);
		// The other moderator: not in the queue, not by id, cannot answer.
		expect(
			(await call<Json>(moderator.client, 'page_moderation_queue', { target_group: group.id }))
				.threads
		).toEqual([]);
		expect(await call(moderator.client, 'page_moderation_thread', { thread })).toBeNull();
		expect(
			await refusal(moderator.client, 'reply_as_moderators', {
				client_id: randomUUID(),
				thread,
				body: 'Ik lees mee'
			})
		).toBe('not_allowed');
		expect(
			((await call<Json>(moderator.client, 'app_shell', { target_group: group.id })).group as Json)
				.queue_count
		).toBe(0);

		await call(second.client, 'reply_as_moderators', {
			client_id: randomUUID(),
			thread,
			body: 'Dank je. Zullen we volgende week samen koffie drinken?'
		});
		const view = await call<Json>(second.client, 'page_moderation_thread', { thread });
		expect(view).toMatchObject({ unanswered: false, to_me: true });
		expect((view.messages as Json[]).map((m) => m.by)).toEqual([null, 'Tweede']);
		const mine = await call<{ threads: Json[] }>(member.client, 'page_my_moderation');
		expect(mine.threads[0].messages).toEqual([
			expect.objectContaining({ from_moderators: false, body: 'Niemand zegt goeiedag.' }),
			{
				id: expect.any(String),
				from_moderators: true,
				body: 'Dank je. Zullen we volgende week samen koffie drinken?',
				created_at: expect.any(String)
			}
		]);
		expect(JSON.stringify(mine)).not.toContain('Tweede');
	});

	test('a message from the moderators is a thread the member answers; the answer waits in the queue', async () => {
		const { group, moderator, author } = await arrange();
		const target = await membershipId(group.id, author.id);
		const clientId = randomUUID();
		const thread = await call<string>(moderator.client, 'message_member', {
			client_id: clientId,
			member: target,
			body: 'We willen even met je praten over gisteren.'
		});
		expect(
			await call(moderator.client, 'message_member', {
				client_id: clientId,
				member: target,
				body: 'We willen even met je praten over gisteren.'
			})
		).toBe(thread);
		const mine = await call<{ actions: Json[]; threads: Json[] }>(
			author.client,
			'page_my_moderation'
		);
		expect(mine.actions).toEqual([
			expect.objectContaining({
				action: 'message',
				reason: 'We willen even met je praten over gisteren.'
			})
		]);
		expect(mine.threads).toEqual([
			expect.objectContaining({ id: thread, kind: 'from_moderators' })
		]);
		await call(author.client, 'reply_to_moderators', {
			client_id: randomUUID(),
			thread,
			body: 'Goed, na de bijeenkomst?'
		});
		const queue = await call<Json>(moderator.client, 'page_moderation_queue', {
			target_group: group.id
		});
		expect(queue.threads).toEqual([
			expect.objectContaining({
				id: thread,
				kind: 'from_moderators',
				unanswered: true,
				to_me: false
			})
		]);
	});

	test('refusing a join request keeps it refused, with or without a reason, logged', async () => {
		const group = await makeGroup({ joinPolicy: 'request' });
		const moderator = await joinedModerator(group.id);
		const asking = async (nickname: string) => {
			const person = await signUp(nickname);
			await call(person.client, 'request_to_join', {
				target_group: group.id,
				nickname,
				accept_rules: true
			});
			return { person, member: await membershipId(group.id, person.id) };
		};
		const first = await asking('Eerste');
		const second = await asking('Tweede');
		await call(moderator.client, 'refuse_join_request', {
			member: first.member,
			reason: 'De groep is voor mensen uit Gent.'
		});
		await call(moderator.client, 'decide_join_request', { member: second.member, approve: false });
		const { rows } = await db().query(
			`select m.nickname, m.status, m.refused_reason, l.action, l.reason
			from public.group_members m join public.moderation_log l on l.member_id = m.id
			where m.group_id = $1 order by m.nickname`,
			[group.id]
		);
		expect(rows).toEqual([
			{
				nickname: 'Eerste',
				status: 'refused',
				refused_reason: 'De groep is voor mensen uit Gent.',
				action: 'refuse_join',
				reason: 'De groep is voor mensen uit Gent.'
			},
			{
				nickname: 'Tweede',
				status: 'refused',
				refused_reason: null,
				action: 'refuse_join',
				reason: null
			}
		]);
		expect(
			await call(first.person.client, 'join_request_status', { target_group: group.id })
		).toMatchObject({ status: 'refused', refused_reason: 'De groep is voor mensen uit Gent.' });
		expect(await refusal(moderator.client, 'refuse_join_request', { member: first.member })).toBe(
			'not_pending'
		);
	});

	test('a report outlives its reporter: the count does not drop when their account goes', async () => {
		const { group, moderator, author, member } = await arrange();
		const postId = await post(author, group.id);
		await report(member, { post: postId }, 'unsafe', 'Dit voelt dreigend.');
		const before = await call<{ items: Json[] }>(moderator.client, 'page_moderation_queue', {
			target_group: group.id
		});
		await call(member.client, 'delete_my_account', { also_unnamed: false });
		const after = await call<{ items: Json[] }>(moderator.client, 'page_moderation_queue', {
			target_group: group.id
		});
		expect(after.items).toEqual(before.items);
		expect(after.items[0]).toMatchObject({ report_count: 1, words: ['Dit voelt dreigend.'] });
		expect((await reportRows('post_id = $1', [postId])).map((r) => r.reporter_id)).toEqual([null]);
	});

	test('my data holds my reports, my mute, my hidden posts and my threads', async () => {
		const { group, moderator, author, member } = await arrange();
		const postId = await post(author, group.id, { anonymous: true });
		await report(member, { post: postId }, 'spam', 'Reclame');
		await call(moderator.client, 'hide_post', { post: postId, reason: 'Reclame' });
		await call(moderator.client, 'mute_member', {
			member: await membershipId(group.id, author.id),
			days: 1,
			reason: 'Even niet'
		});
		const mine = await call<Json>(author.client, 'export_my_data');
		expect((mine.memberships as Json[])[0].muted_until).toEqual(expect.any(String));
		expect((mine.posts as Json[])[0]).toMatchObject({ hidden_reason: 'Reclame' });
		expect(mine.reports_sent).toEqual([]);
		expect(mine.moderation).toEqual(await call(author.client, 'page_my_moderation'));
		const theirs = await call<Json>(member.client, 'export_my_data');
		expect(theirs.reports_sent).toEqual([
			{
				group: expect.any(String),
				about: 'post',
				reason: 'spam',
				words: 'Reclame',
				created_at: expect.any(String)
			}
		]);
		expect(theirs.moderation).toEqual({ actions: [], threads: [] });
	});

	test('after an account is deleted, the log cannot be lined up with its anonymous posts', async () => {
		const { group, moderator, author, member } = await arrange();
		const anonymous = await post(author, group.id, { anonymous: true, body: 'Anoniem verhaal' });
		const authorMembership = await membershipId(group.id, author.id);
		await report(member, { post: anonymous }, 'private_info');
		await call(moderator.client, 'hide_post', { post: anonymous, reason: 'Privé dingen' });
		await call(moderator.client, 'mute_member', {
			member: authorMembership,
			days: 1,
			reason: 'Om dat bericht'
		});
		await call(author.client, 'delete_my_account', { also_unnamed: false });

		// The anonymous post stays, and nothing in the log or the reports points to its author.
		const { rows } = await db().query(
			`select action, member_id, post_id from public.moderation_log where group_id = $1
			order by created_at`,
			[group.id]
		);
		expect(rows).toEqual([
			{ action: 'hide', member_id: null, post_id: anonymous },
			{ action: 'mute', member_id: null, post_id: null }
		]);
		const reports = await reportRows('group_id = $1', [group.id]);
		expect(reports.map((r) => r.about_member)).toEqual([null]);
		const log = await call<{ entries: Json[] }>(moderator.client, 'page_moderation_log', {
			target_group: group.id
		});
		expect(log.entries.map((e) => e.member)).toEqual([null, null]);
		expect(JSON.stringify(log)).not.toContain('Auteur');
		const item = await call<Json>(moderator.client, 'page_moderation_item', {
			target_group: group.id,
			post: anonymous
		});
		expect(item).toMatchObject({ member: null, post: { id: anonymous, author: null } });
		expect(JSON.stringify(item)).not.toContain(authorMembership);
	});
});
