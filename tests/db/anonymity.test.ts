// Nobody but the author and the group's moderators can learn who wrote an anonymous post or
// comment — through any request PostgREST accepts. Tested with raw HTTP, as an attacker would.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, test } from 'vitest';
import { platform, type Person } from '../support/platform';
import { joinedMember, joinedModerator, makeGroup, post } from '../support/groups';

let author: Person;
let member: Person;
let moderator: Person;
let groupId: string;
let anonymousPost: string;
let anonymousComment: string;

async function rest(person: Person, path: string, init: RequestInit = {}) {
	const { apiUrl, anonKey } = platform();
	const response = await fetch(`${apiUrl}/rest/v1/${path}`, {
		...init,
		headers: {
			apikey: anonKey,
			authorization: `Bearer ${person.accessToken}`,
			'content-type': 'application/json',
			...init.headers
		}
	});
	const text = await response.text();
	return { status: response.status, body: text, json: text ? JSON.parse(text) : null };
}

beforeAll(async () => {
	groupId = (await makeGroup()).id;
	moderator = await joinedModerator(groupId, 'Moderator');
	author = await joinedMember(groupId, 'Schrijver');
	member = await joinedMember(groupId, 'Lezer');
	anonymousPost = await post(author, groupId, {
		anonymous: true,
		body: 'Ik durf het niet te zeggen.'
	});
	await post(author, groupId, { anonymous: false, body: 'Dit mag iedereen weten.' });
	const { data } = await author.client.rpc('create_comment', {
		client_id: randomUUID(),
		post: anonymousPost,
		body: 'Ik ook niet.',
		anonymous: true
	});
	anonymousComment = data as string;
});

describe('another member', () => {
	test('sees the anonymous post without an author', async () => {
		const { json } = await rest(member, `posts?id=eq.${anonymousPost}&select=id,body,anonymous`);
		expect(json).toEqual([
			{ id: anonymousPost, body: 'Ik durf het niet te zeggen.', anonymous: true }
		]);
	});

	// The author column holds a user id even on signed posts, which would link one person's
	// names across groups: it is not read at all, so it cannot be filtered or sorted on either.
	test('cannot read, filter or order posts by their author', async () => {
		for (const query of [
			`posts?id=eq.${anonymousPost}&select=*`,
			`posts?author_id=eq.${author.id}&select=id`,
			`posts?or=(author_id.eq.${author.id})&select=id`,
			`posts?author_id=not.is.null&anonymous=is.true&select=id`,
			`posts?group_id=eq.${groupId}&order=author_id.asc&select=id`,
			`comments?id=eq.${anonymousComment}&select=author_id`
		]) {
			const { status, body } = await rest(member, query);
			expect(status, query).toBeGreaterThanOrEqual(400);
			expect(body).not.toContain(anonymousPost);
			expect(body).not.toContain(author.id);
		}
	});

	test('cannot read the authorship tables, directly, embedded or filtered', async () => {
		for (const query of [
			`post_authors?select=*`,
			`post_authors?author_id=eq.${author.id}&select=post_id`,
			`comment_authors?select=*`,
			`posts?id=eq.${anonymousPost}&select=id,post_authors(author_id)`,
			`comments?id=eq.${anonymousComment}&select=id,comment_authors(author_id)`,
			`posts?id=eq.${anonymousPost}&select=*,profiles(*)`,
			`posts?id=eq.${anonymousPost}&select=*,group_members(*)`,
			`comments?id=eq.${anonymousComment}&select=*,profiles(*)`
		]) {
			const { body } = await rest(member, query);
			expect(body).not.toContain(author.id);
		}
	});

	test('cannot learn the author through any function', async () => {
		const calls: Array<[string, object]> = [
			['group_feed', { target_group: groupId }],
			['post_comments', { target_post: anonymousPost }],
			['my_groups', {}],
			['my_membership', { target_group: groupId }],
			['answers_to_me', {}],
			['export_my_data', {}],
			['app_shell', { target_group: groupId }],
			['page_home', {}],
			['page_group_feed', { target_group: groupId }],
			['page_post', { target_group: groupId, target_post: anonymousPost }]
		];
		for (const [name, args] of calls) {
			const { body } = await rest(member, `rpc/${name}`, {
				method: 'POST',
				body: JSON.stringify(args)
			});
			expect(body).not.toContain(author.id);
		}
		// The author's own, signed post carries their name; the anonymous one and its answer don't.
		const { json: feed } = await rest(member, 'rpc/group_feed', {
			method: 'POST',
			body: JSON.stringify({ target_group: groupId })
		});
		expect(feed.find((row: { id: string }) => row.id === anonymousPost).author_name).toBeNull();
		const { body: comments } = await rest(member, 'rpc/post_comments', {
			method: 'POST',
			body: JSON.stringify({ target_post: anonymousPost })
		});
		expect(comments).not.toContain('Schrijver');
	});

	test('cannot read when others were last in the group, which could betray an author', async () => {
		const { status, body } = await rest(
			member,
			`group_members?group_id=eq.${groupId}&select=nickname,last_seen_at`
		);
		expect(status).toBeGreaterThanOrEqual(400);
		expect(body).not.toContain('Schrijver');
	});

	test('sees "a member" (no name) in the feed and in the comments', async () => {
		const feed = await member.client.rpc('group_feed', { target_group: groupId });
		const shown = (
			feed.data as Array<{ id: string; author_name: string | null; is_mine: boolean }>
		).find((row) => row.id === anonymousPost);
		expect(shown).toMatchObject({ author_name: null, is_mine: false });
		const comments = await member.client.rpc('post_comments', { target_post: anonymousPost });
		expect(comments.data).toEqual([expect.objectContaining({ author_name: null, is_mine: false })]);
	});
});

describe('the author and the moderators', () => {
	test('the author sees the post is theirs', async () => {
		const feed = await author.client.rpc('group_feed', { target_group: groupId });
		const mine = (feed.data as Array<{ id: string; is_mine: boolean }>).find(
			(row) => row.id === anonymousPost
		);
		expect(mine?.is_mine).toBe(true);
	});

	test('a moderator sees who wrote it by name, for safety, and no user id', async () => {
		const feed = await moderator.client.rpc('group_feed', { target_group: groupId });
		const shown = (
			feed.data as Array<{ id: string; author_name: string; anonymous: boolean }>
		).find((row) => row.id === anonymousPost);
		expect(shown).toMatchObject({ author_name: 'Schrijver', anonymous: true });
		const { status, body } = await rest(
			moderator,
			`post_authors?post_id=eq.${anonymousPost}&select=author_id`
		);
		expect(status).toBeGreaterThanOrEqual(400);
		expect(body).not.toContain(author.id);
	});
});
