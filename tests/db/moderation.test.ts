// Moderation as people meet it (issue 10): reports, hidden posts and answers, mutes that end by
// themselves, "I feel left out", refused join requests, and the log that keeps anonymity.
import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import { describe, expect, test } from 'vitest';
import { joinedMember, joinedModerator, makeGroup, membershipId, post } from '../support/groups';
import { db, signUp, type Person } from '../support/platform';

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
		const first = await report(member, { post: postId }, 'left_out', 'Ze lachen haar uit.');
		expect(first.error).toBeNull();
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
		// An invite-only group is not found, as for anyone who has no invite.
		const closed = await makeGroup();
		expect(await refusal(person.client, 'join_request_status', { target_group: closed.id })).toBe(
			'group_not_found'
		);
	});
});
