// Who may read and write what, table by table: every table × every kind of person × every
// operation, with the expected outcome of each cell written down below. A write is judged by
// what the database holds afterwards, not by the error it returned.
import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import { describeMatrix, withKey, type Target } from '../support/rls-matrix';
import { beforeAll } from 'vitest';
import { client, db, signUp } from '../support/platform';
import {
	joinedMember,
	joinedModerator,
	makeGroup,
	makeInvite,
	membershipId,
	post
} from '../support/groups';

const roles = [
	'anonymous',
	'outsider',
	'pending',
	'member',
	'removed',
	'otherModerator',
	'moderator'
] as const;
type Role = (typeof roles)[number];

// see: the row of group A is visible · ok: the write happened · -: nothing visible / nothing changed
// select(columns): whether those columns of the row are read. Members learn each other's nickname
// and role; no one reads another person's user id (the same in every group, it links one
// person's nicknames across groups) or when they joined (it can be lined up with an anonymous
// post); reactions are counted, not named.
const matrix = `
table           operation          anonymous outsider pending member removed otherModerator moderator
organisations   select             see       see      see     see    see     see            see
organisations   insert             -         -        -       -      -       -              -
organisations   update             -         -        -       -      -       -              -
organisations   delete             -         -        -       -      -       -              -
groups          select             -         -        -       see    -       -              see
groups          insert             -         -        -       -      -       -              -
groups          update             -         -        -       -      -       -              -
groups          delete             -         -        -       -      -       -              -
group_members   select             -         -        -       see    -       -              see
group_members   insert             -         -        -       -      -       -              -
group_members   update             -         -        -       -      -       -              -
group_members   delete             -         -        -       -      -       -              -
group_members   select(user_id)    -         -        -       -      -       -              -
group_members   select(joined_at)  -         -        -       -      -       -              -
group_members   select(created_at) -         -        -       -      -       -              -
invites         select             -         -        -       -      -       -              see
invites         insert             -         -        -       -      -       -              -
invites         update             -         -        -       -      -       -              -
invites         delete             -         -        -       -      -       -              -
invites         select(created_by) -         -        -       -      -       -              -
posts           select             -         -        -       see    -       -              see
posts           insert             -         -        -       -      -       -              -
posts           update             -         -        -       -      -       -              -
posts           delete             -         -        -       -      -       -              -
posts           select(author_id)  -         -        -       -      -       -              -
post_authors    select             -         -        -       -      -       -              see
post_authors    insert             -         -        -       -      -       -              -
post_authors    update             -         -        -       -      -       -              -
post_authors    delete             -         -        -       -      -       -              -
post_authors    select(author_id)  -         -        -       -      -       -              -
comments        select             -         -        -       see    -       -              see
comments        insert             -         -        -       -      -       -              -
comments        update             -         -        -       -      -       -              -
comments        delete             -         -        -       -      -       -              -
comments        select(author_id)  -         -        -       -      -       -              -
comment_authors select             -         -        -       -      -       -              see
comment_authors insert             -         -        -       -      -       -              -
comment_authors update             -         -        -       -      -       -              -
comment_authors delete             -         -        -       -      -       -              -
comment_authors select(author_id)  -         -        -       -      -       -              -
reactions       select             -         -        -       see    -       -              see
reactions       insert             -         -        -       -      -       -              -
reactions       update             -         -        -       -      -       -              -
reactions       delete             -         -        -       -      -       -              -
reactions       select(user_id)    -         -        -       -      -       -              -
profiles        select             -         -        -       -      -       -              -
profiles        insert             -         -        -       -      -       -              -
profiles        update             -         -        -       -      -       -              -
profiles        delete             -         -        -       -      -       -              -
`;

let clients: Record<Role, SupabaseClient>;
let targets: Record<string, Target>;

