import { describe, expect, test } from 'vitest';
import { lastReportDay, periodFrom, periodSearch, quarterDays, recentQuarters } from './report';

const ask = (query: string) => periodFrom(new URLSearchParams(query), '2026-11-29');

describe('the impact report period', () => {
	test('without one, it is the last quarter that is over', () => {
		expect(ask('')).toMatchObject({
			kind: 'quarter',
			from: '2026-07-01',
			to: '2026-09-30',
			valid: true
		});
		expect(periodFrom(new URLSearchParams(), '2026-10-01')).toMatchObject({
			from: '2026-07-01',
			to: '2026-09-30'
		});
		expect(periodFrom(new URLSearchParams(), '2027-01-05')).toMatchObject({
			from: '2026-10-01',
			to: '2026-12-31',
			year: '2026'
		});
	});

	test('a period runs up to the end of the last whole month, never into this one', () => {
		// This month's figures grow: asked twice, they would show who came in between.
		expect(lastReportDay('2026-11-29')).toBe('2026-10-31');
		expect(lastReportDay('2026-03-01')).toBe('2026-02-28');
		expect(lastReportDay('2027-01-31')).toBe('2026-12-31');
		expect(ask('period=quarter&quarter=2026-Q4')).toMatchObject({
			from: '2026-10-01',
			to: '2026-10-31',
			valid: true
		});
		expect(ask('period=year&year=2026')).toMatchObject({
			from: '2026-01-01',
			to: '2026-10-31',
			valid: true
		});
		expect(ask('period=range&from=2026-09-03&to=2026-12-06')).toMatchObject({
			from: '2026-09-01',
			to: '2026-10-31',
			valid: true
		});
		for (const query of [
			'period=range&from=2026-11-01&to=2026-11-29',
			'period=quarter&quarter=2027-Q1',
			'period=year&year=2027'
		]) {
			expect(ask(query), query).toMatchObject({ from: '2026-07-01', valid: false });
		}
	});

	test('a quarter, a year and a range give their first and last day', () => {
		expect(quarterDays('2024-Q1')).toEqual({ from: '2024-01-01', to: '2024-03-31' });
		expect(ask('period=quarter&quarter=2026-Q2')).toMatchObject({
			from: '2026-04-01',
			to: '2026-06-30'
		});
		expect(ask('period=year&year=2025')).toMatchObject({ from: '2025-01-01', to: '2025-12-31' });
		// A range is whole months: days within them are rounded out.
		expect(ask('period=range&from=2026-02-03&to=2026-05-06')).toMatchObject({
			kind: 'range',
			from: '2026-02-01',
			to: '2026-05-31'
		});
		expect(ask('period=range&from=2024-02-29&to=2024-02-29')).toMatchObject({
			from: '2024-02-01',
			to: '2024-02-29'
		});
	});

	test('what is not a period falls back to the last whole quarter and says so', () => {
		for (const query of [
			'period=range&from=2026-05-06&to=2026-02-03',
			'period=range&from=2020-01-01&to=2026-01-01',
			'period=quarter&quarter=2026-Q5',
			'period=week',
			// Postgres has no year 0: the words, not an error page.
			'period=year&year=0000',
			'period=quarter&quarter=0000-Q1',
			'period=year&year=1999',
			'period=year&year=2101',
			'period=range&from=0001-01-01&to=0001-02-01',
			'period=range&from=9999-01-01&to=9999-02-01'
		]) {
			expect(ask(query)).toMatchObject({ kind: 'quarter', from: '2026-07-01', valid: false });
		}
	});

	test('the picker offers the last quarters, across a year', () => {
		expect(recentQuarters('2026-02-10', 3)).toEqual(['2026-Q1', '2025-Q4', '2025-Q3']);
	});

	test('the CSV link asks for the same period', () => {
		for (const query of [
			'period=range&from=2026-02-03&to=2026-05-06',
			'period=quarter&quarter=2026-Q4'
		]) {
			const period = ask(query);
			expect(ask(periodSearch(period))).toEqual(period);
		}
	});
});
