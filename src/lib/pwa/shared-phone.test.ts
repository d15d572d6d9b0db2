import { describe, expect, test } from 'vitest';
import { personKey } from '$lib/server/offline-headers';
import { keptMaxAgeMs, keptTooOld, personKeyOf } from './shared-phone';

const now = Date.UTC(2026, 10, 30, 12);
const day = 24 * 60 * 60 * 1000;

describe('how long what a person left on the phone is shown', () => {
	test('a page kept today or thirteen days ago is shown', () => {
		expect(keptTooOld(now - 60_000, now)).toBe(false);
		expect(keptTooOld(now - 13 * day, now)).toBe(false);
		expect(keptTooOld(now - keptMaxAgeMs, now)).toBe(false);
	});

	test('past two weeks it is not shown', () => {
		expect(keptMaxAgeMs).toBe(14 * day);
		expect(keptTooOld(now - keptMaxAgeMs - 1, now)).toBe(true);
		expect(keptTooOld(now - 400 * day, now)).toBe(true);
	});

	test('without a time, or kept "in the future" (the clock was set back), it is not shown', () => {
		for (const savedAt of [Number.NaN, 0, -1, Number(null), now + 2 * day]) {
			expect(keptTooOld(savedAt, now)).toBe(true);
		}
		expect(keptTooOld(now + 60_000, now)).toBe(false);
	});
});

describe("the worker's key of a person", () => {
	test('is the key the server sends for that person, and does not show their id', async () => {
		for (const id of ['6f1c2a8e-1111-4222-8333-944455556666', crypto.randomUUID()]) {
			const key = await personKeyOf(id);
			expect(key).toBe(personKey(id));
			expect(key).toMatch(/^[0-9a-f]{32}$/);
			expect(key).not.toContain(id.slice(0, 8));
		}
	});
});
