// Meetups: who hosts them, RSVPs under a capacity with a waiting list, private needs, check-in.
import { randomUUID } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { client, db, type Person } from '../support/platform';
import {
	joinedMember,
	joinedModerator,
	makeGroup,
	makeInvite,
	membershipId
} from '../support/groups';
import { createMeetup, inDays, joinedHost, meetupFields, rsvp } from '../support/meetups';

async function statuses(meetup: string) {
	const { rows } = await db().query<{ member_id: string; status: string }>(
		`select member_id, status from public.rsvps where meetup_id = $1
		order by waitlisted_at nulls first, created_at`,
		[meetup]
	);
	return rows;
}

describe('hosting', () => {
	test('hosts and moderators create, edit and cancel; a plain member cannot', async () => {
		const group = await makeGroup();
		const host = await joinedHost(group.id);
		const moderator = await joinedModerator(group.id);
		const member = await joinedMember(group.id);

		const { error: refused } = await member.client.rpc('create_meetup', {
			client_id: randomUUID(),
			target_group: group.id,
			...meetupFields()
		});
		expect(refused?.message).toBe('not_allowed');

		const meetup = await createMeetup(host, group.id);
		const { error: edited } = await moderator.client.rpc('update_meetup', {
			meetup,
			...meetupFields({ title: 'Soep, babbel en spelletjes' })
		});
		expect(edited).toBeNull();
		expect(
			(await member.client.rpc('update_meetup', { meetup, ...meetupFields() })).error?.message
		).toBe('not_allowed');
		expect((await member.client.rpc('cancel_meetup', { meetup })).error?.message).toBe(
			'not_allowed'
		);
		expect((await host.client.rpc('cancel_meetup', { meetup })).error).toBeNull();

		const { rows } = await db().query('select title, status from public.meetups where id = $1', [
			meetup
		]);
		expect(rows[0]).toEqual({ title: 'Soep, babbel en spelletjes', status: 'cancelled' });
	});

	test('a meetup says why it is not valid: times, place, capacity, languages, the past', async () => {
		const group = await makeGroup();
		const host = await joinedHost(group.id);
		const create = (overrides: Record<string, unknown>) =>
			host.client.rpc('create_meetup', {
				client_id: randomUUID(),
				target_group: group.id,
				...meetupFields(overrides)
			});
		expect((await create({ ends_at: inDays(6) })).error?.message).toBe('meetup_times_invalid');
		expect((await create({ place: '  ', online_url: null })).error?.message).toBe(
			'meetup_place_missing'
		);
		expect((await create({ capacity: 0 })).error?.message).toBe('meetup_capacity_invalid');
		expect((await create({ languages: ['nl', ' '] })).error?.message).toBe(
			'meetup_languages_invalid'
		);
		expect((await create({ starts_at: inDays(-1), ends_at: inDays(-1, 2) })).error?.message).toBe(
			'meetup_in_the_past'
		);
		expect(
			(await create({ place: null, online_url: 'https://meet.example.org/kring' })).error
		).toBeNull();
	});

	test('the same meetup sent twice with one client id is created once', async () => {
		const group = await makeGroup();
		const host = await joinedHost(group.id);
		const args = { client_id: randomUUID(), target_group: group.id, ...meetupFields() };
		const [first, second] = await Promise.all([
			host.client.rpc('create_meetup', args),
			host.client.rpc('create_meetup', args)
		]);
		expect(first.data).toBe(second.data);
		const { rows } = await db().query(
			'select count(*)::int as n from public.meetups where group_id = $1',
			[group.id]
		);
		expect(rows[0].n).toBe(1);
	});
});

