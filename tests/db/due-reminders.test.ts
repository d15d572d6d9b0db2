// Reminders that are due, computed when read (private.due_reminders): the same rule as the one
// that writes them, so the count and the list show a reminder the moment it is due while a page
// view writes nothing. What is written already is no longer "due".
import { describe, expect, test } from 'vitest';
import { db, type Person } from '../support/platform';
import { joinedMember, makeGroup } from '../support/groups';
import { answered, createMeetup, joinedHost } from '../support/meetups';

async function due(person: Person | null, at: string) {
	const { rows } = await db().query<{ user_id: string; meetup_id: string; due_at: Date }>(
		'select user_id, meetup_id, due_at from private.due_reminders($1, $2) order by user_id',
		[person?.id ?? null, at]
	);
	return rows;
}

async function write(person: Person | null, at: string) {
	const { rows } = await db().query<{ n: number }>(
		'select private.create_due_reminders($1, $2) as n',
		[person?.id ?? null, at]
	);
	return rows[0].n;
}

describe('due reminders', () => {
	test('are the ones create_due_reminders writes, at the edges of the window, until written', async () => {
		const group = await makeGroup();
		const host = await joinedHost(group.id);
		// Monday 29 March 2027 10:00 Brussels: due from Saturday 27 March 23:00 UTC (00:00 CET).
		const meetup = await createMeetup(host, group.id, {
			starts_at: '2027-03-29T08:00:00Z',
			ends_at: '2027-03-29T10:00:00Z'
		});
		const going = await joinedMember(group.id, 'Komt');
		const maybe = await joinedMember(group.id, 'Misschien');
		await answered(going, meetup, 'going');
		await answered(maybe, meetup, 'maybe');

		expect(await due(going, '2027-03-27T22:59:59Z')).toEqual([]);
		expect(await due(maybe, '2027-03-27T23:00:00Z')).toEqual([]);
		expect(await due(going, '2027-03-27T23:00:00Z')).toEqual([
			{ user_id: going.id, meetup_id: meetup, due_at: new Date('2027-03-27T23:00:00Z') }
		]);
		expect(await due(going, '2027-03-29T07:59:59Z')).toHaveLength(1);
		expect(await due(going, '2027-03-29T08:00:00Z')).toEqual([]);

		// Computing them writes nothing; writing them once makes them no longer due.
		expect(await due(going, '2027-03-28T12:00:00Z')).toHaveLength(1);
		const { rows: none } = await db().query(
			'select 1 from public.notifications where meetup_id = $1',
			[meetup]
		);
		expect(none).toEqual([]);
		expect(await write(going, '2027-03-28T12:00:00Z')).toBe(1);
		expect(await due(going, '2027-03-28T12:00:00Z')).toEqual([]);
		expect(await write(going, '2027-03-28T12:00:00Z')).toBe(0);
	});

	test('for everyone at once (the job) or for one person only', async () => {
		const group = await makeGroup();
		const host = await joinedHost(group.id);
		const meetup = await createMeetup(host, group.id, {
			starts_at: '2027-05-10T08:00:00Z',
			ends_at: '2027-05-10T10:00:00Z'
		});
		const one = await joinedMember(group.id, 'Een');
		const two = await joinedMember(group.id, 'Twee');
		await answered(one, meetup, 'going');
		await answered(two, meetup, 'going');
		const at = '2027-05-09T12:00:00Z';

		expect((await due(one, at)).map((row) => row.user_id)).toEqual([one.id]);
		const everyone = (await due(null, at)).filter((row) => row.meetup_id === meetup);
		expect(everyone.map((row) => row.user_id).sort()).toEqual([one.id, two.id].sort());

		expect(await write(one, at)).toBe(1);
		expect((await due(null, at)).filter((row) => row.meetup_id === meetup)).toEqual([
			expect.objectContaining({ user_id: two.id })
		]);
	});

	test('run in a read-only transaction: the function is stable and writes nothing', async () => {
		const { rows } = await db().query<{ volatility: string }>(
			`select provolatile as volatility from pg_catalog.pg_proc
			where oid = 'private.due_reminders(uuid, timestamptz)'::regprocedure`
		);
		expect(rows[0].volatility).toBe('s');
		const connection = await db().connect();
		try {
			await connection.query('begin transaction read only');
			await connection.query('select * from private.due_reminders(null, now())');
			const { rows: xid } = await connection.query<{ xid: string | null }>(
				'select txid_current_if_assigned()::text as xid'
			);
			expect(xid[0].xid).toBeNull();
		} finally {
			await connection.query('rollback');
			connection.release();
		}
	});
});
