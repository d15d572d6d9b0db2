// Who may read and write the meetup tables: every table × every kind of person × every
// operation, written down as in rls-matrix.test.ts. A write is judged by what the database holds
// afterwards, not by the error it returned. The group's meetup here is open to the group only;
// meetups.test.ts covers those open to the organisation and the public.
import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import { describeMatrix, withKey, type Target } from '../support/rls-matrix';
import { beforeAll, describe, expect } from 'vitest';
import { client, db, signUp } from '../support/platform';
import { joinedMember, joinedModerator, makeGroup, membershipId } from '../support/groups';

const roles = [
	'anonymous',
	'outsider',
	'self',
	'member',
	'removed',
	'otherModerator',
	'host',
	'moderator'
] as const;
type Role = (typeof roles)[number];

// see: the row of group A is visible · ok: the write happened · -: nothing visible / nothing changed
// The rsvp and attendance rows are self's: needs are for that person, hosts and moderators only,
// and even the person changes their answer only through rsvp(). select(columns): whether those
// columns are read; who made a meetup or checked someone in is a user id, which links one
// person's names across groups, so no one reads it.
const matrix = `
table         operation             anonymous outsider self member removed otherModerator host moderator
meetups       select                -         -        see  see    -       -              see  see
meetups       insert                -         -        -    -      -       -              -    -
meetups       update                -         -        -    -      -       -              -    -
meetups       delete                -         -        -    -      -       -              -    -
meetups       select(created_by)    -         -        -    -      -       -              -    -
meetups       select(client_id)     -         -        -    -      -       -              -    -
rsvps         select                -         -        see  -      -       -              see  see
rsvps         insert                -         -        -    -      -       -              -    -
rsvps         update                -         -        -    -      -       -              -    -
rsvps         delete                -         -        -    -      -       -              -    -
attendance    select                -         -        see  -      -       -              see  see
attendance    insert                -         -        -    -      -       -              -    -
attendance    update                -         -        -    -      -       -              -    -
attendance    delete                -         -        -    -      -       -              -    -
attendance    select(checked_in_by) -         -        -    -      -       -              -    -
meetup_series select                -         -        see  see    -       -              see  see
meetup_series insert                -         -        -    -      -       -              -    -
meetup_series update                -         -        -    -      -       -              -    -
meetup_series delete                -         -        -    -      -       -              -    -
meetup_series select(created_by)    -         -        -    -      -       -              -    -
`;

// A meetup open to the public is read by everyone, signed out too; no one reads which group made
// it (its id) from the table, nor who made it or with which request: meetup_cards() tells the
// group to the people of its organisation only (public-meetup-group.test.ts).
const publicMatrix = `
table   operation          anonymous outsider self member removed otherModerator host moderator
meetups select             see       see      see  see    see     see            see  see
meetups insert             -         -        -    -      -       -              -    -
meetups update             -         -        -    -      -       -              -    -
meetups delete             -         -        -    -      -       -              -    -
meetups select(group_id)   -         -        -    -      -       -              -    -
meetups select(created_by) -         -        -    -      -       -              -    -
meetups select(client_id)  -         -        -    -      -       -              -    -
`;

let clients: Record<Role, SupabaseClient>;
let targets: Record<string, Target>;
let publicTargets: Record<string, Target>;

