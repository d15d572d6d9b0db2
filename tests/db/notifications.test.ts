// Notifications: written by the database when a waiting-list place frees up, when a meetup I
// answered changes or is cancelled, and a reminder the day before a meetup I'm going to. The
// list and the unread count read them without writing; marking read is the deliberate write.
import { randomUUID } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { client, db, type Person } from '../support/platform';
import { joinedMember, joinedModerator, makeGroup, membershipId } from '../support/groups';
import {
	answered,
	createMeetup as createMeetupWith,
	joinedHost,
	meetupFields
} from '../support/meetups';

const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();
// A fixed moment a week ahead, so that saving a meetup again keeps its time.
const weekAhead = Math.floor(Date.now() / 60_000) * 60_000 + 7 * 86_400_000;
const weekAheadPlus = (hours: number) => new Date(weekAhead + hours * 3_600_000).toISOString();

const fields = (overrides: Record<string, unknown> = {}) =>
	meetupFields({
		title: 'Praatgroep',
		starts_at: weekAheadPlus(0),
		ends_at: weekAheadPlus(2),
		...overrides
	});

const createMeetup = (host: Person, groupId: string, overrides = {}) =>
	createMeetupWith(host, groupId, fields(overrides));

async function updateMeetup(host: Person, meetup: string, overrides = {}) {
	const { error } = await host.client.rpc('update_meetup', { meetup, ...fields(overrides) });
	expect(error).toBeNull();
}

const rsvp = answered;

/** What the person's notifications list shows, oldest first, for one meetup. */
async function seen(person: Person, meetup: string) {
	const { data, error } = await person.client.rpc('page_notifications', {});
	expect(error).toBeNull();
	return (data ?? [])
		.filter((row: { meetup_id: string }) => row.meetup_id === meetup)
		.map(
			(row: { kind: string; read_at: string | null }) =>
				`${row.kind}${row.read_at ? ' (read)' : ''}`
		)
		.reverse();
}

/** The count in the navigation, as every signed-in page gets it. */
async function unread(person: Person): Promise<number> {
	const { data, error } = await person.client.rpc('app_shell', {});
	expect(error).toBeNull();
	return data.unread as number;
}

async function rowsFor(meetup: string) {
	const { rows } = await db().query<{ user_id: string; kind: string }>(
		'select user_id, kind from public.notifications where meetup_id = $1 order by created_at',
		[meetup]
	);
	return rows;
}

describe('waiting list', () => {
	test('the first one waiting is told they have a place; the one who left is not', async () => {
		const group = await makeGroup();
		const host = await joinedHost(group.id);
		const meetup = await createMeetup(host, group.id, { capacity: 1 });
		const first = await joinedMember(group.id, 'Eerste');
		const second = await joinedMember(group.id, 'Tweede');
		const third = await joinedMember(group.id, 'Derde');
		expect(await rsvp(first, meetup, 'going')).toBe('going');
		expect(await rsvp(second, meetup, 'going')).toBe('waiting');
		expect(await rsvp(third, meetup, 'going')).toBe('waiting');
		expect(await unread(second)).toBe(0);

		await rsvp(first, meetup, 'not_going');

		expect(await seen(second, meetup)).toEqual(['promoted']);
		expect(await unread(second)).toBe(1);
		expect(await seen(third, meetup)).toEqual([]);
		expect(await seen(first, meetup)).toEqual([]);
	});

	test('the host who raises the capacity is not told about their own place; nor is a member without a phone', async () => {
		const group = await makeGroup();
		const host = await joinedHost(group.id);
		const meetup = await createMeetup(host, group.id, { capacity: 1 });
		const first = await joinedMember(group.id, 'Eerste');
		await rsvp(first, meetup, 'going');
		expect(await rsvp(host, meetup, 'going')).toBe('waiting');
		const waiting = await joinedMember(group.id, 'Wacht');
		expect(await rsvp(waiting, meetup, 'going')).toBe('waiting');
		const { rows } = await db().query<{ id: string }>(
			`insert into public.group_members (group_id, user_id, nickname, status, joined_at)
			values ($1, null, 'Maria zonder gsm', 'active', now()) returning id`,
			[group.id]
		);
		const { data: answer } = await host.client.rpc('rsvp_for_member', {
			client_id: randomUUID(),
			meetup,
			member: rows[0].id,
			status: 'going',
			childcare_children: 0,
			transport_help: false,
			cost_is_a_problem: false,
			note: ''
		});
		expect(answer).toBe('waiting');

		await updateMeetup(host, meetup, { capacity: 10 });

		const { rows: going } = await db().query(
			`select count(*)::int as n from public.rsvps where meetup_id = $1 and status = 'going'`,
			[meetup]
		);
		expect(going[0].n).toBe(4);
		expect(await rowsFor(meetup)).toEqual([{ user_id: waiting.id, kind: 'promoted' }]);
	});
});

