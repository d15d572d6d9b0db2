import { describe, expect, test } from 'vitest';
import { sessionCookieToken } from './session';

const url = 'https://abcdefgh.supabase.co';
const session = {
	access_token: 'header.payload.signature',
	refresh_token: 'r1',
	expires_at: 1_900_000_000,
	user: { id: 'u1', email: 'lid@kring.test' }
};
const written = 'base64-' + Buffer.from(JSON.stringify(session)).toString('base64url');

describe('the session cookie, read as @supabase/ssr writes it', () => {
	test('one cookie: the access token and when it expires', () => {
		expect(sessionCookieToken([{ name: 'sb-abcdefgh-auth-token', value: written }], url)).toEqual({
			accessToken: 'header.payload.signature',
			expiresAt: 1_900_000_000
		});
	});

	test('a long session split into chunks .0, .1, … is joined in order', () => {
		const cookies = [
			{ name: 'sb-abcdefgh-auth-token.1', value: written.slice(20) },
			{ name: 'other', value: 'x' },
			{ name: 'sb-abcdefgh-auth-token.0', value: written.slice(0, 20) }
		];
		expect(sessionCookieToken(cookies, url)?.accessToken).toBe('header.payload.signature');
	});

	test('anything else is left to the cookie client: another project, another encoding, a broken or partial session', () => {
		const of = (name: string, value: string) => sessionCookieToken([{ name, value }], url);
		expect(of('sb-other-auth-token', written)).toBeNull();
		expect(of('sb-abcdefgh-auth-token', JSON.stringify(session))).toBeNull();
		expect(of('sb-abcdefgh-auth-token', written.slice(0, -10))).toBeNull();
		const withoutRefresh =
			'base64-' +
			Buffer.from(JSON.stringify({ ...session, refresh_token: null })).toString('base64url');
		expect(of('sb-abcdefgh-auth-token', withoutRefresh)).toBeNull();
		expect(sessionCookieToken([], url)).toBeNull();
	});
});
