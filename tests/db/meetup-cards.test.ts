// meetup_cards: what the member screens read. It counts everyone's answers (a member may not
// read them) and returns my own answer only, so it must refuse what RLS would refuse.
import { randomUUID } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { client, db, type Person } from '../support/platform';
import { joinedMember, joinedModerator, makeGroup, membershipId } from '../support/groups';
import { answered as answer, createMeetup, inDays, joinedHost } from '../support/meetups';

type Card = Record<string, unknown> & { id: string; my_status: string | null };

async function cards(person: Person, args: Record<string, unknown>) {
	const { data, error } = await person.client.rpc('meetup_cards', args);
	return { data: data as Card[] | null, error };
}

describe('meetup_cards', () => {
	test('a member sees counts, their own answer and needs, and their place on the waiting list', async () => {
		const group = await makeGroup();
		const host = await joinedHost(group.id);
		const meetup = await createMeetup(host, group.id, { capacity: 1 });
		const first = await joinedMember(group.id, 'Eerste');
		const second = await joinedMember(group.id, 'Tweede');
		const third = await joinedMember(group.id, 'Derde');
		await answer(first, meetup, 'going', { childcare_children: 2, note: 'Met de buggy.' });
		await answer(second, meetup, 'going');
		await answer(third, meetup, 'going', { transport_help: true });

		const { data: mine, error } = await cards(third, { only_meetup: meetup });
		expect(error).toBeNull();
		expect(mine).toHaveLength(1);
		expect(mine![0]).toMatchObject({
			going: 1,
			maybe: 0,
			waiting: 2,
			my_status: 'waiting',
			my_waiting_place: 2,
			my_transport_help: true,
			my_childcare_children: 0,
			my_note: '',
			i_am_member: true,
			i_host: false
		});
		// No one else's needs or note come along.
		expect(JSON.stringify(mine)).not.toContain('buggy');

		const { data: firstView } = await cards(first, { target_group: group.id });
		expect(firstView![0]).toMatchObject({
			my_status: 'going',
			my_childcare_children: 2,
			my_waiting_place: null
		});
		const { data: hostView } = await cards(host, { only_meetup: meetup });
		expect(hostView![0]).toMatchObject({ i_host: true, my_status: null });

		// The first goes away: the second moves up, the third is now first in the queue.
		await answer(first, meetup, 'not_going');
		const { data: after } = await cards(third, { only_meetup: meetup });
		expect(after![0]).toMatchObject({ going: 1, waiting: 1, my_waiting_place: 1 });
	});

	test('a group meetup stays hidden from other groups, removed members and the signed-out', async () => {
		const group = await makeGroup({ name: 'Praatgroep Test' });
		const host = await joinedHost(group.id);
		const removed = await joinedMember(group.id, 'Weg');
		const { rows } = await db().query<{ id: string }>(
			`insert into public.groups (organisation_id, name, slug) values ($1, 'Buur', $2) returning id`,
			[group.organisationId, `b-${randomUUID().slice(0, 8)}`]
		);
		const neighbour = await joinedMember(rows[0].id, 'Buur');
		const stranger = await joinedMember((await makeGroup()).id, 'Vreemde');
		const forGroup = await createMeetup(host, group.id);
		const forOrganisation = await createMeetup(host, group.id, { open_to: 'organisation' });
		await answer(removed, forGroup, 'going');
		await db().query(`update public.group_members set status = 'removed' where id = $1`, [
			await membershipId(group.id, removed.id)
		]);

		for (const outsider of [neighbour, stranger, removed]) {
			expect((await cards(outsider, { only_meetup: forGroup })).data).toEqual([]);
			expect((await cards(outsider, { only_mine: true })).data).toEqual([]);
		}
		expect((await cards(stranger, { target_group: group.id })).data).toEqual([]);

		// An organisation-wide meetup reaches the neighbouring group, with its group's name.
		const { data: open } = await cards(neighbour, { target_group: group.id });
		expect(open!.map((card) => card.id)).toEqual([forOrganisation]);
		expect(open![0]).toMatchObject({ group_name: 'Praatgroep Test', i_am_member: false });

		const { error } = await client().rpc('meetup_cards', { only_meetup: forOrganisation });
		expect(error?.code).toBe('42501');
	});

	test('home lists what is coming in my groups and what I said yes to elsewhere, not what I declined', async () => {
		const group = await makeGroup();
		const host = await joinedHost(group.id);
		const { rows } = await db().query<{ id: string }>(
			`insert into public.groups (organisation_id, name, slug) values ($1, 'Buur', $2) returning id`,
			[group.organisationId, `b-${randomUUID().slice(0, 8)}`]
		);
		const neighbourHost = await joinedHost(rows[0].id, 'Buurvrouw');
		const member = await joinedMember(group.id, 'Lid');
		await db().query(
			`insert into public.group_members (group_id, user_id, nickname, status, joined_at)
			values ($1, $2, 'Lid', 'active', now())`,
			[rows[0].id, member.id]
		);
		const soon = await createMeetup(host, group.id, {
			starts_at: inDays(1),
			ends_at: inDays(1, 2)
		});
		const later = await createMeetup(host, group.id, {
			starts_at: inDays(3),
			ends_at: inDays(3, 2)
		});
		const declined = await createMeetup(host, group.id, {
			starts_at: inDays(2),
			ends_at: inDays(2, 2)
		});
		const past = await createMeetup(host, group.id, {
			starts_at: inDays(1),
			ends_at: inDays(1, 1)
		});
		await db().query(
			`update public.meetups set starts_at = now() - interval '3 hours', ends_at = now() - interval '1 hour' where id = $1`,
			[past]
		);
		await answer(member, declined, 'not_going');
		await answer(member, later, 'maybe');
		// In the other group, where the member now also belongs.
		const elsewhere = await createMeetup(neighbourHost, rows[0].id, {
			starts_at: inDays(2, 1),
			ends_at: inDays(2, 3)
		});

		const { data } = await cards(member, { only_mine: true });
		expect(data!.map((card) => card.id)).toEqual([soon, elsewhere, later]);
		expect(data!.map((card) => card.my_status)).toEqual([null, null, 'maybe']);
	});
});