describe('changed and cancelled', () => {
	test('a new time or place tells everyone going, maybe or waiting, once, and not the host who changed it', async () => {
		const group = await makeGroup();
		const host = await joinedHost(group.id);
		const meetup = await createMeetup(host, group.id, { capacity: 1 });
		const going = await joinedMember(group.id, 'Komt');
		const maybe = await joinedMember(group.id, 'Misschien');
		const waiting = await joinedMember(group.id, 'Wacht');
		const notGoing = await joinedMember(group.id, 'Komt niet');
		const silent = await joinedMember(group.id, 'Zegt niets');
		await rsvp(going, meetup, 'going');
		await rsvp(maybe, meetup, 'maybe');
		await rsvp(waiting, meetup, 'going');
		await rsvp(notGoing, meetup, 'not_going');
		await rsvp(host, meetup, 'maybe');

		// A new title or description is not worth a message.
		await updateMeetup(host, meetup, { capacity: 1, title: 'Praatgroep met soep' });
		expect(await rowsFor(meetup)).toEqual([]);

		await updateMeetup(host, meetup, { capacity: 1, place: 'Bibliotheek, zaal 2' });
		for (const person of [going, maybe, waiting]) {
			expect(await seen(person, meetup)).toEqual(['changed']);
		}
		for (const person of [notGoing, silent, host]) {
			expect(await seen(person, meetup)).toEqual([]);
		}

		// Changed again before reading: still one message, moved up to now.
		const { rows: before } = await db().query(
			`select created_at from public.notifications where meetup_id = $1 and user_id = $2`,
			[meetup, going.id]
		);
		await updateMeetup(host, meetup, {
			capacity: 1,
			place: 'Bibliotheek, zaal 2',
			starts_at: weekAheadPlus(1),
			ends_at: weekAheadPlus(3)
		});
		expect(await seen(going, meetup)).toEqual(['changed']);
		const { rows: after } = await db().query(
			`select created_at from public.notifications where meetup_id = $1 and user_id = $2`,
			[meetup, going.id]
		);
		expect(after[0].created_at.getTime()).toBeGreaterThan(before[0].created_at.getTime());

		// Once read, a later change is new again.
		expect((await going.client.rpc('mark_notifications_read', {})).data).toBe(1);
		expect(await unread(going)).toBe(0);
		await updateMeetup(host, meetup, { capacity: 1, online_url: 'https://meet.example.org/kring' });
		expect(await seen(going, meetup)).toEqual(['changed (read)', 'changed']);
		expect(await unread(going)).toBe(1);
	});

	test('tidying up a meetup that is over tells no one', async () => {
		const group = await makeGroup();
		const host = await joinedHost(group.id);
		const meetup = await createMeetup(host, group.id);
		const person = await joinedMember(group.id, 'Kwam');
		await rsvp(person, meetup, 'going');
		// It took place last week (RSVPs close at the start, so it is moved there directly).
		const past = Date.now() - 7 * 86_400_000;
		await db().query('update public.meetups set starts_at = $2, ends_at = $3 where id = $1', [
			meetup,
			new Date(past).toISOString(),
			new Date(past + 7_200_000).toISOString()
		]);
		await db().query('delete from public.notifications where meetup_id = $1', [meetup]);
		await updateMeetup(host, meetup, {
			place: 'Toch in de bibliotheek',
			starts_at: new Date(past).toISOString(),
			ends_at: new Date(past + 3 * 3_600_000).toISOString()
		});
		expect((await host.client.rpc('cancel_meetup', { meetup })).error).toBeNull();
		expect(await rowsFor(meetup)).toEqual([]);
	});

	test('more places at a meetup that is over promote no one and tell no one', async () => {
		const group = await makeGroup();
		const host = await joinedHost(group.id);
		const meetup = await createMeetup(host, group.id, { capacity: 1 });
		await rsvp(await joinedMember(group.id, 'Kwam'), meetup, 'going');
		expect(await rsvp(await joinedMember(group.id, 'Wachtte'), meetup, 'going')).toBe('waiting');
		const past = Date.now() - 7 * 86_400_000;
		const times = {
			starts_at: new Date(past).toISOString(),
			ends_at: new Date(past + 7_200_000).toISOString()
		};
		await db().query('update public.meetups set starts_at = $2, ends_at = $3 where id = $1', [
			meetup,
			times.starts_at,
			times.ends_at
		]);
		await db().query('delete from public.notifications where meetup_id = $1', [meetup]);
		await updateMeetup(host, meetup, { ...times, capacity: 2 });
		const { rows } = await db().query<{ status: string }>(
			'select status from public.rsvps where meetup_id = $1 order by status',
			[meetup]
		);
		expect(rows.map((row) => row.status)).toEqual(['going', 'waiting']);
		expect(await rowsFor(meetup)).toEqual([]);
	});

	test('cancelling tells everyone going, maybe or waiting, but not the one who cancelled', async () => {
		const group = await makeGroup();
		const host = await joinedHost(group.id);
		const moderator = await joinedModerator(group.id);
		const meetup = await createMeetup(host, group.id, { capacity: 1 });
		const going = await joinedMember(group.id, 'Komt');
		const maybe = await joinedMember(group.id, 'Misschien');
		const waiting = await joinedMember(group.id, 'Wacht');
		const notGoing = await joinedMember(group.id, 'Komt niet');
		await rsvp(going, meetup, 'going');
		await rsvp(maybe, meetup, 'maybe');
		await rsvp(waiting, meetup, 'going');
		await rsvp(notGoing, meetup, 'not_going');
		await rsvp(moderator, meetup, 'maybe');
		await rsvp(host, meetup, 'maybe');

		expect((await moderator.client.rpc('cancel_meetup', { meetup })).error).toBeNull();
		// Cancelling twice does not tell anyone twice.
		expect((await moderator.client.rpc('cancel_meetup', { meetup })).error).toBeNull();

		for (const person of [going, maybe, waiting, host]) {
			expect(await seen(person, meetup)).toEqual(['cancelled']);
		}
		expect(await seen(notGoing, meetup)).toEqual([]);
		expect(await seen(moderator, meetup)).toEqual([]);
		const { data } = await going.client.rpc('page_notifications', {});
		expect(data[0]).toMatchObject({
			kind: 'cancelled',
			meetup_title: 'Praatgroep',
			meetup_status: 'cancelled',
			read_at: null
		});
	});
});

