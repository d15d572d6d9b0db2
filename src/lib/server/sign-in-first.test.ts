import { describe, expect, test } from 'vitest';
import { isAdminInvite, signInAddress, signInFirst } from './sign-in-first';

describe('signing in first', () => {
	test('pages of the signed-in area asked for, not their data requests or forms', () => {
		expect(signInFirst('/(app)/home', 'GET', false)).toBe(true);
		expect(signInFirst('/(app)/g/[group=uuid]/p/[post=uuid]', 'HEAD', false)).toBe(true);
		expect(signInFirst('/(app)/home', 'GET', true)).toBe(false);
		expect(signInFirst('/(app)/g/[group=uuid]', 'POST', false)).toBe(false);
	});

	test('not the public pages, signing in, or the calendar feed', () => {
		expect(signInFirst('/(auth)/signin', 'GET', false)).toBe(false);
		expect(signInFirst('/(public)', 'GET', false)).toBe(false);
		expect(signInFirst('/calendar/[token].ics', 'GET', false)).toBe(false);
		expect(signInFirst(null, 'GET', false)).toBe(false);
	});

	test('the way back keeps the page and its query', () => {
		const url = new URL('http://kring.test/g/1/moderation/item?post=2');
		expect(signInAddress(url)).toBe('/signin?redirectTo=%2Fg%2F1%2Fmoderation%2Fitem%3Fpost%3D2');
	});
});

describe('an admin invite to come back to', () => {
	test("is an organisation's admin-invite link, and only that", () => {
		expect(isAdminInvite('/o/samen-sterk/admin-invite/abc-123')).toBe(true);
		expect(isAdminInvite('/o/samen-sterk/admin-invite/abc-123?x=1')).toBe(true);
		expect(isAdminInvite('/o/samen-sterk/admin')).toBe(false);
		expect(isAdminInvite('/m/abc')).toBe(false);
		expect(isAdminInvite('/x/o/a/admin-invite/b')).toBe(false);
	});
});
