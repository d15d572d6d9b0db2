// Bridging inside the organisation (issue 12): home shows meetups the organisation's other groups
// open to all its members, and a meetup can welcome one extra person per answer, who takes a place.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, test } from 'vitest';
import { db, type Person } from '../support/platform';
import { joinedMember, makeGroup, type Group } from '../support/groups';
import { answered, createMeetup, joinedHost, rsvp } from '../support/meetups';

async function siblingGroup(of: Group, name: string): Promise<Group> {
	const { rows } = await db().query<{ id: string }>(
		`insert into public.groups (organisation_id, name, slug, description, rules)
		values ($1, $2, $3, '', '') returning id`,
		[of.organisationId, name, `t-${randomUUID().slice(0, 8)}`]
	);
	return { id: rows[0].id, organisationId: of.organisationId };
}

const statusOf = async (meetup: string, person: Person) =>
	(
		await db().query<{ status: string; guests: number }>(
			`select r.status, r.guests from public.rsvps r
			join public.group_members m on m.id = r.member_id
			where r.meetup_id = $1 and m.user_id = $2`,
			[meetup, person.id]
		)
	).rows[0];

describe('breng gerust iemand mee', () => {
	let group: Group;
	let host: Person;
	let ann: Person;
	let bob: Person;

	beforeAll(async () => {
		group = await makeGroup();
		host = await joinedHost(group.id);
		ann = await joinedMember(group.id, 'Ann');
		bob = await joinedMember(group.id, 'Bob');
	});

	test('the guest takes a place: a full meetup puts the answer with a guest on the waiting list', async () => {
		const meetup = await createMeetup(host, group.id, { capacity: 2, guests_welcome: true });
		expect(await answered(ann, meetup, 'going')).toBe('going');
		// One place left, two people asking for it.
		expect(await answered(bob, meetup, 'going', { guests: 1 })).toBe('waiting');
		expect(await statusOf(meetup, bob)).toEqual({ status: 'waiting', guests: 1 });
	});

	test('the guest counts against the capacity, and a place freed lets the next in line in', async () => {
		const meetup = await createMeetup(host, group.id, { capacity: 2, guests_welcome: true });
		expect(await answered(ann, meetup, 'going', { guests: 1 })).toBe('going');
		expect(await answered(bob, meetup, 'going')).toBe('waiting');
		const { data: counts } = await host.client.rpc('meetup_counts', { meetup });
		expect(counts).toEqual([{ going: 2, maybe: 0, waiting: 1 }]);
		// Ann comes alone after all: Bob gets the place.
		expect(await answered(ann, meetup, 'going', { guests: 0 })).toBe('going');
		expect((await statusOf(meetup, bob)).status).toBe('going');
	});

	test('no room for a guest added later: the answer stays as it was', async () => {
		const meetup = await createMeetup(host, group.id, { capacity: 2, guests_welcome: true });
		await answered(ann, meetup, 'going');
		await answered(bob, meetup, 'going');
		const { error } = await rsvp(bob, meetup, 'going', { guests: 1 });
		expect(error?.message).toBe('rsvp_no_place_for_guest');
		expect(await statusOf(meetup, bob)).toEqual({ status: 'going', guests: 0 });
	});

	test('where guests are not welcome, an answer brings no one', async () => {
		const meetup = await createMeetup(host, group.id, { capacity: 5 });
		await answered(ann, meetup, 'going', { guests: 1 });
		expect(await statusOf(meetup, ann)).toEqual({ status: 'going', guests: 0 });
	});

	test('the host sees who brings someone, and the form keeps the setting', async () => {
		const meetup = await createMeetup(host, group.id, { guests_welcome: true });
		await answered(ann, meetup, 'maybe', { guests: 1 });
		const { data, error } = await host.client.rpc('page_host_view', { target_meetup: meetup });
		expect(error).toBeNull();
		const view = data as { meetup: { guests_welcome: boolean }; answers: { guests: number }[] };
		expect(view.meetup.guests_welcome).toBe(true);
		expect(view.answers.map((a) => a.guests)).toEqual([1]);
		const { data: card } = await ann.client.rpc('page_meetup', { target_meetup: meetup });
		expect(card).toMatchObject({ guests_welcome: true, my_guests: 1, maybe: 2 });
	});

	test('calls without guests keep working (the app before this change)', async () => {
		const meetup = await createMeetup(host, group.id, { guests_welcome: true });
		const { data, error } = await ann.client.rpc('rsvp', {
			client_id: randomUUID(),
			meetup,
			status: 'going',
			childcare_children: 0,
			transport_help: false,
			cost_is_a_problem: false,
			note: ''
		});
		expect(error).toBeNull();
		expect(data).toBe('going');
	});
});

describe('ook in je organisatie', () => {
	let mine: Group;
	let other: Group;
	let member: Person;
	let otherHost: Person;
	type Home = { organisation_meetups: { id: string; group: { name: string } }[] };
	const home = async () => {
		const { data, error } = await member.client.rpc('page_home');
		expect(error).toBeNull();
		return (data as Home).organisation_meetups.map((meetup) => meetup.id);
	};

	beforeAll(async () => {
		mine = await makeGroup({ name: 'Mijn groep' });
		other = await siblingGroup(mine, 'Wandelgroep');
		member = await joinedMember(mine.id, 'Lien');
		otherHost = await joinedHost(other.id, 'Gids');
	});

	test("shows what the organisation's other groups open to it, not what stays in a group", async () => {
		const open = await createMeetup(otherHost, other.id, { open_to: 'organisation' });
		const everyone = await createMeetup(otherHost, other.id, { open_to: 'public' });
		const closed = await createMeetup(otherHost, other.id, { open_to: 'group' });
		const inMine = await createMeetup(await joinedHost(mine.id, 'Gastheer'), mine.id, {
			open_to: 'organisation'
		});
		const elsewhere = await makeGroup();
		const foreign = await createMeetup(await joinedHost(elsewhere.id), elsewhere.id, {
			open_to: 'public'
		});
		const shown = await home();
		expect(shown).toEqual(expect.arrayContaining([open, everyone]));
		for (const hidden of [closed, inMine, foreign]) expect(shown).not.toContain(hidden);
	});

	test('leaves out archived groups and what I already answered', async () => {
		const answeredOne = await createMeetup(otherHost, other.id, { open_to: 'organisation' });
		await answered(member, answeredOne, 'going');
		expect(await home()).not.toContain(answeredOne);
		const archived = await siblingGroup(mine, 'Oude groep');
		const old = await createMeetup(await joinedHost(archived.id, 'Oud'), archived.id, {
			open_to: 'organisation'
		});
		expect(await home()).toContain(old);
		await db().query('update public.groups set archived_at = now() where id = $1', [archived.id]);
		expect(await home()).not.toContain(old);
	});
});