describe('series', () => {
	test('changing or cancelling the rest of a series tells those who answered each occurrence', async () => {
		const group = await makeGroup();
		const host = await joinedHost(group.id);
		const until = new Date(weekAhead + 15 * 86_400_000).toISOString().slice(0, 10);
		const { data: first, error } = await host.client.rpc('create_meetup_series', {
			client_id: randomUUID(),
			target_group: group.id,
			...meetupFields(),
			repeat: 'weekly',
			repeat_until: until
		});
		expect(error).toBeNull();
		const { rows } = await db().query<{ id: string }>(
			`select id from public.meetups
			where series_id = (select series_id from public.meetups where id = $1)
			order by starts_at`,
			[first]
		);
		expect(rows).toHaveLength(3);
		const [one, two, three] = rows.map((row) => row.id);
		const person = await joinedMember(group.id, 'Komt');
		await rsvp(person, one, 'going');
		await rsvp(person, three, 'maybe');

		const { error: moved } = await host.client.rpc('update_meetup_series', {
			meetup: two,
			...meetupFields({
				place: 'Bibliotheek, zaal 2',
				starts_at: weekAheadPlus(7 * 24),
				ends_at: weekAheadPlus(7 * 24 + 2)
			}),
			repeat_until: until
		});
		expect(moved).toBeNull();
		expect(await seen(person, one)).toEqual([]);
		expect(await seen(person, three)).toEqual(['changed']);

		expect((await host.client.rpc('cancel_meetup_series', { meetup: one })).error).toBeNull();
		expect(await seen(person, one)).toEqual(['cancelled']);
		expect(await seen(person, two)).toEqual([]);
		expect(await seen(person, three)).toEqual(['changed', 'cancelled']);
	});
});

