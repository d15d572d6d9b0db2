// Archiving a group closes it: what was still to come is called off with the usual notice, its
// invite links stop, nothing new is written into any of its tables, and calendar feeds drop it.
// Also: outside a group, a meetup's counts of people show only from 5.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, test } from 'vitest';
import { client, db, signUp, type Person } from '../support/platform';
import { registerOrganisation } from '../support/organisations';
import { joinedMember, makeInvite, membershipId, post } from '../support/groups';
import { createMeetup, rsvp } from '../support/meetups';

async function makeGroup(admin: Person, organisation: string, slug = 'praatcafe') {
	const { data, error } = await admin.client.rpc('create_group', {
		client_id: randomUUID(),
		organisation,
		name: 'Praatcafé',
		slug,
		description: '',
		rules: 'We luisteren naar elkaar.',
		join_policy: 'request',
		language: 'nl',
		nickname: 'Begeleider'
	});
	expect(error).toBeNull();
	return data as string;
}

const statusOf = async (meetup: string) =>
	(await db().query('select status from public.meetups where id = $1', [meetup])).rows[0].status;

async function feed(token: string) {
	const { data, error } = await client().rpc('calendar_feed', { token });
	expect(error).toBeNull();
	return (data as { id: string }[]).map((row) => row.id).sort();
}

describe('archiving a group', () => {
	let admin: Person;
	let member: Person;
	let other: Person;
	let group: string;
	let upcoming: string;
	let underway: string;
	let inviteCode: string;
	let postId: string;
	let feedToken: string;

	beforeAll(async () => {
		admin = await signUp('Beheerder');
		group = await makeGroup(admin, await registerOrganisation(admin));
		member = await joinedMember(group, 'Lid');
		other = await joinedMember(group, 'Ander');
		upcoming = await createMeetup(admin, group);
		underway = await createMeetup(admin, group);
		for (const meetup of [upcoming, underway]) {
			expect((await rsvp(member, meetup, 'going')).error).toBeNull();
		}
		// Answers close when a meetup begins: this one began after the member answered.
		await db().query(
			`update public.meetups set starts_at = now() - interval '1 hour',
				ends_at = now() + interval '1 hour' where id = $1`,
			[underway]
		);
		const created = await member.client.rpc('create_calendar_feed');
		expect(created.error).toBeNull();
		feedToken = created.data as string;
		expect(await feed(feedToken)).toEqual([upcoming, underway].sort());
		inviteCode = await makeInvite(group);
		postId = await post(member, group);
		expect((await admin.client.rpc('archive_group', { target_group: group })).error).toBeNull();
	});

	test('its meetups still to come are cancelled, and who comes gets the usual notice', async () => {
		expect(await statusOf(upcoming)).toBe('cancelled');
		expect(await statusOf(underway)).toBe('scheduled');
		const { data, error } = await member.client.rpc('page_notifications', {});
		expect(error).toBeNull();
		expect(
			(data as { kind: string; meetup_id: string }[]).filter((row) => row.kind === 'cancelled')
		).toEqual([expect.objectContaining({ meetup_id: upcoming })]);
	});

	test('its invite links no longer work', async () => {
		const { rows } = await db().query('select revoked_at from public.invites where code = $1', [
			inviteCode
		]);
		expect(rows[0].revoked_at).not.toBeNull();
		const newcomer = await signUp('Nieuw');
		const { error } = await newcomer.client.rpc('accept_invite', {
			invite_code: inviteCode,
			nickname: 'Nieuw',
			accept_rules: true
		});
		expect(error).not.toBeNull();
	});

	test('calendar feeds no longer list its meetups', async () => {
		expect(await feed(feedToken)).toEqual([]);
	});

	// Each table a group's life is written to, written as directly as the owner of the database
	// could: the trigger holds whatever the path.
	const writes: [string, () => Promise<unknown>][] = [
		[
			'an invite link',
			() => db().query('insert into public.invites (group_id) values ($1)', [group])
		],
		[
			'a check-in',
			async () =>
				db().query('insert into public.attendance (meetup_id, member_id) values ($1, $2)', [
					underway,
					await membershipId(group, member.id)
				])
		],
		[
			'a buddy request',
			async () =>
				db().query(
					`insert into public.buddies (group_id, newcomer_id, buddy_id, client_id)
					values ($1, $2, $3, gen_random_uuid())`,
					[group, await membershipId(group, member.id), await membershipId(group, other.id)]
				)
		],
		[
			'a request to answer',
			async () =>
				db().query(
					`insert into public.answer_requests (post_id, asked_member_id, client_id)
					values ($1, $2, gen_random_uuid())`,
					[postId, await membershipId(group, other.id)]
				)
		],
		[
			'an invitation to a meetup',
			async () =>
				db().query(
					`insert into public.meetup_invitations (meetup_id, member_id, client_id)
					values ($1, $2, gen_random_uuid())`,
					[underway, await membershipId(group, other.id)]
				)
		],
		[
			'a climate answer',
			() =>
				db().query(
					`insert into public.climate_answers (group_id, month, face, answers)
					values ($1, date_trunc('month', now())::date, 3, 1)`,
					[group]
				)
		],
		[
			'"bring someone along"',
			() => db().query('update public.meetups set guests_welcome = true where id = $1', [underway])
		]
	];

	test.each(writes)('%s is refused', async (_, write) => {
		await expect(write()).rejects.toThrow('group_archived');
	});
});

