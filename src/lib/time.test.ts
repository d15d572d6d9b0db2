import { describe, expect, test } from 'vitest';
import { timeAgo } from './time';

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