beforeAll(async () => {
	const groupA = await makeGroup();
	const groupB = await makeGroup();
	const moderator = await joinedModerator(groupA.id, 'Moderator');
	const host = await joinedMember(groupA.id, 'Host');
	await db().query(
		`update public.group_members set role = 'host' where group_id = $1 and user_id = $2`,
		[groupA.id, host.id]
	);
	const member = await joinedMember(groupA.id, 'Member');
	const attendee = await joinedMember(groupA.id, 'Attendee');
	const removed = await joinedMember(groupA.id, 'Removed');
	const outsider = await signUp('Outsider');
	const otherModerator = await joinedModerator(groupB.id, 'Other moderator');

	const starts = Date.now() + 7 * 86_400_000;
	const meetupFields = {
		title: 'Soep en babbel',
		description: '',
		starts_at: new Date(starts).toISOString(),
		ends_at: new Date(starts + 7_200_000).toISOString(),
		place: 'Buurthuis',
		online_url: null,
		cost: null,
		childcare: true,
		transport_help: true,
		wheelchair_access: false,
		languages: ['nl'],
		open_to: 'group',
		capacity: 12
	};
	const { data: meetupId, error } = await host.client.rpc('create_meetup', {
		client_id: randomUUID(),
		target_group: groupA.id,
		...meetupFields
	});
	expect(error).toBeNull();
	const { data: publicMeetup, error: publicError } = await host.client.rpc('create_meetup', {
		client_id: randomUUID(),
		target_group: groupA.id,
		...meetupFields,
		open_to: 'public'
	});
	expect(publicError).toBeNull();
	const { data: firstOfSeries, error: seriesError } = await host.client.rpc(
		'create_meetup_series',
		{
			client_id: randomUUID(),
			target_group: groupA.id,
			...meetupFields,
			repeat: 'weekly',
			repeat_until: new Date(starts + 21 * 86_400_000).toISOString().slice(0, 10)
		}
	);
	expect(seriesError).toBeNull();
	const { rows: series } = await db().query('select series_id from public.meetups where id = $1', [
		firstOfSeries
	]);
	await attendee.client.rpc('rsvp', {
		client_id: randomUUID(),
		meetup: meetupId,
		status: 'going',
		childcare_children: 1,
		transport_help: true,
		cost_is_a_problem: true,
		note: 'Mijn zoon komt mee.'
	});
	// The removed person had answered too, before they were removed.
	await removed.client.rpc('rsvp', {
		client_id: randomUUID(),
		meetup: meetupId,
		status: 'maybe',
		childcare_children: 0,
		transport_help: false,
		cost_is_a_problem: false,
		note: ''
	});
	await moderator.client.rpc('remove_member', {
		member: await membershipId(groupA.id, removed.id)
	});
	const attendeeMembership = await membershipId(groupA.id, attendee.id);
	await host.client.rpc('check_in', { meetup: meetupId, member: attendeeMembership });
	const memberMembership = await membershipId(groupA.id, member.id);
	const { rows: rsvp } = await db().query(
		'select id from public.rsvps where meetup_id = $1 and member_id = $2',
		[meetupId, attendeeMembership]
	);
	const { rows: attendance } = await db().query(
		'select id from public.attendance where meetup_id = $1',
		[meetupId]
	);

	clients = {
		anonymous: client(),
		outsider: outsider.client,
		self: attendee.client,
		member: member.client,
		removed: removed.client,
		otherModerator: otherModerator.client,
		host: host.client,
		moderator: moderator.client
	};
	const newId = (column = 'id') => [column, randomUUID()] as [string, string];
	targets = {
		meetups: {
			key: { id: meetupId as string },
			columns: 'id, title',
			insert: () =>
				withKey(newId(), {
					group_id: groupA.id,
					title: 'Ingebroken',
					starts_at: meetupFields.starts_at,
					ends_at: meetupFields.ends_at,
					place: 'Ergens'
				}),
			update: { title: 'Overgenomen' }
		},
		rsvps: {
			key: { id: rsvp[0].id },
			insert: () =>
				withKey(newId(), {
					meetup_id: meetupId,
					member_id: memberMembership,
					status: 'going',
					client_id: randomUUID()
				}),
			update: { status: 'not_going' }
		},
		attendance: {
			key: { id: attendance[0].id },
			columns: 'id, member_id',
			insert: () => withKey(newId(), { meetup_id: meetupId, member_id: memberMembership }),
			update: { walk_in: true }
		},
		meetup_series: {
			key: { id: series[0].series_id },
			columns: 'id, repeat',
			insert: () =>
				withKey(newId(), {
					group_id: groupA.id,
					repeat: 'weekly',
					first_on: '2027-01-05',
					repeat_until: '2027-02-02'
				}),
			update: { repeat_until: '2027-12-28' }
		}
	};
	publicTargets = { meetups: { ...targets.meetups, key: { id: publicMeetup as string } } };
});

describeMatrix(matrix, roles, () => ({ clients, targets }));
describe('a public meetup', () => {
	describeMatrix(publicMatrix, roles, () => ({ clients, targets: publicTargets }));
});