describe('counts of people outside the group', () => {
	test('a signed-in non-member sees counts and a capacity only from 5, and whether it is full', async () => {
		const admin = await signUp('Beheerder');
		const group = await makeGroup(admin, await registerOrganisation(admin));
		const meetup = await createMeetup(admin, group, { open_to: 'public', capacity: 2 });
		const member = await joinedMember(group, 'Lid');
		expect((await rsvp(admin, meetup, 'going')).error).toBeNull();
		expect((await rsvp(member, meetup, 'going')).error).toBeNull();

		const outsider = await signUp('Buiten');
		const card = async (person: Person) => {
			const { data, error } = await person.client.rpc('meetup_cards', { only_meetup: meetup });
			expect(error).toBeNull();
			const [row] = data as Record<string, unknown>[];
			return { going: row.going, maybe: row.maybe, capacity: row.capacity, full: row.full };
		};
		// Not even whether it is full: with a capacity under 5 that would say how many come.
		expect(await card(outsider)).toEqual({ going: null, maybe: null, capacity: null, full: null });
		expect(await card(member)).toEqual({ going: 2, maybe: 0, capacity: 2, full: true });

		// From 5 on, the outsider sees the same numbers as the group.
		await db().query('update public.meetups set capacity = 8 where id = $1', [meetup]);
		for (const name of ['Drie', 'Vier', 'Vijf']) {
			expect((await rsvp(await joinedMember(group, name), meetup, 'going')).error).toBeNull();
		}
		expect(await card(outsider)).toEqual({ going: 5, maybe: null, capacity: 8, full: false });
	});

	test("an outsider's own answer and guest do not count towards the 5", async () => {
		const admin = await signUp('Beheerder');
		const organisation = await registerOrganisation(admin);
		const group = await makeGroup(admin, organisation);
		const meetup = await createMeetup(admin, group, {
			open_to: 'organisation',
			capacity: 20,
			guests_welcome: true
		});
		const others = [admin, await joinedMember(group, 'Een'), await joinedMember(group, 'Twee')];
		for (const person of others) expect((await rsvp(person, meetup, 'going')).error).toBeNull();
		// From another group of the organisation, coming with someone: 3 + 2 would make 5.
		const outsider = await joinedMember(await makeGroup(admin, organisation, 'wandel'), 'Buiten');
		expect((await rsvp(outsider, meetup, 'going', { guests: 1 })).error).toBeNull();
		const going = async () => {
			const { data, error } = await outsider.client.rpc('meetup_cards', { only_meetup: meetup });
			expect(error).toBeNull();
			const counted = await outsider.client.rpc('meetup_counts', { meetup });
			expect(counted.error).toBeNull();
			return [(data as Record<string, unknown>[])[0].going, counted.data?.[0]?.going];
		};
		expect(await going()).toEqual([null, null]);
		// Five others: the count shows, with the outsider and their guest in it.
		for (const name of ['Drie', 'Vier']) {
			expect((await rsvp(await joinedMember(group, name), meetup, 'going')).error).toBeNull();
		}
		expect(await going()).toEqual([7, 7]);
	});
});