describe('who sees a meetup', () => {
	test('a group meetup is seen by its members; organisation and public ones reach further', async () => {
		const group = await makeGroup();
		const host = await joinedHost(group.id);
		const member = await joinedMember(group.id);
		const { rows } = await db().query<{ id: string }>(
			`insert into public.groups (organisation_id, name, slug) values ($1, 'Buur', $2) returning id`,
			[group.organisationId, `b-${randomUUID().slice(0, 8)}`]
		);
		const neighbour = await joinedMember(rows[0].id, 'Buur');
		const stranger = await joinedMember((await makeGroup()).id, 'Vreemde');
		const anonymous = client();

		const forGroup = await createMeetup(host, group.id);
		const forOrganisation = await createMeetup(host, group.id, { open_to: 'organisation' });
		const forEveryone = await createMeetup(host, group.id, { open_to: 'public' });
		const seen = async (reader: { from: Person['client']['from'] }) => {
			const { data } = await reader
				.from('meetups')
				.select('id')
				.in('id', [forGroup, forOrganisation, forEveryone]);
			return new Set((data ?? []).map((row) => row.id));
		};

		expect(await seen(member.client)).toEqual(new Set([forGroup, forOrganisation, forEveryone]));
		expect(await seen(neighbour.client)).toEqual(new Set([forOrganisation, forEveryone]));
		expect(await seen(stranger.client)).toEqual(new Set([forEveryone]));
		expect(await seen(anonymous)).toEqual(new Set([forEveryone]));

		// Someone from another group of the organisation can come, through their own membership.
		expect((await rsvp(neighbour, forOrganisation, 'going')).data).toBe('going');
		expect((await rsvp(neighbour, forGroup, 'going')).error?.message).toBe('not_allowed');
		// Under 5, how many come is for the group's own members.
		const { data: counts } = await anonymous.rpc('meetup_counts', { meetup: forEveryone });
		expect(counts).toEqual([{ going: null, maybe: null, waiting: null }]);
		expect((await anonymous.rpc('meetup_counts', { meetup: forGroup })).data).toEqual([]);
	});
});

describe('removed from a group', () => {
	test('is off its meetups open to the organisation, also through another group', async () => {
		const group = await makeGroup();
		const moderator = await joinedModerator(group.id);
		const { rows } = await db().query<{ id: string }>(
			`insert into public.groups (organisation_id, name, slug) values ($1, 'Buur', $2) returning id`,
			[group.organisationId, `b-${randomUUID().slice(0, 8)}`]
		);
		const person = await joinedMember(rows[0].id, 'Buur');
		const forOrganisation = await createMeetup(moderator, group.id, {
			open_to: 'organisation',
			capacity: 1
		});
		const forEveryone = await createMeetup(moderator, group.id, { open_to: 'public' });
		const waiting = await joinedMember(group.id, 'Wacht');
		expect((await rsvp(person, forOrganisation, 'going')).data).toBe('going');
		expect((await rsvp(waiting, forOrganisation, 'going')).data).toBe('waiting');
		expect((await rsvp(person, forEveryone, 'going')).data).toBe('going');
		const { error } = await person.client.rpc('accept_invite', {
			invite_code: await makeInvite(group.id),
			nickname: 'Buur',
			accept_rules: true
		});
		expect(error).toBeNull();

		await moderator.client.rpc('remove_member', {
			member: await membershipId(group.id, person.id)
		});

		const { rows: answers } = await db().query(
			`select r.meetup_id from public.rsvps r join public.group_members m on m.id = r.member_id
			where m.user_id = $1`,
			[person.id]
		);
		expect(answers).toEqual([]);
		const { data: counts } = await moderator.client.rpc('meetup_counts', {
			meetup: forOrganisation
		});
		expect(counts).toEqual([{ going: 1, maybe: 0, waiting: 0 }]);
		const { data: seen } = await person.client
			.from('meetups')
			.select('id')
			.in('id', [forOrganisation, forEveryone]);
		expect(seen).toEqual([{ id: forEveryone }]);
		expect((await rsvp(person, forOrganisation, 'going')).error?.message).toBe('not_allowed');
		expect((await rsvp(person, forEveryone, 'going')).error?.message).toBe('not_allowed');
	});
});

