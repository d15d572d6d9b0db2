import { describe, expect, it } from 'vitest';
import {
	addMonths,
	brusselsToInstant,
	instantToBrussels,
	isDate,
	nthWeekday,
	weekdayName
} from './zoned';

const iso = (date: Date | null) => date?.toISOString() ?? null;

describe('brusselsToInstant', () => {
	it('reads winter and summer clock times with their own offset', () => {
		expect(iso(brusselsToInstant('2026-01-13', '14:00'))).toBe('2026-01-13T13:00:00.000Z');
		expect(iso(brusselsToInstant('2026-07-14', '14:00'))).toBe('2026-07-14T12:00:00.000Z');
	});

	it('keeps 14:00 on a Brussels clock on both sides of the March change', () => {
		expect(iso(brusselsToInstant('2027-03-27', '14:00'))).toBe('2027-03-27T13:00:00.000Z');
		expect(iso(brusselsToInstant('2027-03-28', '14:00'))).toBe('2027-03-28T12:00:00.000Z');
	});

	it('refuses a time in the spring gap instead of moving it', () => {
		// Last Sunday of March 2027: at 02:00 the clock jumps to 03:00.
		expect(brusselsToInstant('2027-03-28', '02:30')).toBeNull();
		expect(brusselsToInstant('2027-03-28', '02:00')).toBeNull();
		expect(iso(brusselsToInstant('2027-03-28', '01:59'))).toBe('2027-03-28T00:59:00.000Z');
		expect(iso(brusselsToInstant('2027-03-28', '03:00'))).toBe('2027-03-28T01:00:00.000Z');
	});

	it('takes the first of the two 02:30s in the October fold', () => {
		// Last Sunday of October 2026: at 03:00 summer time the clock goes back to 02:00.
		expect(iso(brusselsToInstant('2026-10-25', '02:30'))).toBe('2026-10-25T00:30:00.000Z');
		expect(iso(brusselsToInstant('2026-10-25', '03:00'))).toBe('2026-10-25T02:00:00.000Z');
		expect(iso(brusselsToInstant('2026-10-25', '01:30'))).toBe('2026-10-24T23:30:00.000Z');
	});

	it('refuses what is not a date or a time', () => {
		expect(brusselsToInstant('2026-02-30', '14:00')).toBeNull();
		expect(brusselsToInstant('', '14:00')).toBeNull();
		expect(brusselsToInstant('2026-02-03', '24:00')).toBeNull();
		expect(brusselsToInstant('2026-02-03', '9:00')).toBeNull();
		expect(iso(brusselsToInstant('2026-02-03', '09:00:00'))).toBe('2026-02-03T08:00:00.000Z');
	});

	it('does not depend on the time zone the process runs in', () => {
		// The answer is fixed above whatever TZ is; here we check the reverse is its inverse for
		// every quarter hour of a day with a change in it.
		for (const date of ['2026-03-29', '2026-10-25', '2026-06-01']) {
			for (let minutes = 0; minutes < 24 * 60; minutes += 15) {
				const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
				const instant = brusselsToInstant(date, time);
				if (instant) expect(instantToBrussels(instant)).toEqual({ date, time });
				else expect(date === '2026-03-29' && time >= '02:00' && time < '03:00').toBe(true);
			}
		}
	});
});

describe('instantToBrussels', () => {
	it('prefills the form with the Brussels date and time', () => {
		expect(instantToBrussels('2026-07-14T12:00:00Z')).toEqual({
			date: '2026-07-14',
			time: '14:00'
		});
		// 23:30 UTC on New Year's Eve is already the next day in Brussels.
		expect(instantToBrussels('2026-12-31T23:30:00Z')).toEqual({
			date: '2027-01-01',
			time: '00:30'
		});
		// Both 02:30s of the fold read as 02:30.
		expect(instantToBrussels('2026-10-25T00:30:00Z').time).toBe('02:30');
		expect(instantToBrussels('2026-10-25T01:30:00Z').time).toBe('02:30');
	});
});

describe('calendar helpers', () => {
	it('adds months and stays in the month', () => {
		expect(addMonths('2026-01-15', 3)).toBe('2026-04-15');
		expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
		expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
		expect(addMonths('2026-05-01', 12)).toBe('2027-05-01');
	});

	it('finds the n-th weekday, the fifth week being the last', () => {
		expect(nthWeekday('2026-12-08')).toEqual({ nth: 2, weekday: 2 });
		expect(nthWeekday('2026-12-01')).toEqual({ nth: 1, weekday: 2 });
		expect(nthWeekday('2026-12-28')).toEqual({ nth: 4, weekday: 1 });
		expect(nthWeekday('2026-12-29')).toEqual({ nth: 'last', weekday: 2 });
	});

	it('names the weekday in the person language', () => {
		expect(weekdayName('2026-12-08', 'nl')).toBe('dinsdag');
		expect(weekdayName('2026-12-08', 'fr')).toBe('mardi');
		expect(weekdayName('2026-12-08', 'en')).toBe('Tuesday');
	});

	it('knows real dates', () => {
		expect(isDate('2028-02-29')).toBe(true);
		expect(isDate('2027-02-29')).toBe(false);
		expect(isDate('2027-13-01')).toBe(false);
	});
});
