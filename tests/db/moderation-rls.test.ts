// Who may read and do what in moderation (issue 10), as written tables: the new tables and the
// hidden rows of old ones, cell by cell for every kind of person, and every moderation function,
// judged by what the database holds afterwards (a write) or what the call gave (a read).
import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import { beforeAll, describe, expect, test } from 'vitest';
import { describeMatrix, withKey, type Target } from '../support/rls-matrix';
import { client, db, signUp, type Person } from '../support/platform';
import { joinedMember, joinedModerator, makeGroup, membershipId, post } from '../support/groups';
import { joinedHost } from '../support/meetups';

type Json = Record<string, unknown>;

const roles = [
	'anonymous',
	'guest',
	'outsider',
	'member',
	'muted',
	'removed',
	'host',
	'author',
	'otherModerator',
	'moderator'
] as const;
type Role = (typeof roles)[number];

// anonymous: no session · guest: a nickname (anonymous) account in no group · outsider: signed in,
// in no group · muted: a member on a break · removed: removed from the group · author: wrote the
// hidden post and answer · otherModerator: moderates another group of the same kind.
// see: the row (or those columns) is read · ok: the write happened · -: nothing read or changed.
const tables = `
table                operation               anonymous guest outsider member muted removed host author otherModerator moderator
reports              select                  -         -     -        -      -     -       -    -      -              -
reports              insert                  -         -     -        -      -     -       -    -      -              -
reports              update                  -         -     -        -      -     -       -    -      -              -
reports              delete                  -         -     -        -      -     -       -    -      -              -
moderation_log       select                  -         -     -        -      -     -       -    -      -              -
moderation_log       insert                  -         -     -        -      -     -       -    -      -              -
moderation_log       update                  -         -     -        -      -     -       -    -      -              -
moderation_log       delete                  -         -     -        -      -     -       -    -      -              -
moderation_threads   select                  -         -     -        -      -     -       -    -      -              -
moderation_threads   insert                  -         -     -        -      -     -       -    -      -              -
moderation_threads   update                  -         -     -        -      -     -       -    -      -              -
moderation_threads   delete                  -         -     -        -      -     -       -    -      -              -
moderation_messages  select                  -         -     -        -      -     -       -    -      -              -
moderation_messages  insert                  -         -     -        -      -     -       -    -      -              -
moderation_messages  update                  -         -     -        -      -     -       -    -      -              -
moderation_messages  delete                  -         -     -        -      -     -       -    -      -              -
posts                select                  -         -     -        -      -     -       -    see    -              see
posts                insert                  -         -     -        -      -     -       -    -      -              -
posts                update                  -         -     -        -      -     -       -    -      -              -
posts                delete                  -         -     -        -      -     -       -    -      -              -
posts                select(hidden_reason)   -         -     -        -      -     -       -    see    -              see
comments             select                  -         -     -        -      -     -       -    see    -              see
comments             insert                  -         -     -        -      -     -       -    -      -              -
comments             update                  -         -     -        -      -     -       -    -      -              -
comments             delete                  -         -     -        -      -     -       -    -      -              -
group_members        select                  -         -     -        see    see   -       see  see    -              see
group_members        insert                  -         -     -        -      -     -       -    -      -              -
group_members        update                  -         -     -        -      -     -       -    -      -              -
group_members        delete                  -         -     -        -      -     -       -    -      -              -
group_members        select(muted_until)     -         -     -        -      -     -       -    -      -              -
group_members        select(refused_at)      -         -     -        -      -     -       -    -      -              -
group_members        select(refused_reason)  -         -     -        -      -     -       -    -      -              -
`;

