// The session of one request, as hooks.server.ts sets it up (src/lib/server/session.ts): the cookie
// read and the token verified once however many database calls the page makes, nothing asked of
// the auth server, a renewed session used at once, and an expired token renewed.
import { createPrivateKey, randomUUID, type JsonWebKeyInput } from 'node:crypto';
import { stringFromBase64URL, stringToBase64URL } from '@supabase/ssr';
import { decodeJwt, SignJWT } from 'jose';
import { describe, expect, test } from 'vitest';
import { requestClients } from '../../src/lib/server/session';
import { platform } from '../support/platform';

type Jar = Map<string, string>;

/** One request of the app's server against a browser's cookie jar, with what it read and sent. */
function request(jar: Jar) {
	const seen = { cookieReads: 0, cookieWrites: 0, authPaths: [] as string[] };
	const { apiUrl, anonKey } = platform();
	const clients = requestClients(apiUrl, anonKey, {
		cookies: {
			getAll: () => {
				seen.cookieReads++;
				return [...jar].map(([name, value]) => ({ name, value }));
			},
			setAll: (cookies) => {
				seen.cookieWrites++;
				for (const { name, value } of cookies) {
					if (value) jar.set(name, value);
					else jar.delete(name);
				}
			}
		},
		fetch: (input, init) => {
			seen.authPaths.push(new URL(input instanceof Request ? input.url : String(input)).pathname);
			return fetch(input, init);
		}
	});
	return { ...clients, seen };
}

async function signedUpJar(nickname: string): Promise<{ jar: Jar; id: string }> {
	const jar: Jar = new Map();
	const { sessionClient } = request(jar);
	const { data, error } = await sessionClient.auth.signUp({
		email: `${randomUUID()}@kring.test`,
		password: 'correct-horse-battery',
		options: { data: { nickname } }
	});
	expect(error).toBeNull();
	return { jar, id: data.user!.id };
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('the session of one request', () => {
	test('six database calls read the session cookie no more often than none, and auth is not asked', async () => {
		const { jar, id } = await signedUpJar('Sam');

		const quiet = request(jar);
		expect((await quiet.safeGetSession()).user?.id).toBe(id);
		await settled();

		const busy = request(jar);
		const { user } = await busy.safeGetSession();
		expect(user).toEqual({
			id,
			email: expect.stringMatching(/@kring\.test$/),
			is_anonymous: false,
			user_metadata: { nickname: 'Sam', language: undefined }
		});
		for (let call = 0; call < 6; call++) {
			const { data, error } = await busy.supabase.from('profiles').select('id');
			expect(error).toBeNull();
			expect(data).toEqual([{ id }]);
		}
		await settled();
		// No more than the quiet request: fewer since 00c03a1, as the quiet one verified the token.
		expect(busy.seen.cookieReads).toBeLessThanOrEqual(quiet.seen.cookieReads);
		// The JWKS at most (supabase-js keeps it for every client), never /auth/v1/user.
		expect(
			[...quiet.seen.authPaths, ...busy.seen.authPaths].filter(
				(path) => path !== '/auth/v1/.well-known/jwks.json'
			)
		).toEqual([]);
	});

	test('signing in during a request: the database calls after it are made as the new person', async () => {
		const here = request(new Map());
		expect((await here.safeGetSession()).user).toBeNull();
		const { data, error } = await here.sessionClient.auth.signInAnonymously({
			options: { data: { nickname: 'Lina' } }
		});
		expect(error).toBeNull();
		const { user } = await here.safeGetSession();
		expect(user).toMatchObject({ id: data.user!.id, is_anonymous: true, email: undefined });
		const own = await here.supabase.from('profiles').select('id, display_name');
		expect(own.data).toEqual([{ id: data.user!.id, display_name: 'Lina' }]);
	});

	test('an expired access token is renewed once, its cookie rewritten, and used by the database calls', async () => {
		const { jar, id } = await signedUpJar('Omar');
		const [name, value] = [...jar].find(([cookie]) => /-auth-token$/.test(cookie))!;
		const session = JSON.parse(stringFromBase64URL(value.replace(/^base64-/, '')));
		const now = Math.floor(Date.now() / 1000);
		const { signingKey } = platform();
		const expired = await new SignJWT({ ...decodeJwt(session.access_token), iat: now - 7200 })
			.setProtectedHeader({ alg: 'ES256', typ: 'JWT', kid: signingKey.kid })
			.setExpirationTime(now - 3600)
			.sign(createPrivateKey({ key: signingKey, format: 'jwk' } as JsonWebKeyInput));
		const aged = { ...session, access_token: expired, expires_at: now - 3600 };
		jar.set(name, `base64-${stringToBase64URL(JSON.stringify(aged))}`);

		const renewing = request(jar);
		expect((await renewing.safeGetSession()).user?.id).toBe(id);
		const own = await renewing.supabase.from('profiles').select('id');
		expect(own.data).toEqual([{ id }]);
		expect(renewing.seen.authPaths).toContain('/auth/v1/token');
		expect(renewing.seen.cookieWrites).toBe(1);
		const stored = JSON.parse(stringFromBase64URL(jar.get(name)!.replace(/^base64-/, '')));
		expect(stored.access_token).not.toBe(expired);
		expect(decodeJwt(stored.access_token).exp).toBeGreaterThan(now);
	});
});