describe('reminders', () => {
	test('due from 00:00 Brussels time the day before, also across both clock changes', async () => {
		const dueFrom = async (starts: string) => {
			const { rows } = await db().query<{ due: Date }>(
				'select private.reminder_due_from($1) as due',
				[starts]
			);
			return rows[0].due.toISOString();
		};
		// An ordinary winter Tuesday 14:00 (CET): from Monday 00:00 CET.
		expect(await dueFrom('2026-12-08T13:00:00Z')).toBe('2026-12-06T23:00:00.000Z');
		// Monday after the spring change (Sunday 28 March 2027, 02:00 → 03:00): Sunday 00:00 is
		// still CET (+1).
		expect(await dueFrom('2027-03-29T08:00:00Z')).toBe('2027-03-27T23:00:00.000Z');
		// Sunday of the change itself, 14:00 CEST: from Saturday 00:00 CET.
		expect(await dueFrom('2027-03-28T12:00:00Z')).toBe('2027-03-26T23:00:00.000Z');
		// Monday after the autumn change (Sunday 31 October 2027, 03:00 → 02:00): Sunday 00:00 is
		// still CEST (+2).
		expect(await dueFrom('2027-11-01T09:00:00Z')).toBe('2027-10-30T22:00:00.000Z');
		// A meetup at 00:30 Brussels time: from midnight a day earlier, not half an hour before.
		expect(await dueFrom('2026-12-08T23:30:00Z')).toBe('2026-12-07T23:00:00.000Z');
	});

	test('written at the edges of the window only, once, for those going', async () => {
		const group = await makeGroup();
		const host = await joinedHost(group.id);
		const meetup = await createMeetup(host, group.id, {
			starts_at: '2027-03-29T08:00:00Z',
			ends_at: '2027-03-29T10:00:00Z'
		});
		const going = await joinedMember(group.id, 'Komt');
		const maybe = await joinedMember(group.id, 'Misschien');
		await rsvp(going, meetup, 'going');
		await rsvp(maybe, meetup, 'maybe');
		const write = async (person: Person, at: string) => {
			const { rows } = await db().query<{ n: number }>(
				'select private.create_due_reminders($1, $2) as n',
				[person.id, at]
			);
			return rows[0].n;
		};

		expect(await write(going, '2027-03-27T22:59:59Z')).toBe(0);
		expect(await write(maybe, '2027-03-27T23:00:00Z')).toBe(0);
		expect(await write(going, '2027-03-27T23:00:00Z')).toBe(1);
		expect(await write(going, '2027-03-28T12:00:00Z')).toBe(0);
		expect(await rowsFor(meetup)).toEqual([{ user_id: going.id, kind: 'reminder' }]);

		// Until the start, and not from then on.
		await db().query('delete from public.notifications where meetup_id = $1', [meetup]);
		expect(await write(going, '2027-03-29T08:00:00Z')).toBe(0);
		expect(await write(going, '2027-03-29T07:59:59Z')).toBe(1);

		// Moved to another day: the reminder goes, and comes back the day before the new date.
		await updateMeetup(host, meetup, {
			starts_at: '2027-04-05T08:00:00Z',
			ends_at: '2027-04-05T10:00:00Z'
		});
		expect((await rowsFor(meetup)).map((row) => row.kind)).toEqual(['changed', 'changed']);
		expect(await write(going, '2027-03-29T07:59:59Z')).toBe(0);
		expect(await write(going, '2027-04-04T00:00:00+02:00')).toBe(1);

		// Cancelled: no reminder.
		await db().query(
			`delete from public.notifications where meetup_id = $1 and kind = 'reminder'`,
			[meetup]
		);
		expect((await host.client.rpc('cancel_meetup', { meetup })).error).toBeNull();
		expect(await write(going, '2027-04-04T12:00:00Z')).toBe(0);
	});

	test('appear when the person looks, with nobody running a job, and looking writes nothing', async () => {
		const group = await makeGroup();
		const host = await joinedHost(group.id);
		const soon = await createMeetup(host, group.id, {
			starts_at: inHours(2),
			ends_at: inHours(4)
		});
		const later = await createMeetup(host, group.id, {
			starts_at: inHours(3 * 24),
			ends_at: inHours(3 * 24 + 2)
		});
		const full = await createMeetup(host, group.id, {
			starts_at: inHours(3),
			ends_at: inHours(5),
			capacity: 1
		});
		const person = await joinedMember(group.id, 'Komt');
		const other = await joinedMember(group.id, 'Ander');
		await rsvp(other, full, 'going');
		await rsvp(person, soon, 'going');
		await rsvp(person, later, 'going');
		expect(await rsvp(person, full, 'going')).toBe('waiting');

		expect(await unread(person)).toBe(1);
		expect(await seen(person, soon)).toEqual(['reminder']);
		expect(await seen(person, later)).toEqual([]);
		expect(await seen(person, full)).toEqual([]);
		// Counted and listed, not written: looking twice shows the same and writes nothing.
		expect(await unread(person)).toBe(1);
		expect(await seen(person, soon)).toEqual(['reminder']);
		expect(await rowsFor(soon)).toEqual([]);
		// Shown from when it became due for this person: they said they come after midnight.
		const { data: listed } = await person.client.rpc('page_notifications', {});
		const shown = listed.find((row: { meetup_id: string }) => row.meetup_id === soon);
		expect(shown).toMatchObject({ id: null, kind: 'reminder', read_at: null });
		const { rows: answer } = await db().query<{ updated_at: Date }>(
			`select r.updated_at from public.rsvps r join public.group_members gm on gm.id = r.member_id
			where r.meetup_id = $1 and gm.user_id = $2`,
			[soon, person.id]
		);
		expect(new Date(shown.created_at).getTime()).toBe(answer[0].updated_at.getTime());

		// Read reminders do not come back; marking wrote it, read, at the moment it was shown with.
		await person.client.rpc('mark_notifications_read', {});
		expect(await unread(person)).toBe(0);
		expect(await seen(person, soon)).toEqual(['reminder (read)']);
		const { data: after } = await person.client.rpc('page_notifications', {});
		const written = after.find((row: { meetup_id: string }) => row.meetup_id === soon);
		expect(written.id).not.toBeNull();
		expect(written.created_at).toBe(shown.created_at);
	});

	test('marking read marks what the page showed: written ones by id, due ones by their meetup', async () => {
		const group = await makeGroup();
		const host = await joinedHost(group.id);
		const soon = await createMeetup(host, group.id, { starts_at: inHours(2), ends_at: inHours(4) });
		const alsoSoon = await createMeetup(host, group.id, {
			starts_at: inHours(5),
			ends_at: inHours(6)
		});
		const moved = await createMeetup(host, group.id);
		const person = await joinedMember(group.id, 'Komt');
		await rsvp(person, soon, 'going');
		await rsvp(person, moved, 'going');
		await updateMeetup(host, moved, { place: 'Elders' });
		const { rows } = await db().query<{ id: string }>(
			`select id from public.notifications where user_id = $1 and meetup_id = $2`,
			[person.id, moved]
		);
		expect(await unread(person)).toBe(2);

		// What the page showed: the change and the reminder for soon. Then another becomes due.
		await rsvp(person, alsoSoon, 'going');
		const { data: marked, error } = await person.client.rpc('mark_notifications_read', {
			ids: [rows[0].id],
			reminders: [soon]
		});
		expect(error).toBeNull();
		expect(marked).toBe(2);
		expect(await seen(person, moved)).toEqual(['changed (read)']);
		expect(await seen(person, soon)).toEqual(['reminder (read)']);
		expect(await seen(person, alsoSoon)).toEqual(['reminder']);
		expect(await unread(person)).toBe(1);

		// Someone else's reminder or a meetup that is not due cannot be written by naming it.
		const other = await joinedMember(group.id, 'Ander');
		await rsvp(other, alsoSoon, 'going');
		const later = await createMeetup(host, group.id, {
			starts_at: inHours(72),
			ends_at: inHours(74)
		});
		await rsvp(other, later, 'going');
		expect(
			(await other.client.rpc('mark_notifications_read', { ids: [], reminders: [later, soon] }))
				.data
		).toBe(0);
		expect(await rowsFor(later)).toEqual([]);
		expect(await seen(person, alsoSoon)).toEqual(['reminder']);
	});

	test('the list and the count run read only: opening them starts no write transaction', async () => {
		const group = await makeGroup();
		const host = await joinedHost(group.id);
		const soon = await createMeetup(host, group.id, { starts_at: inHours(2), ends_at: inHours(4) });
		const person = await joinedMember(group.id, 'Komt');
		await rsvp(person, soon, 'going');

		const { rows: volatility } = await db().query<{ name: string; volatility: string }>(
			`select proname as name, provolatile as volatility from pg_catalog.pg_proc
			where pronamespace = 'public'::regnamespace and proname in ('page_notifications', 'app_shell')
			order by 1`
		);
		expect(volatility).toEqual([
			{ name: 'app_shell', volatility: 's' },
			{ name: 'page_notifications', volatility: 's' }
		]);
		const connection = await db().connect();
		try {
			await connection.query('begin');
			await connection.query(`select set_config('request.jwt.claims', $1, true)`, [
				JSON.stringify({ sub: person.id, role: 'authenticated' })
			]);
			await connection.query('set local role authenticated');
			const { rows } = await connection.query(
				`select (select count(*)::int from public.page_notifications()) as listed,
					(public.app_shell() ->> 'unread')::int as unread,
					txid_current_if_assigned() as transaction`
			);
			expect(rows[0]).toEqual({ listed: 1, unread: 1, transaction: null });
		} finally {
			await connection.query('rollback');
			connection.release();
		}
	});

	test('send_due_reminders writes them for everyone, and only the database may run it', async () => {
		const group = await makeGroup();
		const host = await joinedHost(group.id);
		const soon = await createMeetup(host, group.id, { starts_at: inHours(2), ends_at: inHours(3) });
		const people = [await joinedMember(group.id), await joinedMember(group.id)];
		for (const person of people) await rsvp(person, soon, 'going');

		const { error } = await people[0].client.rpc('send_due_reminders');
		expect(error).not.toBeNull();
		expect(await rowsFor(soon)).toEqual([]);

		await db().query('select private.send_due_reminders()');
		const rows = await rowsFor(soon);
		expect(rows.map((row) => row.kind)).toEqual(['reminder', 'reminder']);
		expect(new Set(rows.map((row) => row.user_id))).toEqual(new Set(people.map((p) => p.id)));
		const { rows: again } = await db().query('select private.send_due_reminders() as n');
		expect(again[0].n).toBe(0);
	});
});

