// Moderation tried from the wrong side (issue 10): a refused person asking again as a
// moderator's look-alike, a muted member made moderator, what a reporter can read of a hidden
// post's reactions.
import { randomUUID } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { joinedMember, joinedModerator, makeGroup, membershipId, post } from '../support/groups';
import { db, signUp } from '../support/platform';

describe('moderation, tried from the wrong side', () => {
	test('asking again after a refusal checks the name again: no moderator look-alike', async () => {
		const group = await makeGroup({ joinPolicy: 'request' });
		const person = await signUp('Els');
		const ask = () =>
			person.client.rpc('request_to_join', {
				target_group: group.id,
				nickname: 'Els',
				accept_rules: true
			});
		expect((await ask()).error).toBeNull();
		const request = await membershipId(group.id, person.id);
		await db().query(
			`update public.group_members set status = 'refused', refused_at = now() - interval '31 days'
			where id = $1`,
			[request]
		);
		// Meanwhile a moderator named Els (another person) leads the group.
		await joinedModerator(group.id, 'Eⅼs');
		const again = await ask();
		expect(again.error?.message).toBe('nickname_of_host_or_moderator');
		const { rows } = await db().query('select status from public.group_members where id = $1', [
			request
		]);
		expect(rows[0].status).toBe('refused');
	});

	test('approving a request checks the name again: no look-alike of who came in meanwhile', async () => {
		const group = await makeGroup({ joinPolicy: 'request' });
		const moderator = await joinedModerator(group.id, 'Begeleider');
		const asking = async (name: string) => {
			const person = await signUp(name);
			const asked = await person.client.rpc('request_to_join', {
				target_group: group.id,
				nickname: name,
				accept_rules: true
			});
			expect(asked.error).toBeNull();
			return membershipId(group.id, person.id);
		};
		const els = await asking('Els');
		const jan = await asking('Jan');
		// While the requests wait, a moderator named Els and a member named Jan come in.
		await joinedModerator(group.id, 'Eⅼs');
		await joinedMember(group.id, 'Jаn');
		for (const [request, code] of [
			[els, 'nickname_of_host_or_moderator'],
			[jan, 'nickname_taken']
		]) {
			const approved = await moderator.client.rpc('decide_join_request', {
				member: request,
				approve: true
			});
			expect(approved.error?.message).toBe(code);
		}
		const { rows } = await db().query(
			'select status from public.group_members where id = any($1) order by status',
			[[els, jan]]
		);
		expect(rows.map((row) => row.status)).toEqual(['pending', 'pending']);
	});

	test('a muted member made moderator is no longer muted, and the log says so', async () => {
		const group = await makeGroup();
		const moderator = await joinedModerator(group.id, 'Begeleider');
		const member = await joinedMember(group.id, 'Lid');
		const memberId = await membershipId(group.id, member.id);
		const muted = await moderator.client.rpc('mute_member', {
			member: memberId,
			days: 7,
			reason: 'Even rust.'
		});
		expect(muted.error).toBeNull();
		const promoted = await moderator.client.rpc('set_member_role', {
			member: memberId,
			new_role: 'moderator'
		});
		expect(promoted.error).toBeNull();
		const posted = await member.client.rpc('create_post', {
			client_id: randomUUID(),
			target_group: group.id,
			kind: 'question',
			body: 'Ik help mee.',
			anonymous: false
		});
		expect(posted.error).toBeNull();
		const { rows } = await db().query(
			`select action, undoes from public.moderation_log where member_id = $1
			order by created_at, action`,
			[memberId]
		);
		// The same moment: in the order the actions were declared.
		expect(rows.map((row) => row.action)).toEqual(['mute', 'unmute', 'role_change']);
		expect(rows[1].undoes).not.toBeNull();
		// Every role change is logged; a role change without a running mute ends nothing.
		const back = await moderator.client.rpc('set_member_role', {
			member: memberId,
			new_role: 'member'
		});
		expect(back.error).toBeNull();
		const after = await db().query(
			'select count(*)::int as n from public.moderation_log where member_id = $1',
			[memberId]
		);
		expect(after.rows[0].n).toBe(4);
	});

	test("one member's flood of 'I feel left out' does not push another's out of the queue", async () => {
		const group = await makeGroup();
		const moderator = await joinedModerator(group.id, 'Begeleider');
		const flooder = await joinedMember(group.id, 'Veel');
		const member = await joinedMember(group.id, 'Lid');
		const send = (person: typeof member, body: string) =>
			person.client.rpc('send_left_out_message', {
				client_id: randomUUID(),
				target_group: group.id,
				body
			});
		const first = await send(flooder, 'Bericht 1');
		expect(first.error).toBeNull();
		const codes: (string | undefined)[] = [];
		for (let n = 2; n <= 60; n++) {
			const sent = await send(flooder, `Bericht ${n}`);
			codes.push(sent.error?.message);
			// While the moderators have not answered, more words go to the same conversation.
			if (!sent.error) expect(sent.data).toBe(first.data);
		}
		expect(codes.filter((code) => code === 'message_limit_reached').length).toBe(10);
		const reply = await flooder.client.rpc('reply_to_moderators', {
			client_id: randomUUID(),
			thread: first.data,
			body: 'Nog eens.'
		});
		expect(reply.error?.message).toBe('message_limit_reached');
		const mine = await send(member, 'Ik hoor er niet bij.');
		expect(mine.error).toBeNull();
		const queue = await moderator.client.rpc('page_moderation_queue', { target_group: group.id });
		expect(queue.error).toBeNull();
		const threads = (queue.data as { threads: { id: string }[] }).threads.map((t) => t.id);
		expect(threads).toContain(mine.data);
		expect(threads.length).toBe(2);
		const { rows } = await db().query(
			`select count(*)::int as n from public.moderation_messages where author_id = $1`,
			[flooder.id]
		);
		expect(rows[0].n).toBe(50);
	});

	test('a deleted post or answer is not readable by other members, by id or otherwise', async () => {
		const group = await makeGroup();
		const moderator = await joinedModerator(group.id, 'Begeleider');
		const author = await joinedMember(group.id, 'Auteur');
		const member = await joinedMember(group.id, 'Lid');
		const postId = await post(author, group.id, { body: 'Iets wat ik beter niet schreef.' });
		const other = await post(author, group.id);
		const answer = await author.client.rpc('create_comment', {
			client_id: randomUUID(),
			post: other,
			body: 'Ook dit liever niet.',
			anonymous: false
		});
		expect(answer.error).toBeNull();
		expect((await author.client.rpc('delete_post', { post: postId })).error).toBeNull();
		expect((await author.client.rpc('delete_comment', { comment: answer.data })).error).toBeNull();
		const read = async (client: typeof member.client) => {
			const posts = await client.from('posts').select('body').eq('id', postId);
			const comments = await client.from('comments').select('body').eq('id', answer.data);
			expect(posts.error).toBeNull();
			expect(comments.error).toBeNull();
			return [posts.data?.length, comments.data?.length];
		};
		expect(await read(member.client)).toEqual([0, 0]);
		expect(await read(author.client)).toEqual([1, 1]);
		expect(await read(moderator.client)).toEqual([1, 1]);
	});

	test("a hidden post's and answer's reactions are not readable by members", async () => {
		const group = await makeGroup();
		const moderator = await joinedModerator(group.id, 'Begeleider');
		const author = await joinedMember(group.id, 'Auteur');
		const member = await joinedMember(group.id, 'Lid');
		const postId = await post(author, group.id);
		const other = await post(author, group.id);
		const answer = await author.client.rpc('create_comment', {
			client_id: randomUUID(),
			post: other,
			body: 'Bij mij ook.',
			anonymous: false
		});
		expect(answer.error).toBeNull();
		for (const target of [
			{ post: postId, comment: null },
			{ post: null, comment: answer.data }
		]) {
			const reacted = await member.client.rpc('add_reaction', {
				client_id: randomUUID(),
				...target,
				kind: 'support'
			});
			expect(reacted.error).toBeNull();
		}
		for (const [fn, args] of [
			['hide_post', { post: postId }],
			['hide_comment', { comment: answer.data }]
		] as const) {
			const hidden = await moderator.client.rpc(fn, { ...args, reason: 'Niet oké.' });
			expect(hidden.error).toBeNull();
		}
		const read = async (client: typeof member.client) => {
			const { data, error } = await client
				.from('reactions')
				.select('post_id, comment_id')
				.or(`post_id.eq.${postId},comment_id.eq.${answer.data}`);
			expect(error).toBeNull();
			return data?.length;
		};
		expect(await read(member.client)).toBe(0);
		expect(await read(author.client)).toBe(2);
		expect(await read(moderator.client)).toBe(2);
	});

	test("no moderator dismisses the reports about another moderator's post", async () => {
		const group = await makeGroup();
		const friend = await joinedModerator(group.id, 'Vriend');
		const reported = await joinedModerator(group.id, 'Gemeld');
		const member = await joinedMember(group.id, 'Lid');
		const postId = await post(reported, group.id);
		const sent = await member.client.rpc('create_report', {
			client_id: randomUUID(),
			reason: 'disrespectful',
			post: postId
		});
		expect(sent.error).toBeNull();
		const dismissed = await friend.client.rpc('dismiss_reports', {
			target_group: group.id,
			reason: 'Niets aan de hand.',
			post: postId
		});
		expect(dismissed.error?.message).toBe('not_allowed');
		const { rows } = await db().query(
			'select count(*)::int as open from public.reports where post_id = $1 and resolved_at is null',
			[postId]
		);
		expect(rows[0].open).toBe(1);
	});

	test('a moderator made member again is told, and the other moderators read it in the log', async () => {
		const group = await makeGroup();
		const acting = await joinedModerator(group.id, 'Begeleider');
		const other = await joinedModerator(group.id, 'Collega');
		const third = await joinedModerator(group.id, 'Derde');
		const otherId = await membershipId(group.id, other.id);
		const demoted = await acting.client.rpc('set_member_role', {
			member: otherId,
			new_role: 'member'
		});
		expect(demoted.error).toBeNull();
		// Then a mute: the demotion that allowed it is in the log before it.
		const muted = await acting.client.rpc('mute_member', {
			member: otherId,
			days: 1,
			reason: 'Even rust.'
		});
		expect(muted.error).toBeNull();

		const log = await third.client.rpc('page_moderation_log', { target_group: group.id });
		expect(log.error).toBeNull();
		const entries = (
			log.data as { entries: { action: string; reason: string; moderator: string }[] }
		).entries;
		expect(entries.map((entry) => entry.action)).toEqual(['mute', 'role_change']);
		expect(entries[1]).toMatchObject({ moderator: 'Begeleider', reason: 'Nieuwe rol: lid.' });

		const mine = await other.client.rpc('page_my_moderation');
		expect(mine.error).toBeNull();
		const actions = (mine.data as { actions: { action: string; reason: string }[] }).actions;
		expect(actions.map((action) => action.action)).toEqual(['mute', 'role_change']);
		expect(JSON.stringify(mine.data)).not.toContain('Begeleider');
	});

	test('a muted host makes or changes no meetup, through any call; cancelling still works', async () => {
		const group = await makeGroup();
		const moderator = await joinedModerator(group.id, 'Begeleider');
		const host = await joinedMember(group.id, 'Gastvrouw');
		const hostId = await membershipId(group.id, host.id);
		const promoted = await moderator.client.rpc('set_member_role', {
			member: hostId,
			new_role: 'host'
		});
		expect(promoted.error).toBeNull();
		const startsAt = new Date(Date.now() + 7 * 86_400_000);
		const fields = {
			target_group: group.id,
			title: 'Wandeling',
			description: 'Samen wandelen.',
			starts_at: startsAt.toISOString(),
			ends_at: new Date(startsAt.getTime() + 7_200_000).toISOString(),
			place: 'Citadelpark',
			online_url: null,
			cost: null,
			childcare: false,
			transport_help: false,
			wheelchair_access: true,
			languages: ['nl'],
			open_to: 'group' as const,
			capacity: null
		};
		const before = await host.client.rpc('create_meetup', { client_id: randomUUID(), ...fields });
		expect(before.error).toBeNull();
		const muted = await moderator.client.rpc('mute_member', {
			member: hostId,
			days: 7,
			reason: 'Even rust.'
		});
		expect(muted.error).toBeNull();

		const made = await host.client.rpc('create_meetup', { client_id: randomUUID(), ...fields });
		expect(made.error?.message).toBe('member_muted');
		const series = await host.client.rpc('create_meetup_series', {
			client_id: randomUUID(),
			...fields,
			repeat: 'weekly',
			repeat_until: new Date(startsAt.getTime() + 30 * 86_400_000).toISOString().slice(0, 10)
		});
		expect(series.error?.message).toBe('member_muted');
		const { target_group: _group, ...changes } = fields;
		void _group;
		const changed = await host.client.rpc('update_meetup', {
			meetup: before.data as string,
			...changes,
			title: 'Iets anders'
		});
		expect(changed.error?.message).toBe('member_muted');
		const { rows } = await db().query(
			'select count(*)::int as meetups, max(title) as title from public.meetups where group_id = $1',
			[group.id]
		);
		expect(rows[0]).toEqual({ meetups: 1, title: 'Wandeling' });

		const cancelled = await host.client.rpc('cancel_meetup', { meetup: before.data as string });
		expect(cancelled.error).toBeNull();
	});

	test("a 'left out' message to a moderator who is made member is not lost without a word", async () => {
		const group = await makeGroup();
		const acting = await joinedModerator(group.id, 'Begeleider');
		const addressee = await joinedModerator(group.id, 'Vertrouwd');
		const member = await joinedMember(group.id, 'Lid');
		const addresseeId = await membershipId(group.id, addressee.id);
		const sent = await member.client.rpc('send_left_out_message', {
			client_id: randomUUID(),
			target_group: group.id,
			to_moderator: addresseeId,
			body: 'Ik wil het alleen aan jou vertellen.'
		});
		expect(sent.error).toBeNull();
		const threadOf = async () => {
			const { data, error } = await member.client.rpc('page_my_moderation');
			expect(error).toBeNull();
			return (data as { threads: { id: string; addressee_gone: boolean }[] }).threads[0];
		};
		expect(await threadOf()).toMatchObject({ id: sent.data, addressee_gone: false });

		// Another moderator makes the addressee a member: the message must not vanish unseen.
		const demoted = await acting.client.rpc('set_member_role', {
			member: addresseeId,
			new_role: 'member'
		});
		expect(demoted.error).toBeNull();
		expect(await threadOf()).toMatchObject({ id: sent.data, addressee_gone: true });
		// It stays the addressee's: no other moderator reads it.
		const queue = await acting.client.rpc('page_moderation_queue', { target_group: group.id });
		expect(queue.error).toBeNull();
		expect(JSON.stringify(queue.data)).not.toContain('alleen aan jou');
		const thread = await acting.client.rpc('page_moderation_thread', { thread: sent.data });
		expect(thread.data).toBeNull();
	});
});
