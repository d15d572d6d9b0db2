// Posts, comments and reactions: idempotent writes, who may change what, the feed, my data.
import { randomUUID } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { db, signUp } from '../support/platform';
import { joinedMember, joinedModerator, makeGroup, post } from '../support/groups';

type FeedRow = {
	id: string;
	pinned: boolean;
	comment_count: number;
	recognise_count: number;
	support_count: number;
	my_reactions: string[];
	created_at: string;
};

describe('writing', () => {
	test('the same post sent twice with one client id is stored once', async () => {
		const group = await makeGroup();
		const member = await joinedMember(group.id);
		const args = {
			client_id: randomUUID(),
			target_group: group.id,
			kind: 'tip',
			body: 'De sociale kruidenier is open op dinsdag.',
			anonymous: false
		};
		const [first, second] = await Promise.all([
			member.client.rpc('create_post', args),
			member.client.rpc('create_post', args)
		]);
		const third = await member.client.rpc('create_post', args);
		expect(first.data).toBe(second.data);
		expect(third.data).toBe(first.data);
		const { rows } = await db().query(
			'select count(*)::int as n from public.posts where group_id = $1',
			[group.id]
		);
		expect(rows[0].n).toBe(1);
	});

	test('comments and reactions are idempotent too; one reaction of each kind per person', async () => {
		const group = await makeGroup();
		const member = await joinedMember(group.id);
		const postId = await post(member, group.id);
		const comment = { client_id: randomUUID(), post: postId, body: 'Dank je!', anonymous: false };
		await member.client.rpc('create_comment', comment);
		await member.client.rpc('create_comment', comment);
		for (let i = 0; i < 3; i++) {
			await member.client.rpc('add_reaction', {
				client_id: randomUUID(),
				post: postId,
				comment: null,
				kind: 'support'
			});
		}
		const { data } = await member.client.rpc('group_feed', { target_group: group.id });
		expect(data[0]).toMatchObject({
			comment_count: 1,
			support_count: 1,
			my_reactions: ['support']
		});
	});

	test('a post over 2,000 characters is refused', async () => {
		const group = await makeGroup();
		const member = await joinedMember(group.id);
		const { error } = await member.client.rpc('create_post', {
			client_id: randomUUID(),
			target_group: group.id,
			kind: 'story',
			body: 'a'.repeat(2001),
			anonymous: false
		});
		expect(error?.code).toBe('23514');
	});

	test('only the author edits or deletes a post; only a moderator pins it', async () => {
		const group = await makeGroup();
		const moderator = await joinedModerator(group.id);
		const author = await joinedMember(group.id);
		const other = await joinedMember(group.id);
		const postId = await post(author, group.id);

		expect(
			(await other.client.rpc('edit_post', { post: postId, kind: 'tip', body: 'Overschreven' }))
				.error?.message
		).toBe('not_allowed');
		expect((await other.client.rpc('delete_post', { post: postId })).error?.message).toBe(
			'not_allowed'
		);
		expect(
			(await author.client.rpc('pin_post', { post: postId, pinned: true })).error?.message
		).toBe('not_allowed');
		expect(
			(await author.client.rpc('edit_post', { post: postId, kind: 'story', body: 'Aangepast' }))
				.error
		).toBeNull();
		expect(
			(await moderator.client.rpc('pin_post', { post: postId, pinned: true })).error
		).toBeNull();

		const { rows } = await db().query(
			'select body, kind, edited_at, pinned_at from public.posts where id = $1',
			[postId]
		);
		expect(rows[0]).toMatchObject({ body: 'Aangepast', kind: 'story' });
		expect(rows[0].edited_at).not.toBeNull();
		expect(rows[0].pinned_at).not.toBeNull();

		expect((await author.client.rpc('delete_post', { post: postId })).error).toBeNull();
		expect((await author.client.rpc('group_feed', { target_group: group.id })).data).toEqual([]);
	});

	test('outsiders and removed members cannot post', async () => {
		const group = await makeGroup();
		const outsider = await signUp();
		const { error } = await outsider.client.rpc('create_post', {
			client_id: randomUUID(),
			target_group: group.id,
			kind: 'story',
			body: 'Hallo',
			anonymous: false
		});
		expect(error?.message).toBe('not_allowed');
	});
});

