import { describe, expect, test } from 'vitest';
import { keptClock } from './kept-clock';

// Wednesday 25 November 2026, 10:00 in Brussels.
const now = new Date('2026-11-25T09:00:00Z');

describe('a kept page read later', () => {
	test('says how long ago and when from now, in the language of the page', () => {
		const clock = keptClock('nl', now);
		expect(clock.ago('2026-11-22T09:00:00Z')).toBe('3 dagen geleden');
		expect(clock.when('2026-11-25T13:00:00Z', '2026-11-25T15:00:00Z')).toBe('vandaag 14:00–16:00');
		expect(keptClock('fr', now).ago('2026-11-25T07:00:00Z')).toBe('il y a 2 heures');
	});

	test('says when it was kept: the hour today, the day and hour before', () => {
		expect(keptClock('nl', now).keptAt(new Date('2026-11-25T06:32:00Z'))).toBe('om 07:32');
		expect(keptClock('nl', now).keptAt(new Date('2026-11-22T13:32:00Z'))).toBe(
			'zondag 22 november om 14:32'
		);
		expect(keptClock('fr', now).keptAt(new Date('2026-11-22T13:32:00Z'))).toBe(
			'dimanche 22 novembre à 14:32'
		);
		expect(keptClock('en', now).keptAt(new Date('2026-11-25T06:32:00Z'))).toBe('at 07:32');
	});

	test('"today" is the day in Brussels, whatever the hour in UTC', () => {
		// 00:10 on 25 November in Brussels (23:10 UTC on the 24th).
		const justAfterMidnight = new Date('2026-11-24T23:10:00Z');
		expect(keptClock('nl', justAfterMidnight).keptAt(new Date('2026-11-24T23:05:00Z'))).toBe(
			'om 00:05'
		);
		expect(keptClock('nl', justAfterMidnight).keptAt(new Date('2026-11-24T22:50:00Z'))).toBe(
			'dinsdag 24 november om 23:50'
		);
	});
});