describe('privacy', () => {
	test('nobody else reads or marks my notifications', async () => {
		const group = await makeGroup();
		const host = await joinedHost(group.id);
		const meetup = await createMeetup(host, group.id);
		const mine = await joinedMember(group.id, 'Ik');
		const other = await joinedMember(group.id, 'Ander');
		await rsvp(mine, meetup, 'going');
		await rsvp(other, meetup, 'going');
		await updateMeetup(host, meetup, { place: 'Elders' });
		const { rows } = await db().query<{ id: string }>(
			'select id from public.notifications where meetup_id = $1 and user_id = $2',
			[meetup, mine.id]
		);
		const id = rows[0].id;

		const { data: looked } = await other.client.from('notifications').select('id').eq('id', id);
		expect(looked).toEqual([]);
		expect((await host.client.from('notifications').select('id').eq('id', id)).data).toEqual([]);
		const { data: marked } = await other.client.rpc('mark_notifications_read', { ids: [id] });
		expect(marked).toBe(0);
		await host.client.rpc('mark_notifications_read', {});
		await other.client
			.from('notifications')
			.update({ read_at: new Date().toISOString() })
			.eq('id', id);
		expect(await unread(mine)).toBe(1);
		// Marking my own chosen ones works.
		expect((await mine.client.rpc('mark_notifications_read', { ids: [id] })).data).toBe(1);
		expect(await unread(mine)).toBe(0);

		const anonymous = client();
		expect((await anonymous.rpc('page_notifications', {})).error).not.toBeNull();
		expect((await anonymous.rpc('mark_notifications_read', {})).error).not.toBeNull();
		expect((await anonymous.from('notifications').select('id')).data ?? []).toEqual([]);
	});

	test('a removed member no longer reads about the group, and is told nothing new', async () => {
		const group = await makeGroup();
		const host = await joinedHost(group.id);
		const moderator = await joinedModerator(group.id);
		const meetup = await createMeetup(host, group.id);
		const removed = await joinedMember(group.id, 'Weg');
		await rsvp(removed, meetup, 'going');
		await updateMeetup(host, meetup, { place: 'Elders' });
		expect(await seen(removed, meetup)).toEqual(['changed']);

		await moderator.client.rpc('remove_member', {
			member: await membershipId(group.id, removed.id)
		});

		expect(await seen(removed, meetup)).toEqual([]);
		expect(await unread(removed)).toBe(0);
		expect((await removed.client.from('notifications').select('id')).data).toEqual([]);
		await host.client.rpc('cancel_meetup', { meetup });
		const { rows } = await db().query(
			`select kind from public.notifications where user_id = $1 order by created_at`,
			[removed.id]
		);
		expect(rows).toEqual([{ kind: 'changed' }]);
	});
});
