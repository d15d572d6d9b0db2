// Who may read and write notifications and calendar feeds: every table × every kind of person ×
// every operation, written down as in rls-matrix.test.ts. The rows under test belong to `owner`.
// Both tables are written only by the database (triggers, create_calendar_feed()); marking read
// goes through mark_notifications_read() (notifications.test.ts), so even the owner writes
// nothing directly.
import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import { beforeAll, expect } from 'vitest';
import { describeMatrix, withKey, type Target } from '../support/rls-matrix';
import { client, db, signUp } from '../support/platform';
import { joinedMember, joinedModerator, makeGroup, membershipId } from '../support/groups';
import { joinedHost } from '../support/meetups';

const roles = [
	'anonymous',
	'outsider',
	'member',
	'removed',
	'otherModerator',
	'host',
	'moderator',
	'owner'
] as const;
type Role = (typeof roles)[number];

// see: the owner's row is visible · ok: the write happened · -: nothing visible / nothing changed
const matrix = `
table           operation           anonymous outsider member removed otherModerator host moderator owner
notifications   select              -         -        -      -       -              -    -         see
notifications   select(person_id)   -         -        -      -       -              -    -         -
notifications   select(actor_id)    -         -        -      -       -              -    -         -
notifications   insert              -         -        -      -       -              -    -         -
notifications   update              -         -        -      -       -              -    -         -
notifications   delete              -         -        -      -       -              -    -         -
calendar_feeds  select              -         -        -      -       -              -    -         see
calendar_feeds  insert              -         -        -      -       -              -    -         -
calendar_feeds  update              -         -        -      -       -              -    -         -
calendar_feeds  delete              -         -        -      -       -              -    -         -
`;

let clients: Record<Role, SupabaseClient>;
let targets: Record<string, Target>;

beforeAll(async () => {
	const group = await makeGroup();
	const moderator = await joinedModerator(group.id, 'Moderator');
	const owner = await joinedMember(group.id, 'Eigenaar');
	const member = await joinedMember(group.id, 'Lid');
	const removed = await joinedMember(group.id, 'Weg');
	const host = await joinedHost(group.id, 'Gastvrouw');
	const otherModerator = await joinedModerator((await makeGroup()).id, 'Andere moderator');
	const outsider = await signUp('Buitenstaander');
	const spare = await signUp('Nog geen link');

	const starts = Date.now() + 7 * 86_400_000;
	const fields = {
		title: 'Praatgroep',
		description: '',
		starts_at: new Date(starts).toISOString(),
		ends_at: new Date(starts + 7_200_000).toISOString(),
		place: 'Buurthuis',
		online_url: null,
		cost: null,
		childcare: false,
		transport_help: false,
		wheelchair_access: false,
		languages: ['nl'],
		open_to: 'group',
		capacity: null
	};
	const { data: meetup, error } = await moderator.client.rpc('create_meetup', {
		client_id: randomUUID(),
		target_group: group.id,
		...fields
	});
	expect(error).toBeNull();
	for (const person of [owner, member, removed]) {
		await person.client.rpc('rsvp', {
			client_id: randomUUID(),
			meetup,
			status: 'going',
			childcare_children: 0,
			transport_help: false,
			cost_is_a_problem: false,
			note: ''
		});
	}
	await moderator.client.rpc('update_meetup', { meetup, ...fields, place: 'Bibliotheek' });
	await moderator.client.rpc('remove_member', {
		member: await membershipId(group.id, removed.id)
	});
	const { rows } = await db().query<{ id: string }>(
		'select id from public.notifications where meetup_id = $1 and user_id = $2',
		[meetup, owner.id]
	);
	expect(rows).toHaveLength(1);
	expect((await owner.client.rpc('create_calendar_feed')).error).toBeNull();

	clients = {
		anonymous: client(),
		outsider: outsider.client,
		member: member.client,
		removed: removed.client,
		otherModerator: otherModerator.client,
		host: host.client,
		moderator: moderator.client,
		owner: owner.client
	};
	targets = {
		notifications: {
			key: { id: rows[0].id },
			// Whom a notification is about and who acted stay inside: members read names on the list.
			columns: 'id, user_id, kind, meetup_id, group_id, created_at, read_at',
			insert: () =>
				withKey(['id', randomUUID()], { user_id: owner.id, kind: 'promoted', meetup_id: meetup }),
			update: { read_at: new Date().toISOString() }
		},
		calendar_feeds: {
			key: { user_id: owner.id },
			// The secret is never readable, not even by its owner.
			columns: 'user_id, created_at',
			insert: () =>
				withKey(['user_id', spare.id], {
					token_hash: '\\x' + '00'.repeat(32)
				}),
			update: { created_at: '2020-01-01T00:00:00Z' }
		}
	};
});

describeMatrix(matrix, roles, () => ({ clients, targets }));
