import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { meetupDateAndHours, meetupMoment, meetupWhen, timeAgo } from './time';

describe('timeAgo', () => {
	const now = new Date('2026-11-25T12:00:00Z');
	test('says hours in Dutch, French and English', () => {
		const twoHoursAgo = new Date('2026-11-25T10:00:00Z');
		expect(timeAgo(twoHoursAgo, 'nl', now)).toBe('2 uur geleden');
		expect(timeAgo(twoHoursAgo, 'fr', now)).toBe('il y a 2 heures');
		expect(timeAgo(twoHoursAgo, 'en', now)).toBe('2 hours ago');
	});
	test('says "yesterday" rather than "1 day ago"', () => {
		expect(timeAgo(new Date('2026-11-24T11:00:00Z'), 'nl', now)).toBe('gisteren');
	});
	test('a moment ago is "just now", never a time in the future', () => {
		expect(timeAgo(new Date('2026-11-25T11:59:50Z'), 'en', now)).toBe('just now');
		expect(timeAgo(new Date('2026-11-25T11:59:50Z'), 'nl', now)).toBe('zonet');
		expect(timeAgo(new Date('2026-11-25T12:00:01Z'), 'fr', now)).toBe("à l'instant");
	});
});

describe('meetupWhen', () => {
	// Wednesday 25 November 2026, 10:00 in Brussels (09:00 UTC, winter time).
	const now = new Date('2026-11-25T09:00:00Z');
	const at = (start: string, end: string, locale: string, from = now) =>
		meetupWhen(new Date(start), new Date(end), locale, from);

	test('today and tomorrow, in Dutch, French and English', () => {
		expect(at('2026-11-25T13:00:00Z', '2026-11-25T15:00:00Z', 'nl')).toBe('vandaag 14:00–16:00');
		expect(at('2026-11-26T13:00:00Z', '2026-11-26T15:00:00Z', 'nl')).toBe('morgen 14:00–16:00');
		expect(at('2026-11-26T13:00:00Z', '2026-11-26T15:00:00Z', 'fr')).toBe('demain 14:00–16:00');
		expect(at('2026-11-25T13:00:00Z', '2026-11-25T15:00:00Z', 'en')).toBe('today 14:00–16:00');
	});

	test('a day later this week is its weekday; one in next week is "next" weekday', () => {
		// Friday of this week.
		expect(at('2026-11-27T13:00:00Z', '2026-11-27T15:00:00Z', 'nl')).toBe('vrijdag 14:00–16:00');
		expect(at('2026-11-27T13:00:00Z', '2026-11-27T15:00:00Z', 'en')).toBe('Friday 14:00–16:00');
		// Tuesday of next week, six days ahead.
		expect(at('2026-12-01T13:00:00Z', '2026-12-01T15:00:00Z', 'nl')).toBe(
			'volgende dinsdag 14:00–16:00'
		);
		expect(at('2026-12-01T13:00:00Z', '2026-12-01T15:00:00Z', 'fr')).toBe(
			'mardi prochain 14:00–16:00'
		);
		expect(at('2026-12-01T13:00:00Z', '2026-12-01T15:00:00Z', 'en')).toBe(
			'next Tuesday 14:00–16:00'
		);
	});

	test('a week or more ahead is a date; another year says the year', () => {
		expect(at('2026-12-02T13:00:00Z', '2026-12-02T15:00:00Z', 'nl')).toBe(
			'woensdag 2 december 14:00–16:00'
		);
		expect(at('2026-12-02T13:00:00Z', '2026-12-02T15:00:00Z', 'fr')).toBe(
			'mercredi 2 décembre 14:00–16:00'
		);
		expect(at('2026-12-02T13:00:00Z', '2026-12-02T15:00:00Z', 'en')).toBe(
			'Wednesday 2 December 14:00–16:00'
		);
		expect(at('2027-01-05T13:00:00Z', '2027-01-05T15:00:00Z', 'nl')).toBe(
			'dinsdag 5 januari 2027 14:00–16:00'
		);
		expect(at('2027-01-05T13:00:00Z', '2027-01-05T15:00:00Z', 'en')).toBe(
			'Tuesday, 5 January 2027 14:00–16:00'
		);
	});

	test('the day is the Brussels day: late in the evening UTC is already tomorrow', () => {
		// 23:30 UTC on Wednesday is 00:30 on Thursday in Brussels.
		expect(at('2026-11-25T23:30:00Z', '2026-11-26T01:00:00Z', 'nl')).toBe('morgen 00:30–02:00');
		// Shortly after midnight in Brussels (still yesterday in UTC), a meetup that afternoon is today.
		const justAfterMidnight = new Date('2026-11-25T23:10:00Z');
		expect(at('2026-11-26T13:00:00Z', '2026-11-26T15:00:00Z', 'nl', justAfterMidnight)).toBe(
			'vandaag 14:00–16:00'
		);
	});

	test('across the spring change (last Sunday of March) 14:00 stays 14:00', () => {
		// Saturday 28 March 2026, 23:30 in Brussels (winter time); Sunday 29 March is summer time.
		const saturdayNight = new Date('2026-03-28T22:30:00Z');
		expect(at('2026-03-29T12:00:00Z', '2026-03-29T14:00:00Z', 'nl', saturdayNight)).toBe(
			'morgen 14:00–16:00'
		);
		// The Sunday before the change, a week later is Sunday 29 March: a date, in summer time.
		const weekBefore = new Date('2026-03-22T10:00:00Z');
		expect(at('2026-03-29T12:00:00Z', '2026-03-29T14:00:00Z', 'fr', weekBefore)).toBe(
			'dimanche 29 mars 14:00–16:00'
		);
	});

	test('across the autumn change (last Sunday of October) 14:00 stays 14:00', () => {
		// Saturday 24 October 2026, 12:00 in Brussels (summer time); Sunday 25 is winter time.
		const saturday = new Date('2026-10-24T10:00:00Z');
		expect(at('2026-10-25T13:00:00Z', '2026-10-25T15:00:00Z', 'en', saturday)).toBe(
			'tomorrow 14:00–16:00'
		);
		// A whole week on, across the change: Saturday to next Saturday is a date, not "next".
		expect(at('2026-10-31T13:00:00Z', '2026-10-31T15:00:00Z', 'nl', saturday)).toBe(
			'zaterdag 31 oktober 14:00–16:00'
		);
		// Friday 23 October, 23:30 summer time, to Tuesday after the change: next week's Tuesday.
		const fridayNight = new Date('2026-10-23T21:30:00Z');
		expect(at('2026-10-27T13:00:00Z', '2026-10-27T15:00:00Z', 'nl', fridayNight)).toBe(
			'volgende dinsdag 14:00–16:00'
		);
	});

	test('a meetup that ends after midnight says both days', () => {
		expect(at('2026-11-27T20:00:00Z', '2026-11-27T23:30:00Z', 'nl')).toBe(
			'vrijdag 21:00 – zaterdag 00:30'
		);
	});

	describe('on a server that is not in Brussels', () => {
		const serverZone = process.env.TZ;
		beforeAll(() => {
			// Honolulu (−10:00) and Kiritimati (+14:00) put the server's own date on another day.
			process.env.TZ = 'Pacific/Honolulu';
		});
		afterAll(() => {
			process.env.TZ = serverZone;
			if (serverZone === undefined) delete process.env.TZ;
		});

		test('says the same words as in Brussels', () => {
			expect(new Date('2026-11-25T09:00:00Z').getHours()).toBe(23);
			expect(at('2026-11-25T13:00:00Z', '2026-11-25T15:00:00Z', 'nl')).toBe('vandaag 14:00–16:00');
			expect(at('2026-12-01T13:00:00Z', '2026-12-01T15:00:00Z', 'en')).toBe(
				'next Tuesday 14:00–16:00'
			);
			process.env.TZ = 'Pacific/Kiritimati';
			expect(new Date('2026-11-25T09:00:00Z').getHours()).toBe(23);
			expect(at('2026-11-26T13:00:00Z', '2026-11-26T15:00:00Z', 'fr')).toBe('demain 14:00–16:00');
		});
	});
});

describe('meetupDateAndHours and meetupMoment', () => {
	test('English is said as in Belgium: day before month, 24-hour clock', () => {
		const starts = '2026-11-28T13:00:00Z';
		const ends = '2026-11-28T15:00:00Z';
		expect(meetupDateAndHours(starts, ends, 'en')).toBe('Saturday 28 November, 14:00–16:00');
		expect(meetupDateAndHours(starts, ends, 'nl')).toBe('zaterdag 28 november, 14:00–16:00');
		expect(meetupMoment(starts, 'en')).toBe('Saturday 28 November at 14:00');
		expect(meetupMoment(starts, 'nl')).toBe('zaterdag 28 november om 14:00');
	});
});