describe('rsvp', () => {
	test('20 people going at the same moment for 10 places: exactly 10 going and 10 waiting', async () => {
		const group = await makeGroup();
		const host = await joinedHost(group.id);
		const meetup = await createMeetup(host, group.id, { capacity: 10 });
		const people = await Promise.all(
			Array.from({ length: 20 }, (_, i) => joinedMember(group.id, `Persoon ${i}`))
		);

		const results = await Promise.all(people.map((person) => rsvp(person, meetup, 'going')));
		expect(results.map((result) => result.error)).toEqual(people.map(() => null));
		expect(results.filter((result) => result.data === 'going')).toHaveLength(10);
		expect(results.filter((result) => result.data === 'waiting')).toHaveLength(10);
		const { data: counts } = await people[0].client.rpc('meetup_counts', { meetup });
		expect(counts).toEqual([{ going: 10, maybe: 0, waiting: 10 }]);

		// One going cancels: the first on the waiting list, by arrival, moves up and is marked.
		const { rows: queue } = await db().query<{ member_id: string }>(
			`select member_id from public.rsvps where meetup_id = $1 and status = 'waiting'
			order by waitlisted_at, id`,
			[meetup]
		);
		const { rows: goingRows } = await db().query<{ user_id: string }>(
			`select m.user_id from public.rsvps r join public.group_members m on m.id = r.member_id
			where r.meetup_id = $1 and r.status = 'going' limit 1`,
			[meetup]
		);
		const leaving = people.find((person) => person.id === goingRows[0].user_id)!;
		expect((await rsvp(leaving, meetup, 'not_going')).data).toBe('not_going');

		const { rows: promoted } = await db().query(
			`select member_id from public.rsvps
			where meetup_id = $1 and status = 'going' and promoted_at is not null`,
			[meetup]
		);
		expect(promoted).toEqual([{ member_id: queue[0].member_id }]);
		const { data: after } = await people[0].client.rpc('meetup_counts', { meetup });
		expect(after).toEqual([{ going: 10, maybe: 0, waiting: 9 }]);
	});

	test('saying "going" again keeps one\'s place on the waiting list', async () => {
		const group = await makeGroup();
		const host = await joinedHost(group.id);
		const meetup = await createMeetup(host, group.id, { capacity: 1 });
		const first = await joinedMember(group.id, 'Eerste');
		const second = await joinedMember(group.id, 'Tweede');
		const third = await joinedMember(group.id, 'Derde');
		expect((await rsvp(first, meetup, 'going')).data).toBe('going');
		expect((await rsvp(second, meetup, 'going')).data).toBe('waiting');
		expect((await rsvp(third, meetup, 'going')).data).toBe('waiting');
		expect((await rsvp(second, meetup, 'going', { note: 'Ik kom met de bus.' })).data).toBe(
			'waiting'
		);
		expect((await rsvp(first, meetup, 'maybe')).data).toBe('maybe');
		const rows = await statuses(meetup);
		expect(rows.map((row) => row.status).sort()).toEqual(['going', 'maybe', 'waiting']);
		const { rows: going } = await db().query(
			`select m.nickname from public.rsvps r join public.group_members m on m.id = r.member_id
			where r.meetup_id = $1 and r.status = 'going'`,
			[meetup]
		);
		expect(going).toEqual([{ nickname: 'Tweede' }]);
	});

	test('raising the capacity lets those waiting in', async () => {
		const group = await makeGroup();
		const host = await joinedHost(group.id);
		const fields = { capacity: 1 };
		const meetup = await createMeetup(host, group.id, fields);
		const people = [await joinedMember(group.id), await joinedMember(group.id)];
		for (const person of people) await rsvp(person, meetup, 'going');
		const { error } = await host.client.rpc('update_meetup', {
			meetup,
			...meetupFields({ capacity: 2 })
		});
		expect(error).toBeNull();
		expect((await statuses(meetup)).map((row) => row.status)).toEqual(['going', 'going']);
	});

	test('lowering the capacity keeps the places already given', async () => {
		const group = await makeGroup();
		const host = await joinedHost(group.id);
		const meetup = await createMeetup(host, group.id, { capacity: 2 });
		const people = [await joinedMember(group.id), await joinedMember(group.id)];
		for (const person of people) await rsvp(person, meetup, 'going');
		await host.client.rpc('update_meetup', { meetup, ...meetupFields({ capacity: 1 }) });
		expect((await statuses(meetup)).map((row) => row.status)).toEqual(['going', 'going']);
		expect((await rsvp(await joinedMember(group.id), meetup, 'going')).data).toBe('waiting');
	});

	test('the same rsvp sent twice with one client id is applied once', async () => {
		const group = await makeGroup();
		const host = await joinedHost(group.id);
		const meetup = await createMeetup(host, group.id, { capacity: 1 });
		const member = await joinedMember(group.id);
		const other = await joinedMember(group.id);
		const client_id = randomUUID();
		const [first, second] = await Promise.all([
			rsvp(member, meetup, 'going', { client_id }),
			rsvp(member, meetup, 'going', { client_id })
		]);
		expect([first.data, second.data]).toEqual(['going', 'going']);
		expect((await rsvp(other, meetup, 'going')).data).toBe('waiting');
		expect((await rsvp(member, meetup, 'going', { client_id })).data).toBe('going');
		const { rows } = await db().query(
			'select count(*)::int as n from public.rsvps where meetup_id = $1',
			[meetup]
		);
		expect(rows[0].n).toBe(2);
	});

	test('rsvp closes when the meetup starts and when it is cancelled', async () => {
		const group = await makeGroup();
		const host = await joinedHost(group.id);
		const member = await joinedMember(group.id);
		const started = await createMeetup(host, group.id);
		await db().query(
			`update public.meetups set starts_at = now() - interval '5 minutes' where id = $1`,
			[started]
		);
		expect((await rsvp(member, started, 'going')).error?.message).toBe('rsvp_closed');

		const cancelled = await createMeetup(host, group.id);
		await host.client.rpc('cancel_meetup', { meetup: cancelled });
		expect((await rsvp(member, cancelled, 'going')).error?.message).toBe('meetup_cancelled');
		expect((await rsvp(member, cancelled, 'waiting')).error?.message).toBe('meetup_cancelled');
	});

	test("someone who answered from another group and then joins the meetup's group keeps one answer", async () => {
		const group = await makeGroup();
		const host = await joinedHost(group.id);
		const { rows } = await db().query<{ id: string }>(
			`insert into public.groups (organisation_id, name, slug) values ($1, 'Buur', $2) returning id`,
			[group.organisationId, `b-${randomUUID().slice(0, 8)}`]
		);
		const neighbour = await joinedMember(rows[0].id, 'Buur');
		const meetup = await createMeetup(host, group.id, { open_to: 'organisation', capacity: 1 });
		const waiting = await joinedMember(group.id, 'Wacht');
		expect((await rsvp(neighbour, meetup, 'going')).data).toBe('going');
		expect((await rsvp(waiting, meetup, 'going')).data).toBe('waiting');

		const { error } = await neighbour.client.rpc('accept_invite', {
			invite_code: await makeInvite(group.id),
			nickname: 'Buur',
			accept_rules: true
		});
		expect(error).toBeNull();
		expect((await rsvp(neighbour, meetup, 'not_going')).data).toBe('not_going');

		const { rows: answers } = await db().query(
			`select r.status from public.rsvps r join public.group_members m on m.id = r.member_id
			where r.meetup_id = $1 and m.user_id = $2`,
			[meetup, neighbour.id]
		);
		expect(answers).toEqual([{ status: 'not_going' }]);
		const { data: counts } = await host.client.rpc('meetup_counts', { meetup });
		expect(counts).toEqual([{ going: 1, maybe: 0, waiting: 0 }]);
	});

	test('needs are read by the person, hosts and moderators, never by another member', async () => {
		const group = await makeGroup();
		const host = await joinedHost(group.id);
		const moderator = await joinedModerator(group.id);
		const person = await joinedMember(group.id, 'Met kinderen');
		const other = await joinedMember(group.id, 'Ander lid');
		const meetup = await createMeetup(host, group.id);
		await rsvp(person, meetup, 'going', {
			childcare_children: 2,
			transport_help: true,
			cost_is_a_problem: true,
			note: 'Ik kom met de rolstoel.'
		});
		await rsvp(other, meetup, 'maybe');

		const needsSeenBy = async (reader: Person) => {
			const { data } = await reader.client
				.from('rsvps')
				.select('childcare_children, transport_help, cost_is_a_problem, note')
				.eq('meetup_id', meetup)
				.eq('member_id', await membershipId(group.id, person.id));
			return data;
		};
		const needs = [
			{
				childcare_children: 2,
				transport_help: true,
				cost_is_a_problem: true,
				note: 'Ik kom met de rolstoel.'
			}
		];
		expect(await needsSeenBy(person)).toEqual(needs);
		expect(await needsSeenBy(host)).toEqual(needs);
		expect(await needsSeenBy(moderator)).toEqual(needs);
		expect(await needsSeenBy(other)).toEqual([]);
		const { data: ownOnly } = await other.client.from('rsvps').select('status');
		expect(ownOnly).toEqual([{ status: 'maybe' }]);
		const { data: counts } = await other.client.rpc('meetup_counts', { meetup });
		expect(counts).toEqual([{ going: 1, maybe: 1, waiting: 0 }]);
	});
});