// The functions. A read is `see` when the call gives group A's item; a write is `ok` when the
// database holds its effect afterwards (the cells run in the order of the roles, the moderator
// last, each on a target of its own).
const functions = `
function                 anonymous guest outsider member muted removed host author otherModerator moderator
create_report            -         -     -        ok     ok    -       ok   -      -              ok
send_left_out_message    -         -     -        ok     ok    -       ok   ok     -              ok
reply_to_moderators      -         -     -        ok     -     -       -    -      -              -
group_moderators         -         -     -        see    see   -       see  see    -              see
page_my_moderation       -         -     -        -      -     -       -    see    -              -
join_request_status      see       see   see      see    see   see     see  see    see            see
app_shell(muted_until)   -         -     -        -      see   -       -    -      -              -
app_shell(queue_count)   -         -     -        -      -     -       -    -      -              see
create_post              -         -     -        ok     -     -       ok   ok     -              ok
create_comment           -         -     -        ok     -     -       ok   ok     -              ok
edit_post                -         -     -        -      -     -       -    -      -              -
page_moderation_queue    -         -     -        -      -     -       -    -      -              see
page_moderation_item     -         -     -        -      -     -       -    -      -              see
page_moderation_log      -         -     -        -      -     -       -    -      -              see
page_moderation_thread   -         -     -        -      -     -       -    -      -              see
dismiss_reports          -         -     -        -      -     -       -    -      -              ok
hide_post                -         -     -        -      -     -       -    -      -              ok
restore_post             -         -     -        -      -     -       -    -      -              ok
hide_comment             -         -     -        -      -     -       -    -      -              ok
restore_comment          -         -     -        -      -     -       -    -      -              ok
mute_member              -         -     -        -      -     -       -    -      -              ok
unmute_member            -         -     -        -      -     -       -    -      -              ok
remove_from_group        -         -     -        -      -     -       -    -      -              ok
message_member           -         -     -        -      -     -       -    -      -              ok
reply_as_moderators      -         -     -        -      -     -       -    -      -              ok
refuse_join_request      -         -     -        -      -     -       -    -      -              ok
decide_join_request      -         -     -        -      -     -       -    -      -              ok
`;

let clients: Record<Role, SupabaseClient>;
let targets: Record<string, Target>;
/** A read: whether the call gives group A's item. */
let sees: Record<string, (sb: SupabaseClient) => Promise<boolean>>;
/** A write: the call, and a count of its effect in the database. */
let does: Record<
	string,
	{ act: (sb: SupabaseClient) => Promise<unknown>; count: () => Promise<number> }
>;

async function count(sql: string, values: unknown[]): Promise<number> {
	const { rows } = await db().query<{ n: number }>(`select (${sql})::int as n`, values);
	return rows[0].n;
}

async function rpc(sb: SupabaseClient, fn: string, args: Json = {}): Promise<unknown> {
	const { data, error } = await sb.rpc(fn, args);
	return error ? null : data;
}

async function anonymousAccount(): Promise<SupabaseClient> {
	const sb = client();
	const { data, error } = await sb.auth.signInAnonymously({
		options: { data: { nickname: 'Gast' } }
	});
	expect(error).toBeNull();
	return client(data.session!.access_token);
}

