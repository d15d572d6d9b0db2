import { afterEach, describe, expect, test, vi } from 'vitest';
import { requestClients, sessionCookieToken } from './session';

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

describe('who is signed in when the session must be renewed', () => {
	afterEach(() => {
		vi.useRealTimers();
	});

	/** A session whose access token expired an hour ago, as the phone sends it. */
	const expired =
		'base64-' +
		Buffer.from(
			JSON.stringify({
				...session,
				expires_at: Math.floor(Date.now() / 1000) - 3600,
				expires_in: 3600,
				token_type: 'bearer'
			})
		).toString('base64url');

	/** The request's clients, with Supabase Auth answering a renewal as `answer` does. */
	async function asked(answer: () => Response) {
		vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] });
		const clients = requestClients(url, 'publishable-key', {
			cookies: {
				getAll: () => [{ name: 'sb-abcdefgh-auth-token', value: expired }],
				setAll: () => {}
			},
			fetch: async () => answer()
		});
		const session = clients.safeGetSession();
		// auth-js tries a failed renewal again for up to 30 seconds.
		await vi.advanceTimersByTimeAsync(40_000);
		return await session;
	}

	test('Auth down (503): no one to show, and not known to be no one', async () => {
		const json = { 'content-type': 'application/json' };
		expect(
			await asked(() => new Response('{"message":"unavailable"}', { status: 503, headers: json }))
		).toEqual({
			user: null,
			unknown: true
		});
	});

	test('Auth says the session ended (400): known to be no one', async () => {
		const json = { 'content-type': 'application/json' };
		const ended = '{"code":"refresh_token_not_found","message":"Invalid Refresh Token"}';
		expect(await asked(() => new Response(ended, { status: 400, headers: json }))).toEqual({
			user: null,
			unknown: false
		});
	});
});