beforeAll(async () => {
	const groupA = await makeGroup({ joinPolicy: 'request' });
	const groupB = await makeGroup();
	const moderator = await joinedModerator(groupA.id, 'Moderator');
	const member = await joinedMember(groupA.id, 'Member');
	const author = await joinedMember(groupA.id, 'Author');
	const removed = await joinedMember(groupA.id, 'Removed');
	await moderator.client.rpc('remove_member', {
		member: await membershipId(groupA.id, removed.id)
	});
	const pending = await signUp('Pending');
	await pending.client.rpc('request_to_join', {
		target_group: groupA.id,
		nickname: 'Pending',
		accept_rules: true
	});
	const outsider = await signUp('Outsider');
	const otherModerator = await joinedModerator(groupB.id, 'Other moderator');

	const postId = await post(author, groupA.id, { anonymous: true });
	const { data: commentId } = await author.client.rpc('create_comment', {
		client_id: randomUUID(),
		post: postId,
		body: 'Bij mij ook.',
		anonymous: true
	});
	await author.client.rpc('add_reaction', {
		client_id: randomUUID(),
		post: postId,
		comment: null,
		kind: 'recognise'
	});
	const { rows: reaction } = await db().query(
		'select id from public.reactions where post_id = $1',
		[postId]
	);
	await makeInvite(groupA.id);
	const { rows: invite } = await db().query(
		'select id from public.invites where group_id = $1 limit 1',
		[groupA.id]
	);
	const authorMembership = await membershipId(groupA.id, author.id);

	clients = {
		anonymous: client(),
		outsider: outsider.client,
		pending: pending.client,
		member: member.client,
		removed: removed.client,
		otherModerator: otherModerator.client,
		moderator: moderator.client
	};
	const newId = (column = 'id') => [column, randomUUID()] as [string, string];
	targets = {
		organisations: {
			key: { id: groupA.organisationId },
			insert: () => withKey(newId(), { name: 'Nieuw', slug: `n-${randomUUID().slice(0, 8)}` }),
			update: { name: 'Overgenomen' }
		},
		groups: {
			key: { id: groupA.id },
			insert: () =>
				withKey(newId(), {
					organisation_id: groupA.organisationId,
					name: 'Nieuw',
					slug: `n-${randomUUID().slice(0, 8)}`
				}),
			update: { name: 'Overgenomen' }
		},
		group_members: {
			key: { id: authorMembership },
			// Members may select only some columns of group_members (not last_seen_at).
			columns: 'id, nickname, role, without_phone',
			insert: () =>
				withKey(newId(), {
					group_id: groupA.id,
					user_id: outsider.id,
					nickname: 'Binnen',
					status: 'active'
				}),
			update: { role: 'moderator' }
		},
		invites: {
			key: { id: invite[0].id },
			columns: 'id, code',
			insert: () => withKey(newId(), { group_id: groupA.id, max_uses: 1000 }),
			update: { max_uses: 999 }
		},
		posts: {
			key: { id: postId },
			columns: 'id, body',
			insert: () =>
				withKey(newId(), {
					group_id: groupA.id,
					kind: 'tip',
					body: 'Ingebroken',
					anonymous: false,
					author_id: outsider.id
				}),
			update: { body: 'Overschreven' }
		},
		post_authors: {
			key: { post_id: postId },
			columns: 'post_id',
			insert: () => withKey(newId('client_id'), { post_id: postId, author_id: outsider.id }),
			update: { author_id: outsider.id }
		},
		comments: {
			key: { id: commentId as string },
			columns: 'id, body',
			insert: () =>
				withKey(newId(), {
					post_id: postId,
					group_id: groupA.id,
					body: 'Ingebroken',
					anonymous: false,
					author_id: outsider.id
				}),
			update: { body: 'Overschreven' }
		},
		comment_authors: {
			key: { comment_id: commentId as string },
			columns: 'comment_id',
			insert: () => withKey(newId('client_id'), { comment_id: commentId, author_id: outsider.id }),
			update: { author_id: outsider.id }
		},
		reactions: {
			key: { id: reaction[0].id },
			columns: 'id, kind',
			insert: () =>
				withKey(newId('client_id'), {
					group_id: groupA.id,
					post_id: postId,
					user_id: outsider.id,
					kind: 'thanks'
				}),
			update: { kind: 'thanks' }
		},
		profiles: {
			key: { id: author.id },
			insert: () => withKey(newId(), { display_name: 'Nep' }),
			update: { display_name: 'Overgenomen' }
		}
	};
});

describeMatrix(matrix, roles, () => ({ clients, targets }));