beforeAll(async () => {
	const groupA = await makeGroup({ joinPolicy: 'request' });
	const groupB = await makeGroup();
	const moderator = await joinedModerator(groupA.id, 'Begeleider');
	const coModerator = await joinedModerator(groupA.id, 'Co');
	const member = await joinedMember(groupA.id, 'Lid');
	const muted = await joinedMember(groupA.id, 'Pauze');
	const removed = await joinedMember(groupA.id, 'Weg');
	const host = await joinedHost(groupA.id, 'Gastvrouw');
	const author = await joinedMember(groupA.id, 'Auteur');
	const otherModerator = await joinedModerator(groupB.id, 'Elders');
	const outsider = await signUp('Buiten');
	const id = (person: Person) => membershipId(groupA.id, person.id);

	const mutedPost = await post(muted, groupA.id, { body: 'Van voor de pauze' });
	await db().query(
		`update public.group_members set muted_until = now() + interval '7 days' where id = $1`,
		[await id(muted)]
	);
	await db().query(`update public.group_members set status = 'removed' where id = $1`, [
		await id(removed)
	]);

	const sql = (text: string, values: unknown[] = []) => db().query(text, values);
	const authorPost = await post(author, groupA.id, { anonymous: true, body: 'Over de buren' });
	const newComment = async (postId: string) => {
		const { data, error } = await author.client.rpc('create_comment', {
			client_id: randomUUID(),
			post: postId,
			body: 'Een antwoord',
			anonymous: false
		});
		expect(error).toBeNull();
		return data as string;
	};
	const hiddenPost = await post(author, groupA.id, { body: 'Verborgen' });
	const hiddenComment = await newComment(authorPost);
	const report = async (item: Json) => {
		const { data, error } = await member.client.rpc('create_report', {
			client_id: randomUUID(),
			reason: 'disrespectful',
			...item
		});
		expect(error).toBeNull();
		return data as string;
	};
	// Reported before it was hidden: a member cannot report what they no longer see.
	const reportId = await report({ post: hiddenPost });
	await sql(`update public.posts set hidden_at = now(), hidden_reason = 'Kwetsend' where id = $1`, [
		hiddenPost
	]);
	await sql(
		`update public.comments set hidden_at = now(), hidden_reason = 'Kwetsend' where id = $1`,
		[hiddenComment]
	);
	// An action about the author, for their own page and the log.
	const loggedPost = await post(author, groupA.id, { body: 'Gelogd' });
	const { data: logEntry } = await moderator.client.rpc('hide_post', {
		post: loggedPost,
		reason: 'Niet voor hier'
	});
	const { data: thread } = await member.client.rpc('send_left_out_message', {
		client_id: randomUUID(),
		target_group: groupA.id
	});
	const { rows: message } = await sql(
		'select id from public.moderation_messages where thread_id = $1',
		[thread]
	);

	// Each write its own target.
	const dismissPost = await post(author, groupA.id, { body: 'Gemeld' });
	await report({ post: dismissPost });
	const hidePost = await post(author, groupA.id, { body: 'Te verbergen' });
	const restorePost = await post(author, groupA.id, { body: 'Terug te zetten' });
	await sql(`update public.posts set hidden_at = now(), hidden_reason = 'x' where id = $1`, [
		restorePost
	]);
	const hideComment = await newComment(authorPost);
	const restoreComment = await newComment(authorPost);
	await sql(`update public.comments set hidden_at = now(), hidden_reason = 'x' where id = $1`, [
		restoreComment
	]);
	const toMute = await id(await joinedMember(groupA.id, 'Te dempen'));
	const toUnmute = await id(await joinedMember(groupA.id, 'Gedempt'));
	await sql(
		`update public.group_members set muted_until = now() + interval '1 day' where id = $1`,
		[toUnmute]
	);
	const toRemove = await id(await joinedMember(groupA.id, 'Te verwijderen'));
	const asking = async (nickname: string) => {
		const person = await signUp(nickname);
		await person.client.rpc('request_to_join', {
			target_group: groupA.id,
			nickname,
			accept_rules: true
		});
		return id(person);
	};
	const toRefuse = await asking('Vraagt');
	const toDecide = await asking('Vraagt ook');
	const { data: replyThread } = await author.client.rpc('send_left_out_message', {
		client_id: randomUUID(),
		target_group: groupA.id,
		body: 'Ik hoor er niet bij.'
	});

	clients = {
		anonymous: client(),
		guest: await anonymousAccount(),
		outsider: outsider.client,
		member: member.client,
		muted: muted.client,
		removed: removed.client,
		host: host.client,
		author: author.client,
		otherModerator: otherModerator.client,
		moderator: moderator.client
	};
	void coModerator;

	const newId = (column = 'id') => [column, randomUUID()] as [string, string];
	targets = {
		reports: {
			key: { id: reportId },
			insert: () =>
				withKey(newId(), {
					group_id: groupA.id,
					reporter_id: outsider.id,
					post_id: authorPost,
					reason: 'spam',
					client_id: randomUUID()
				}),
			update: { resolved_at: new Date().toISOString() }
		},
		moderation_log: {
			key: { id: logEntry as string },
			insert: () =>
				withKey(newId(), {
					group_id: groupA.id,
					action: 'hide',
					reason: 'Nep',
					post_id: authorPost
				}),
			update: { reason: 'Herschreven' }
		},
		moderation_threads: {
			key: { id: thread as string },
			insert: () =>
				withKey(newId(), {
					group_id: groupA.id,
					member_id: toMute,
					kind: 'from_moderators',
					to_all: true
				}),
			update: { to_all: false, to_moderator: await id(moderator) }
		},
		moderation_messages: {
			key: { id: message[0].id },
			insert: () =>
				withKey(newId(), {
					thread_id: thread,
					from_moderators: true,
					body: 'Nep',
					client_id: randomUUID()
				}),
			update: { body: 'Herschreven' }
		},
		posts: {
			key: { id: hiddenPost },
			columns: 'id, body',
			insert: () =>
				withKey(newId(), {
					group_id: groupA.id,
					kind: 'tip',
					body: 'Ingebroken',
					anonymous: true,
					hidden_at: null
				}),
			update: { hidden_at: null, hidden_reason: null }
		},
		comments: {
			key: { id: hiddenComment },
			columns: 'id, body',
			insert: () =>
				withKey(newId(), {
					post_id: authorPost,
					group_id: groupA.id,
					body: 'Ingebroken',
					anonymous: true
				}),
			update: { hidden_at: null, hidden_reason: null }
		},
		group_members: {
			key: { id: await id(muted) },
			columns: 'id, nickname, role',
			insert: () =>
				withKey(newId(), {
					group_id: groupA.id,
					user_id: outsider.id,
					nickname: 'Binnen',
					status: 'active'
				}),
			update: { muted_until: null }
		}
	};

	const isIn = (data: unknown, value: unknown) =>
		data !== null && JSON.stringify(data).includes(String(value));
	sees = {
		group_moderators: async (sb) =>
			isIn(await rpc(sb, 'group_moderators', { target_group: groupA.id }), await id(coModerator)),
		page_my_moderation: async (sb) => isIn(await rpc(sb, 'page_my_moderation'), logEntry),
		join_request_status: async (sb) =>
			isIn(await rpc(sb, 'join_request_status', { target_group: groupA.id }), groupA.id),
		'app_shell(muted_until)': async (sb) => {
			const shell = (await rpc(sb, 'app_shell', { target_group: groupA.id })) as Json | null;
			return ((shell?.group as Json | null)?.me as Json | undefined)?.muted_until != null;
		},
		'app_shell(queue_count)': async (sb) => {
			const shell = (await rpc(sb, 'app_shell', { target_group: groupA.id })) as Json | null;
			return (shell?.group as Json | null)?.queue_count != null;
		},
		page_moderation_queue: async (sb) =>
			isIn(await rpc(sb, 'page_moderation_queue', { target_group: groupA.id }), hiddenPost),
		page_moderation_item: async (sb) =>
			isIn(
				await rpc(sb, 'page_moderation_item', { target_group: groupA.id, post: hiddenPost }),
				hiddenPost
			),
		page_moderation_log: async (sb) =>
			isIn(await rpc(sb, 'page_moderation_log', { target_group: groupA.id }), logEntry),
		page_moderation_thread: async (sb) =>
			isIn(await rpc(sb, 'page_moderation_thread', { thread }), thread)
	};

	const reason = 'Een reden';
	does = {
		create_report: {
			act: (sb) =>
				rpc(sb, 'create_report', { client_id: randomUUID(), reason: 'other', post: authorPost }),
			count: () => count('select count(*) from public.reports where post_id = $1', [authorPost])
		},
		send_left_out_message: {
			act: (sb) =>
				rpc(sb, 'send_left_out_message', { client_id: randomUUID(), target_group: groupA.id }),
			// Judged by messages: a member's waiting thread takes their next words (no new thread).
			count: () =>
				count(
					`select count(*) from public.moderation_messages msg
					join public.moderation_threads t on t.id = msg.thread_id where t.group_id = $1`,
					[groupA.id]
				)
		},
		reply_to_moderators: {
			act: (sb) =>
				rpc(sb, 'reply_to_moderators', { client_id: randomUUID(), thread, body: 'En nu?' }),
			count: () =>
				count('select count(*) from public.moderation_messages where thread_id = $1', [thread])
		},
		create_post: {
			act: (sb) =>
				rpc(sb, 'create_post', {
					client_id: randomUUID(),
					target_group: groupA.id,
					kind: 'tip',
					body: 'Een tip',
					anonymous: false
				}),
			count: () => count('select count(*) from public.posts where group_id = $1', [groupA.id])
		},
		create_comment: {
			act: (sb) =>
				rpc(sb, 'create_comment', {
					client_id: randomUUID(),
					post: authorPost,
					body: 'Ook zo',
					anonymous: false
				}),
			count: () => count('select count(*) from public.comments where post_id = $1', [authorPost])
		},
		// The muted member's own post: not even they edit it during the break.
		edit_post: {
			act: (sb) => rpc(sb, 'edit_post', { post: mutedPost, kind: 'tip', body: 'Anders' }),
			count: () =>
				count('select count(*) from public.posts where id = $1 and edited_at is not null', [
					mutedPost
				])
		},
		dismiss_reports: {
			act: (sb) =>
				rpc(sb, 'dismiss_reports', { target_group: groupA.id, reason, post: dismissPost }),
			count: () =>
				count(
					'select count(*) from public.reports where post_id = $1 and resolved_at is not null',
					[dismissPost]
				)
		},
		hide_post: {
			act: (sb) => rpc(sb, 'hide_post', { post: hidePost, reason }),
			count: () =>
				count('select count(*) from public.posts where id = $1 and hidden_at is not null', [
					hidePost
				])
		},
		restore_post: {
			act: (sb) => rpc(sb, 'restore_post', { post: restorePost, reason }),
			count: () =>
				count('select count(*) from public.posts where id = $1 and hidden_at is null', [
					restorePost
				])
		},
		hide_comment: {
			act: (sb) => rpc(sb, 'hide_comment', { comment: hideComment, reason }),
			count: () =>
				count('select count(*) from public.comments where id = $1 and hidden_at is not null', [
					hideComment
				])
		},
		restore_comment: {
			act: (sb) => rpc(sb, 'restore_comment', { comment: restoreComment, reason }),
			count: () =>
				count('select count(*) from public.comments where id = $1 and hidden_at is null', [
					restoreComment
				])
		},
		mute_member: {
			act: (sb) => rpc(sb, 'mute_member', { member: toMute, days: 1, reason }),
			count: () =>
				count('select count(*) from public.group_members where id = $1 and muted_until > now()', [
					toMute
				])
		},
		unmute_member: {
			act: (sb) => rpc(sb, 'unmute_member', { member: toUnmute, reason }),
			count: () =>
				count('select count(*) from public.group_members where id = $1 and muted_until is null', [
					toUnmute
				])
		},
		remove_from_group: {
			act: (sb) => rpc(sb, 'remove_from_group', { member: toRemove, reason }),
			count: () =>
				count(`select count(*) from public.group_members where id = $1 and status = 'removed'`, [
					toRemove
				])
		},
		message_member: {
			act: (sb) =>
				rpc(sb, 'message_member', {
					client_id: randomUUID(),
					member: toMute,
					body: 'Mogen we even praten?'
				}),
			count: () =>
				count('select count(*) from public.moderation_threads where member_id = $1', [toMute])
		},
		reply_as_moderators: {
			act: (sb) =>
				rpc(sb, 'reply_as_moderators', {
					client_id: randomUUID(),
					thread: replyThread,
					body: 'Dank je'
				}),
			count: () =>
				count(
					'select count(*) from public.moderation_messages where thread_id = $1 and from_moderators',
					[replyThread]
				)
		},
		refuse_join_request: {
			act: (sb) => rpc(sb, 'refuse_join_request', { member: toRefuse, reason }),
			count: () =>
				count(`select count(*) from public.group_members where id = $1 and status = 'refused'`, [
					toRefuse
				])
		},
		decide_join_request: {
			act: (sb) => rpc(sb, 'decide_join_request', { member: toDecide, approve: false }),
			count: () =>
				count(`select count(*) from public.group_members where id = $1 and status = 'refused'`, [
					toDecide
				])
		}
	};
});

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
