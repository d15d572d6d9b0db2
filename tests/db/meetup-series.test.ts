// Meetups that repeat: concrete dated occurrences at the same Brussels wall-clock time,
// editing one or all later ones, and cancelling from one onwards.
import { randomUUID } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { db, type Person } from '../support/platform';
import { joinedMember, makeGroup } from '../support/groups';
import { joinedHost, meetupFields, rsvp } from '../support/meetups';

/** A Brussels wall-clock time as the instant it stands for (the test's own TZ does not matter). */
async function brussels(local: string): Promise<string> {
	const { rows } = await db().query<{ at: Date }>(
		`select ($1::timestamp at time zone 'Europe/Brussels') as at`,
		[local]
	);
	return rows[0].at.toISOString();
}

async function createSeries(
	host: Person,
	groupId: string,
	from: string,
	to: string,
	repeat: string,
	repeatUntil: string,
	overrides: Record<string, unknown> = {},
	clientId = randomUUID()
) {
	return host.client.rpc('create_meetup_series', {
		client_id: clientId,
		target_group: groupId,
		...meetupFields({ starts_at: await brussels(from), ends_at: await brussels(to), ...overrides }),
		repeat,
		repeat_until: repeatUntil
	});
}

interface Occurrence {
	id: string;
	on: string;
	local: string;
	utc: string;
	status: string;
	title: string;
	capacity: number | null;
}

async function occurrences(meetup: string): Promise<Occurrence[]> {
	const { rows } = await db().query<Occurrence>(
		`select o.id, o.occurrence_on::text as on, o.status, o.title, o.capacity,
			to_char(o.starts_at at time zone 'Europe/Brussels', 'YYYY-MM-DD HH24:MI') || '–' ||
				to_char(o.ends_at at time zone 'Europe/Brussels', 'HH24:MI') as local,
			to_char(o.starts_at at time zone 'UTC', 'HH24:MI') as utc
		from public.meetups m join public.meetups o on o.series_id = m.series_id
		where m.id = $1 order by o.starts_at`,
		[meetup]
	);
	return rows;
}

async function seriesSetup() {
	const group = await makeGroup();
	const host = await joinedHost(group.id);
	return { group, host };
}

describe('making a series', () => {
	test('a weekly 14:00 meetup stays at 14:00 in Brussels across both daylight-saving changes', async () => {
		const { group, host } = await seriesSetup();
		const { data: first, error } = await createSeries(
			host,
			group.id,
			'2027-03-16 14:00',
			'2027-03-16 16:00',
			'weekly',
			'2027-11-09'
		);
		expect(error).toBeNull();
		const all = await occurrences(first);
		expect(all).toHaveLength(35);
		expect(all[0].id).toBe(first);
		expect(new Set(all.map((o) => o.local.slice(11)))).toEqual(new Set(['14:00–16:00']));
		const utcOn = (day: string) => all.find((o) => o.on === day)?.utc;
		// Summer time starts on Sunday 28 March 2027 and ends on Sunday 31 October 2027.
		expect(utcOn('2027-03-23')).toBe('13:00');
		expect(utcOn('2027-03-30')).toBe('12:00');
		expect(utcOn('2027-10-26')).toBe('12:00');
		expect(utcOn('2027-11-02')).toBe('13:00');
	});

	test('every two weeks, and monthly on the n-th or the last weekday', async () => {
		const { group, host } = await seriesSetup();
		const dates = async (from: string, repeat: string, until: string) => {
			const { data, error } = await createSeries(
				host,
				group.id,
				`${from} 19:30`,
				`${from} 21:00`,
				repeat,
				until
			);
			expect(error).toBeNull();
			return (await occurrences(data)).map((o) => o.on);
		};
		expect(await dates('2027-01-05', 'every_two_weeks', '2027-02-16')).toEqual([
			'2027-01-05',
			'2027-01-19',
			'2027-02-02',
			'2027-02-16'
		]);
		// 12 January 2027 is the second Tuesday of the month.
		expect(await dates('2027-01-12', 'monthly_nth_weekday', '2027-05-31')).toEqual([
			'2027-01-12',
			'2027-02-09',
			'2027-03-09',
			'2027-04-13',
			'2027-05-11'
		]);
		// 29 January 2027 is in the fifth week: the last Friday of every month.
		expect(await dates('2027-01-29', 'monthly_nth_weekday', '2027-04-30')).toEqual([
			'2027-01-29',
			'2027-02-26',
			'2027-03-26',
			'2027-04-30'
		]);
	});

	test('a meetup that runs past midnight keeps its length on every date', async () => {
		const { group, host } = await seriesSetup();
		const { data } = await createSeries(
			host,
			group.id,
			'2027-03-20 22:00',
			'2027-03-21 01:00',
			'weekly',
			'2027-04-03'
		);
		expect((await occurrences(data)).map((o) => o.local)).toEqual([
			'2027-03-20 22:00–01:00',
			'2027-03-27 22:00–01:00',
			'2027-04-03 22:00–01:00'
		]);
	});

	test('a retried request makes the series once', async () => {
		const { group, host } = await seriesSetup();
		const clientId = randomUUID();
		const make = () =>
			createSeries(
				host,
				group.id,
				'2027-02-02 14:00',
				'2027-02-02 16:00',
				'weekly',
				'2027-03-02',
				{},
				clientId
			);
		const [a, b] = await Promise.all([make(), make()]);
		expect(a.error).toBeNull();
		expect(b.data).toBe(a.data);
		const { rows } = await db().query('select 1 from public.meetup_series where group_id = $1', [
			group.id
		]);
		expect(rows).toHaveLength(1);
		expect(await occurrences(a.data)).toHaveLength(5);
	});

	test('only hosts and moderators make one, and the end date must be within a year', async () => {
		const { group, host } = await seriesSetup();
		const member = await joinedMember(group.id);
		const refused = await createSeries(
			member,
			group.id,
			'2027-02-02 14:00',
			'2027-02-02 16:00',
			'weekly',
			'2027-03-02'
		);
		expect(refused.error?.message).toBe('not_allowed');
		for (const until of ['2027-02-01', '2028-02-03', null]) {
			const { error } = await createSeries(
				host,
				group.id,
				'2027-02-02 14:00',
				'2027-02-02 16:00',
				'weekly',
				until as string
			);
			expect(error?.message).toBe('meetup_repeat_until_invalid');
		}
		const { rows } = await db().query('select 1 from public.meetups where group_id = $1', [
			group.id
		]);
		expect(rows).toHaveLength(0);
	});
});