describe('attendance', () => {
	test('hosts check people in and add walk-ins; a plain member cannot', async () => {
		const group = await makeGroup();
		const host = await joinedHost(group.id);
		const member = await joinedMember(group.id);
		const meetup = await createMeetup(host, group.id);
		const memberId = await membershipId(group.id, member.id);

		expect((await member.client.rpc('check_in', { meetup, member: memberId })).error?.message).toBe(
			'not_allowed'
		);
		expect(
			(await member.client.rpc('add_walk_in', { meetup, nickname: 'Josée' })).error?.message
		).toBe('not_allowed');
		expect((await host.client.rpc('check_in', { meetup, member: memberId })).error).toBeNull();
		expect((await host.client.rpc('check_in', { meetup, member: memberId })).error).toBeNull();
		// A wrong tap is taken back by the host, not by the member; twice is the same as once.
		expect(
			(await member.client.rpc('undo_check_in', { meetup, member: memberId })).error?.message
		).toBe('not_allowed');
		const here = () =>
			db().query('select 1 from public.attendance where meetup_id = $1 and member_id = $2', [
				meetup,
				memberId
			]);
		expect((await here()).rowCount).toBe(1);
		for (let i = 0; i < 2; i++) {
			expect(
				(await host.client.rpc('undo_check_in', { meetup, member: memberId })).error
			).toBeNull();
		}
		expect((await here()).rowCount).toBe(0);
		expect((await host.client.rpc('check_in', { meetup, member: memberId })).error).toBeNull();

		const { data: walkIn, error } = await host.client.rpc('add_walk_in', {
			meetup,
			nickname: ' Josée '
		});
		expect(error).toBeNull();
		const again = await host.client.rpc('add_walk_in', { meetup, nickname: 'josée' });
		expect(again.data).toBe(walkIn);

		const { rows } = await db().query(
			`select m.nickname, m.user_id, m.status, a.walk_in
			from public.attendance a join public.group_members m on m.id = a.member_id
			where a.meetup_id = $1 order by a.walk_in`,
			[meetup]
		);
		expect(rows).toEqual([
			{ nickname: 'Lid', user_id: member.id, status: 'active', walk_in: false },
			{ nickname: 'Josée', user_id: null, status: 'active', walk_in: true }
		]);
		const { data: own } = await member.client.from('attendance').select('walk_in');
		expect(own).toEqual([{ walk_in: false }]);
	});

	test('a host answers and checks in for a member without a phone', async () => {
		const group = await makeGroup();
		const host = await joinedHost(group.id);
		const member = await joinedMember(group.id);
		const meetup = await createMeetup(host, group.id, { capacity: 5 });
		const { data: phoneless } = await host.client.rpc('add_walk_in', {
			meetup: await createMeetup(host, group.id),
			nickname: 'Marcel'
		});
		const answer = (by: Person, target: string) =>
			by.client.rpc('rsvp_for_member', {
				client_id: randomUUID(),
				meetup,
				member: target,
				status: 'going',
				childcare_children: 0,
				transport_help: true,
				cost_is_a_problem: false,
				note: ''
			});
		expect((await answer(host, phoneless)).data).toBe('going');
		expect((await answer(member, phoneless)).error?.message).toBe('not_allowed');
		// Someone with an account answers for themselves.
		expect((await answer(host, await membershipId(group.id, member.id))).error?.message).toBe(
			'not_allowed'
		);
		expect((await host.client.rpc('check_in', { meetup, member: phoneless })).error).toBeNull();
	});
});