describe('the feed', () => {
	test('pinned first, then newest, paged with a cursor', async () => {
		const group = await makeGroup();
		const moderator = await joinedModerator(group.id);
		const member = await joinedMember(group.id);
		const ids = [];
		for (let i = 0; i < 5; i++) ids.push(await post(member, group.id, { body: `Bericht ${i}` }));
		await moderator.client.rpc('pin_post', { post: ids[0], pinned: true });

		const first = (await member.client.rpc('group_feed', { target_group: group.id, page_size: 2 }))
			.data as FeedRow[];
		expect(first.map((row) => row.id)).toEqual([ids[0], ids[4], ids[3]]);
		expect(first[0].pinned).toBe(true);
		const last = first[first.length - 1];
		const next = (
			await member.client.rpc('group_feed', {
				target_group: group.id,
				page_size: 2,
				before_created_at: last.created_at,
				before_id: last.id
			})
		).data as FeedRow[];
		expect(next.map((row) => row.id)).toEqual([ids[2], ids[1]]);
	});

	test('my groups tell what is new since my last visit', async () => {
		const group = await makeGroup();
		const reader = await joinedMember(group.id);
		const writer = await joinedMember(group.id);
		await post(writer, group.id);
		await post(writer, group.id);
		await post(reader, group.id);
		const before = await reader.client.rpc('my_groups');
		expect(before.data[0]).toMatchObject({ group_id: group.id, new_posts: 2 });
		const { error } = await reader.client.rpc('mark_group_seen', {
			target_group: group.id,
			read_at: new Date().toISOString()
		});
		expect(error).toBeNull();
		const after = await reader.client.rpc('my_groups');
		expect(after.data[0]).toMatchObject({ new_posts: 0 });
	});
});

describe('my data', () => {
	test('export holds my memberships, posts (also anonymous ones) and reactions', async () => {
		const group = await makeGroup();
		const member = await joinedMember(group.id, 'Exporteur');
		await post(member, group.id, { anonymous: true, body: 'Stil bericht' });
		const { data } = await member.client.rpc('export_my_data');
		expect(data.memberships[0]).toMatchObject({ nickname: 'Exporteur', status: 'active' });
		expect(data.posts[0]).toMatchObject({ body: 'Stil bericht', anonymous: true });
		expect(data.account.id).toBe(member.id);
	});

	// What I wrote without my name stays: leaving-keeps-anonymity.test.ts.
	test('deleting my account removes me, my named posts and comments, in one step', async () => {
		const group = await makeGroup();
		const member = await joinedMember(group.id);
		const other = await joinedMember(group.id);
		const mine = await post(member, group.id);
		const theirs = await post(other, group.id);
		await member.client.rpc('create_comment', {
			client_id: randomUUID(),
			post: theirs,
			body: 'Sterkte',
			anonymous: false
		});

		expect((await member.client.rpc('delete_my_account')).error).toBeNull();
		const { rows } = await db().query(
			`select (select count(*) from auth.users where id = $1)::int as users,
				(select count(*) from public.posts where id = $2)::int as posts,
				(select count(*) from public.comments where post_id = $3)::int as comments,
				(select count(*) from public.group_members where user_id = $1)::int as memberships,
				(select count(*) from public.posts where id = $3)::int as others`,
			[member.id, mine, theirs]
		);
		expect(rows[0]).toEqual({ users: 0, posts: 0, comments: 0, memberships: 0, others: 1 });
	});
});

describe('answers to me', () => {
	test('the author sees answers others gave to their anonymous post; others do not', async () => {
		const group = await makeGroup();
		const newcomer = await joinedMember(group.id, 'Nieuwkomer');
		const helper = await joinedMember(group.id, 'Helper');
		const postId = await post(newcomer, group.id, { anonymous: true });
		await helper.client.rpc('create_comment', {
			client_id: randomUUID(),
			post: postId,
			body: 'Bel het OCMW.',
			anonymous: false
		});
		await newcomer.client.rpc('create_comment', {
			client_id: randomUUID(),
			post: postId,
			body: 'Dank je.',
			anonymous: false
		});

		const mine = await newcomer.client.rpc('answers_to_me');
		expect(mine.data).toEqual([
			expect.objectContaining({ body: 'Bel het OCMW.', author_name: 'Helper' })
		]);
		const theirs = await helper.client.rpc('answers_to_me');
		expect(theirs.data).toEqual([]);
	});
});