describe('changing a series', () => {
	async function weekly(capacity: number | null = null) {
		const { group, host } = await seriesSetup();
		const { data } = await createSeries(
			host,
			group.id,
			'2027-02-02 14:00',
			'2027-02-02 16:00',
			'weekly',
			'2027-03-02',
			{ capacity }
		);
		return { group, host, all: await occurrences(data) };
	}

	test('an RSVP and a change belong to one occurrence only', async () => {
		const { group, host, all } = await weekly();
		const member = await joinedMember(group.id);
		expect((await rsvp(member, all[1].id, 'going')).error).toBeNull();
		const { error } = await host.client.rpc('update_meetup', {
			meetup: all[1].id,
			...meetupFields({
				title: 'Soep en babbel (in de tuin)',
				starts_at: await brussels('2027-02-10 15:00'),
				ends_at: await brussels('2027-02-10 17:00')
			})
		});
		expect(error).toBeNull();
		const after = await occurrences(all[0].id);
		expect(after.map((o) => [o.on, o.local, o.title])).toEqual([
			['2027-02-02', '2027-02-02 14:00–16:00', 'Soep en babbel'],
			['2027-02-09', '2027-02-10 15:00–17:00', 'Soep en babbel (in de tuin)'],
			['2027-02-16', '2027-02-16 14:00–16:00', 'Soep en babbel'],
			['2027-02-23', '2027-02-23 14:00–16:00', 'Soep en babbel'],
			['2027-03-02', '2027-03-02 14:00–16:00', 'Soep en babbel']
		]);
		const { rows } = await db().query('select meetup_id from public.rsvps');
		expect(rows.filter((r) => all.some((o) => o.id === r.meetup_id))).toEqual([
			{ meetup_id: all[1].id }
		]);
	});

	test('"this one and all later ones" changes those, at their own dates, and leaves earlier ones', async () => {
		const { host, all } = await weekly();
		const { error } = await host.client.rpc('update_meetup_series', {
			meetup: all[2].id,
			...meetupFields({
				title: 'Praatcafé',
				starts_at: await brussels('2027-02-16 18:00'),
				ends_at: await brussels('2027-02-16 20:30')
			}),
			repeat_until: '2027-03-02'
		});
		expect(error).toBeNull();
		expect((await occurrences(all[0].id)).map((o) => [o.local, o.title])).toEqual([
			['2027-02-02 14:00–16:00', 'Soep en babbel'],
			['2027-02-09 14:00–16:00', 'Soep en babbel'],
			['2027-02-16 18:00–20:30', 'Praatcafé'],
			['2027-02-23 18:00–20:30', 'Praatcafé'],
			['2027-03-02 18:00–20:30', 'Praatcafé']
		]);
	});

	test('a later end adds dates; an earlier end removes unanswered ones and cancels answered ones', async () => {
		const { group, host, all } = await weekly();
		const member = await joinedMember(group.id);
		await rsvp(member, all[4].id, 'going');
		const change = async (until: string) =>
			host.client.rpc('update_meetup_series', {
				meetup: all[0].id,
				...meetupFields({
					starts_at: await brussels('2027-02-02 14:00'),
					ends_at: await brussels('2027-02-02 16:00')
				}),
				repeat_until: until
			});

		expect((await change('2027-03-16')).error).toBeNull();
		expect((await occurrences(all[0].id)).map((o) => o.on)).toEqual([
			'2027-02-02',
			'2027-02-09',
			'2027-02-16',
			'2027-02-23',
			'2027-03-02',
			'2027-03-09',
			'2027-03-16'
		]);

		expect((await change('2027-02-16')).error).toBeNull();
		expect((await occurrences(all[0].id)).map((o) => [o.on, o.status])).toEqual([
			['2027-02-02', 'scheduled'],
			['2027-02-09', 'scheduled'],
			['2027-02-16', 'scheduled'],
			['2027-03-02', 'cancelled']
		]);
	});

	test('more places in the series let the first waiting people in', async () => {
		const { group, host, all } = await weekly(1);
		const [a, b] = [await joinedMember(group.id, 'An'), await joinedMember(group.id, 'Bo')];
		await rsvp(a, all[3].id, 'going');
		expect((await rsvp(b, all[3].id, 'going')).data).toBe('waiting');
		const { error } = await host.client.rpc('update_meetup_series', {
			meetup: all[1].id,
			...meetupFields({
				capacity: 2,
				starts_at: await brussels('2027-02-09 14:00'),
				ends_at: await brussels('2027-02-09 16:00')
			}),
			repeat_until: '2027-03-02'
		});
		expect(error).toBeNull();
		const { rows } = await db().query(
			'select status, promoted_at is not null as promoted from public.rsvps where meetup_id = $1 order by created_at',
			[all[3].id]
		);
		expect(rows).toEqual([
			{ status: 'going', promoted: false },
			{ status: 'going', promoted: true }
		]);
	});

	test('the weekday of a series does not move, and a one-off is not a series', async () => {
		const { group, host, all } = await weekly();
		const moved = await host.client.rpc('update_meetup_series', {
			meetup: all[1].id,
			...meetupFields({
				starts_at: await brussels('2027-02-10 14:00'),
				ends_at: await brussels('2027-02-10 16:00')
			}),
			repeat_until: '2027-03-02'
		});
		expect(moved.error?.message).toBe('meetup_series_day_change');
		const { data: oneOff } = await host.client.rpc('create_meetup', {
			client_id: randomUUID(),
			target_group: group.id,
			...meetupFields()
		});
		const notSeries = await host.client.rpc('cancel_meetup_series', { meetup: oneOff });
		expect(notSeries.error?.message).toBe('not_in_a_series');
	});

	test('cancelling from one occurrence onwards keeps the earlier ones; a member cannot', async () => {
		const { group, host, all } = await weekly();
		const member = await joinedMember(group.id);
		const refused = await member.client.rpc('cancel_meetup_series', { meetup: all[2].id });
		expect(refused.error?.message).toBe('not_allowed');
		const refusedEdit = await member.client.rpc('update_meetup_series', {
			meetup: all[2].id,
			...meetupFields({
				starts_at: await brussels('2027-02-16 14:00'),
				ends_at: await brussels('2027-02-16 16:00')
			}),
			repeat_until: '2027-03-02'
		});
		expect(refusedEdit.error?.message).toBe('not_allowed');
		expect((await host.client.rpc('cancel_meetup_series', { meetup: all[2].id })).error).toBeNull();
		expect((await occurrences(all[0].id)).map((o) => o.status)).toEqual([
			'scheduled',
			'scheduled',
			'cancelled',
			'cancelled',
			'cancelled'
		]);
	});
});
