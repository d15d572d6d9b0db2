import { describe, expect, test } from 'vitest';
import { keptMaxAgeMs } from '$lib/pwa/shared-phone';
import { leftBehind } from './left-behind';

const now = Date.UTC(2026, 10, 30, 12);
const old = { at: now - keptMaxAgeMs - 60_000 };
const recent = { at: now - 60_000 };

describe('what a person left in the outbox when their session ended', () => {
	test('goes once someone else is signed in and it is past the age limit', () => {
		expect(leftBehind(old, 'karim', 'els', now)).toBe(true);
	});

	test('goes once no one is signed in and it is past the age limit', () => {
		expect(leftBehind(old, 'karim', 'none', now)).toBe(true);
	});

	test('waits for its writer while it is recent', () => {
		expect(leftBehind(recent, 'karim', 'els', now)).toBe(false);
		expect(leftBehind(recent, 'karim', 'none', now)).toBe(false);
	});

	test('is never removed while its writer is the one signed in, however old', () => {
		expect(leftBehind(old, 'karim', 'karim', now)).toBe(false);
		expect(leftBehind({ at: 0 }, 'karim', 'karim', now)).toBe(false);
	});
});