// meetup_cards reads my memberships once and decides with them (issue 9: one statement, not
// four per meetup); the helpers the policies use say who may see what. For people in every
// position towards a group, the cards must say what the helpers say, meetup by meetup.
describe('meetup_cards decides as the helpers do', () => {
	interface Expected {
		id: string;
		member: boolean;
		hosts: boolean;
		named: boolean;
		answer: string | null;
	}

	/** What private.can_see_meetup and its neighbours say of these meetups, as the person. */
	async function asTheHelpersSay(person: Person, meetups: string[]): Promise<Expected[]> {
		const connection = await db().connect();
		try {
			await connection.query('begin');
			await connection.query(`select set_config('request.jwt.claims', $1, true)`, [
				JSON.stringify({ sub: person.id, role: 'authenticated' })
			]);
			const { rows } = await connection.query<Expected>(
				`select m.id, private.is_active_member(m.group_id) as member,
					private.is_host_or_moderator(m.group_id) as hosts,
					private.is_active_in_organisation_of(m.group_id) as named,
					(select r.status::text from public.rsvps r
						join public.group_members gm on gm.id = r.member_id
						where r.meetup_id = m.id and gm.user_id = $2) as answer
				from public.meetups m
				where m.id = any ($1) and private.can_see_meetup(m.group_id, m.open_to)
				order by m.starts_at, m.id`,
				[meetups, person.id]
			);
			return rows;
		} finally {
			await connection.query('rollback');
			connection.release();
		}
	}

	test('for members, hosts, moderators, the removed, the organisation and strangers alike', async () => {
		const group = await makeGroup();
		const host = await joinedHost(group.id);
		const sibling = async (name: string, archived = false) => {
			const { rows } = await db().query<{ id: string }>(
				`insert into public.groups (organisation_id, name, slug, archived_at)
				values ($1, $2, $3, case when $4 then now() end) returning id`,
				[group.organisationId, name, `s-${randomUUID().slice(0, 8)}`, archived]
			);
			return rows[0].id;
		};
		const neighbours = await sibling('Buur');
		const closed = await sibling('Gesloten');
		const closedHost = await joinedHost(closed, 'Oud');
		const elsewhere = await makeGroup();
		const stranger = await joinedMember(elsewhere.id, 'Vreemde');
		const member = await joinedMember(group.id, 'Lid');
		const moderator = await joinedModerator(group.id, 'Begeleider');
		const neighbour = await joinedMember(neighbours, 'Buur');
		const removed = await joinedMember(neighbours, 'Weg');
		await db().query(
			`insert into public.group_members (group_id, user_id, nickname, status, joined_at)
			values ($1, $2, 'Weg', 'active', now())`,
			[group.id, removed.id]
		);
		const pending = await joinedMember(neighbours, 'Wacht');
		await db().query(
			`insert into public.group_members (group_id, user_id, nickname, status)
			values ($1, $2, 'Wacht', 'pending')`,
			[group.id, pending.id]
		);

		const at = (day: number, more: Record<string, unknown> = {}) => ({
			starts_at: inDays(day),
			ends_at: inDays(day, 2),
			...more
		});
		const meetups = [
			await createMeetup(host, group.id, at(1)),
			await createMeetup(host, group.id, at(2, { open_to: 'organisation', capacity: 6 })),
			await createMeetup(host, group.id, at(3, { open_to: 'public', capacity: 3 })),
			await createMeetup(closedHost, closed, at(4, { open_to: 'public' })),
			await createMeetup(closedHost, closed, at(5, { open_to: 'organisation' }))
		];
		await db().query(`update public.groups set archived_at = now() where id = $1`, [closed]);
		await answer(neighbour, meetups[1], 'going');
		// Answered while still in the group, then removed from it.
		await answer(removed, meetups[2], 'maybe');
		await db().query(
			`update public.group_members set status = 'removed' where group_id = $1 and user_id = $2`,
			[group.id, removed.id]
		);
		await answer(member, meetups[0], 'not_going');
		await answer(moderator, meetups[2], 'going');

		const people = { host, member, moderator, neighbour, removed, pending, stranger, closedHost };
		for (const [who, person] of Object.entries(people)) {
			const expected = await asTheHelpersSay(person, meetups);
			const ours = (data: Card[] | null) => data!.filter((card) => meetups.includes(card.id));
			const said = (card: Card) => ({
				id: card.id,
				member: card.i_am_member,
				hosts: card.i_host,
				named: card.group_id !== null,
				answer: card.my_status
			});

			const lists = [
				...(await Promise.all(
					[group.id, closed].map((target_group) => cards(person, { target_group, max_rows: 50 }))
				)),
				await cards(person, { max_rows: 50 })
			];
			const oneByOne = await Promise.all(
				meetups.map((only_meetup) => cards(person, { only_meetup }))
			);
			for (const { error } of [...lists, ...oneByOne]) expect(error, who).toBeNull();
			expect(ours(lists[2].data).map(said), who).toEqual(expected);
			expect([...ours(lists[0].data), ...ours(lists[1].data)].map(said), who).toEqual(expected);
			expect(
				oneByOne.flatMap(({ data }) => data!.map(said)),
				who
			).toEqual(expected);

			// Home: what is coming in my groups and what I answered elsewhere, without what I declined.
			const { data: home } = await cards(person, { only_mine: true, max_rows: 50 });
			expect(ours(home).map(said), who).toEqual(
				expected.filter(
					(card) => (card.member || card.answer !== null) && card.answer !== 'not_going'
				)
			);
		}
	});
});