describe('leaving frees a place', () => {
	test('removed, left or deleted: the answers to come go, the first one waiting moves up, the past stays', async () => {
		const group = await makeGroup();
		const moderator = await joinedModerator(group.id);
		const [an, bo, cas, dirk] = [
			await joinedMember(group.id, 'An'),
			await joinedMember(group.id, 'Bo'),
			await joinedMember(group.id, 'Cas'),
			await joinedMember(group.id, 'Dirk')
		];
		const past = await createMeetup(moderator, group.id, { capacity: 1 });
		const meetup = await createMeetup(moderator, group.id, { capacity: 1 });
		await rsvp(an, past, 'going');
		await db().query(
			`update public.meetups set starts_at = now() - interval '2 days', ends_at = now() - interval '47 hours' where id = $1`,
			[past]
		);
		for (const person of [an, bo, cas, dirk]) await rsvp(person, meetup, 'going');
		const going = async () => {
			const { rows } = await db().query<{ nickname: string; promoted: boolean }>(
				`select m.nickname, r.promoted_at is not null as promoted from public.rsvps r
				join public.group_members m on m.id = r.member_id
				where r.meetup_id = $1 and r.status = 'going'`,
				[meetup]
			);
			return rows;
		};
		expect(await going()).toEqual([{ nickname: 'An', promoted: false }]);

		await moderator.client.rpc('remove_member', { member: await membershipId(group.id, an.id) });
		expect(await going()).toEqual([{ nickname: 'Bo', promoted: true }]);

		expect((await bo.client.rpc('leave_group', { target_group: group.id })).error).toBeNull();
		expect(await going()).toEqual([{ nickname: 'Cas', promoted: true }]);

		expect((await cas.client.rpc('delete_my_account')).error).toBeNull();
		expect(await going()).toEqual([{ nickname: 'Dirk', promoted: true }]);

		const { rows: history } = await db().query(
			'select status from public.rsvps where meetup_id = $1',
			[past]
		);
		expect(history).toEqual([{ status: 'going' }]);
	});
});
