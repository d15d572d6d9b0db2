// Deleting one's account does not tell the group who wrote its unnamed posts and answers. Tested
// as someone lining facts up would: a member writes down everything they can see before and
// after another member deletes their account, and looks for what changed.
import { randomUUID } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { db, type Person } from '../support/platform';
import { joinedMember, joinedModerator, makeGroup, post } from '../support/groups';

const comment = async (person: Person, postId: string, body: string, anonymous: boolean) => {
	const { data, error } = await person.client.rpc('create_comment', {
		client_id: randomUUID(),
		post: postId,
		body,
		anonymous
	});
	expect(error).toBeNull();
	return data as string;
};

const react = async (person: Person, postId: string, kind: string) => {
	const { error } = await person.client.rpc('add_reaction', {
		client_id: randomUUID(),
		post: postId,
		comment: null,
		kind
	});
	expect(error).toBeNull();
};

interface Seen {
	id: string;
	body: string;
	anonymous: boolean;
	answers: Array<{ body: string; anonymous: boolean }>;
}

/** Everything a member sees of the group: its members, every post and every answer. */
async function whatIsSeen(observer: Person, groupId: string) {
	const { data: members, error } = await observer.client
		.from('group_members')
		.select('nickname, role')
		.eq('group_id', groupId)
		.order('nickname');
	expect(error).toBeNull();
	const { data: feed } = await observer.client.rpc('group_feed', { target_group: groupId });
	const posts: Seen[] = [];
	for (const row of feed as Omit<Seen, 'answers'>[]) {
		const { data: answers } = await observer.client.rpc('post_comments', { target_post: row.id });
		posts.push({ ...row, answers });
	}
	return { members: (members ?? []).map((member) => member.nickname), posts };
}

async function scene() {
	const group = await makeGroup();
	const moderator = await joinedModerator(group.id, 'Mo');
	const leaver = await joinedMember(group.id, 'Vertrekker');
	const other = await joinedMember(group.id, 'Blijver');
	const observer = await joinedMember(group.id, 'Kijker');
	// Both write unnamed posts and answers, so that "whose was it" is a real question.
	const leaverUnnamed = await post(leaver, group.id, { anonymous: true, body: 'Schulden.' });
	const otherUnnamed = await post(other, group.id, { anonymous: true, body: 'Eenzaam.' });
	const leaverNamed = await post(leaver, group.id, { body: 'Tip: de sociale kruidenier.' });
	const observerNamed = await post(observer, group.id, { body: 'Hallo allemaal.' });
	await comment(leaver, otherUnnamed, 'Ik ken dat.', true);
	await comment(other, leaverUnnamed, 'Sterkte.', true);
	await comment(leaver, observerNamed, 'Met naam.', false);
	await comment(observer, leaverNamed, 'Dank je.', false);
	await react(leaver, otherUnnamed, 'recognise');
	await react(leaver, leaverUnnamed, 'support');
	await react(other, leaverUnnamed, 'support');
	return { group, moderator, leaver, other, observer, leaverUnnamed, otherUnnamed };
}

describe('deleting my account', () => {
	test('leaves my unnamed posts, answers and reactions exactly as the group saw them', async () => {
		const { group, leaver, observer } = await scene();
		const before = await whatIsSeen(observer, group.id);

		expect((await leaver.client.rpc('delete_my_account')).error).toBeNull();
		const after = await whatIsSeen(observer, group.id);

		// What left: the name, and what was written with it (and the answers to that).
		expect(before.members.filter((name) => !after.members.includes(name))).toEqual(['Vertrekker']);
		const unnamed = (seen: typeof before) =>
			seen.posts
				.filter((row) => row.anonymous)
				.map((row) => ({
					...row,
					answers: row.answers.filter((answer) => answer.anonymous)
				}));
		// Every unnamed post, its counts and its unnamed answers are as they were.
		expect(unnamed(after)).toEqual(unnamed(before));
		expect(after.posts.map((row) => row.body)).toEqual(
			before.posts.map((row) => row.body).filter((body) => body !== 'Tip: de sociale kruidenier.')
		);
		const named = (seen: typeof before) =>
			seen.posts.flatMap((row) =>
				row.answers.filter((answer) => !answer.anonymous).map((answer) => answer.body)
			);
		expect(named(before)).toEqual(['Met naam.', 'Dank je.']);
		expect(named(after)).toEqual([]);
	});

	test('after it, no one can tell whose the unnamed writing was, moderators included', async () => {
		const { group, moderator, leaver, leaverUnnamed, otherUnnamed } = await scene();
		const { data: beforeFeed } = await moderator.client.rpc('group_feed', {
			target_group: group.id
		});
		const shownBefore = (beforeFeed as Array<{ id: string; author_name: string | null }>).find(
			(row) => row.id === leaverUnnamed
		);
		expect(shownBefore?.author_name).toBe('Vertrekker');

		expect((await leaver.client.rpc('delete_my_account')).error).toBeNull();
		const { data: feed } = await moderator.client.rpc('group_feed', { target_group: group.id });
		const shown = (feed as Array<{ id: string; author_name: string | null }>).find(
			(row) => row.id === leaverUnnamed
		);
		expect(shown).toMatchObject({ author_name: null });
		const { data: answers } = await moderator.client.rpc('post_comments', {
			target_post: otherUnnamed
		});
		expect(answers).toEqual([expect.objectContaining({ body: 'Ik ken dat.', author_name: null })]);

		const { rows } = await db().query(
			`select (select count(*) from public.post_authors where author_id = $1)::int as post_links,
				(select count(*) from public.comment_authors where author_id = $1)::int as answer_links,
				(select count(*) from public.reactions where user_id = $1)::int as reaction_links,
				(select count(*) from public.group_members where user_id = $1)::int as memberships,
				(select count(*) from auth.users where id = $1)::int as users`,
			[leaver.id]
		);
		expect(rows[0]).toEqual({
			post_links: 0,
			answer_links: 0,
			reaction_links: 0,
			memberships: 0,
			users: 0
		});
	});

	test('deletes my unnamed writing too when I ask for it', async () => {
		const { group, leaver, observer, leaverUnnamed } = await scene();
		expect((await leaver.client.rpc('delete_my_account', { also_unnamed: true })).error).toBeNull();
		const after = await whatIsSeen(observer, group.id);
		expect(after.posts.map((row) => [row.body, row.answers])).toEqual([
			['Hallo allemaal.', []],
			['Eenzaam.', []]
		]);
		const { rows } = await db().query('select count(*)::int as n from public.posts where id = $1', [
			leaverUnnamed
		]);
		expect(rows[0].n).toBe(0);
	});
});
