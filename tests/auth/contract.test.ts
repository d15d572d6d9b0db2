// The local auth service, driven only through supabase-js: every call the app makes and the
// errors it must tell apart. Codes and statuses are GoTrue's, so the app behaves the same on hosted Supabase.
import { createPrivateKey, randomUUID, type JsonWebKeyInput, type KeyObject } from 'node:crypto';
import { createClient } from '@supabase/supabase-js';
import { decodeProtectedHeader, generateKeyPair, SignJWT } from 'jose';
import { describe, expect, test } from 'vitest';
import ws from 'ws';
import { client, platform, serviceClient } from '../support/platform';

const password = 'correct-horse-battery';
const newEmail = () => `${randomUUID()}@kring.test`;

async function signedUp(nickname = 'Ann') {
	const sb = client();
	const email = newEmail();
	const { data, error } = await sb.auth.signUp({
		email,
		password,
		options: { data: { nickname } }
	});
	expect(error).toBeNull();
	return { sb, email, session: data.session!, user: data.user! };
}

async function signToken(claims: Record<string, unknown>, secret = platform().jwtSecret) {
	return new SignJWT(claims)
		.setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
		.sign(new TextEncoder().encode(secret));
}

describe('signing up and in with email and password', () => {
	test('sign-up gives a session at once (email confirmation is off locally) and keeps the nickname', async () => {
		const { session, user, email } = await signedUp('Fatima');
		expect(session.access_token).toBeTruthy();
		expect(user.email).toBe(email);
		expect(user.user_metadata.nickname).toBe('Fatima');
		expect(user.is_anonymous).toBe(false);
	});

	test('a new person gets a profile row with their nickname, readable only by them', async () => {
		const { sb, user } = await signedUp('Jan');
		const { data } = await sb.from('profiles').select('id, display_name');
		expect(data).toEqual([{ id: user.id, display_name: 'Jan' }]);
	});

	test('signing in with the right password gives a session for the same person', async () => {
		const { email, user } = await signedUp();
		const { data, error } = await client().auth.signInWithPassword({ email, password });
		expect(error).toBeNull();
		expect(data.user?.id).toBe(user.id);
	});

	test('a wrong password is refused with invalid_credentials', async () => {
		const { email } = await signedUp();
		const { error } = await client().auth.signInWithPassword({
			email,
			password: 'not-the-password'
		});
		expect(error).toMatchObject({ name: 'AuthApiError', status: 400, code: 'invalid_credentials' });
	});

	test('an unknown email is refused the same way as a wrong password', async () => {
		const { error } = await client().auth.signInWithPassword({ email: newEmail(), password });
		expect(error).toMatchObject({ status: 400, code: 'invalid_credentials' });
	});

	test('an account with an email and no password can never be signed into with a password', async () => {
		const admin = serviceClient().auth.admin;
		const email = newEmail();
		const created = await admin.createUser({ email, email_confirm: true });
		expect(created.error).toBeNull();
		// A nickname account that added only an email has no password either.
		const sb = client();
		await sb.auth.signInAnonymously();
		const emailOnly = newEmail();
		expect((await sb.auth.updateUser({ email: emailOnly })).error).toBeNull();

		for (const address of [email, emailOnly]) {
			for (const guess of ['no such user', 'password', password]) {
				const { data, error } = await client().auth.signInWithPassword({
					email: address,
					password: guess
				});
				expect(data.session).toBeNull();
				expect(error).toMatchObject({ status: 400, code: 'invalid_credentials' });
			}
		}
	});

	test('a password counts in bytes as bcrypt reads them: 72 at most, and nothing after them signs in', async () => {
		const email = newEmail();
		const accented = 'é'.repeat(36); // 36 characters, 72 bytes
		expect((await client().auth.signUp({ email, password: accented })).error).toBeNull();
		const withTail = await client().auth.signInWithPassword({ email, password: `${accented}x` });
		expect(withTail.error).toMatchObject({ status: 400, code: 'invalid_credentials' });
		const right = await client().auth.signInWithPassword({ email, password: accented });
		expect(right.error).toBeNull();

		const tooLong = await client().auth.signUp({ email: newEmail(), password: 'é'.repeat(37) });
		expect(tooLong.error).toMatchObject({ status: 400, code: 'validation_failed' });
	});

	test('signing up twice with one email is refused with user_already_exists', async () => {
		const { email } = await signedUp();
		const { error } = await client().auth.signUp({ email, password });
		expect(error).toMatchObject({ name: 'AuthApiError', status: 422, code: 'user_already_exists' });
	});

	test("a password shorter than supabase/config.toml's minimum (8) is refused with weak_password and its reason", async () => {
		const { error } = await client().auth.signUp({ email: newEmail(), password: '1234567' });
		expect(error).toMatchObject({
			name: 'AuthWeakPasswordError',
			status: 422,
			code: 'weak_password'
		});
		expect((error as unknown as { reasons: string[] }).reasons).toEqual(['length']);
	});

	test('an invalid email is refused with validation_failed', async () => {
		const { error } = await client().auth.signUp({ email: 'not an email', password });
		expect(error).toMatchObject({ status: 400, code: 'validation_failed' });
	});
});

describe('continuing with just a nickname, then keeping the account', () => {
	test('anonymous sign-in keeps the nickname in user metadata and in the profile', async () => {
		const sb = client();
		const { data, error } = await sb.auth.signInAnonymously({
			options: { data: { nickname: 'Zoë' } }
		});
		expect(error).toBeNull();
		expect(data.user).toMatchObject({
			is_anonymous: true,
			email: '',
			user_metadata: { nickname: 'Zoë' }
		});
		const profile = await client(data.session!.access_token)
			.from('profiles')
			.select('display_name')
			.single();
		expect(profile.data).toEqual({ display_name: 'Zoë' });
	});

	test('an anonymous person who adds an email and a password can sign in with them on another phone', async () => {
		const sb = client();
		const { data: anonymous } = await sb.auth.signInAnonymously({
			options: { data: { nickname: 'Rik' } }
		});
		const email = newEmail();
		const { data, error } = await sb.auth.updateUser({ email, password });
		expect(error).toBeNull();
		expect(data.user).toMatchObject({ id: anonymous.user!.id, email, is_anonymous: false });

		const otherPhone = client();
		const signIn = await otherPhone.auth.signInWithPassword({ email, password });
		expect(signIn.error).toBeNull();
		expect(signIn.data.user).toMatchObject({
			id: anonymous.user!.id,
			user_metadata: { nickname: 'Rik' }
		});
	});

	test('keeping an account with an email someone already uses is refused with email_exists', async () => {
		const { email } = await signedUp();
		const sb = client();
		await sb.auth.signInAnonymously();
		const { error } = await sb.auth.updateUser({ email, password });
		expect(error).toMatchObject({ status: 422, code: 'email_exists' });
	});

	test('user metadata is bounded, so no one makes every token of theirs huge', async () => {
		const huge = { nickname: 'x'.repeat(90_000) };
		const anonymous = await client().auth.signInAnonymously({ options: { data: huge } });
		expect(anonymous.error).toMatchObject({ status: 400, code: 'validation_failed' });
		const { sb, session } = await signedUp('Ann');
		await sb.auth.setSession(session);
		const update = await sb.auth.updateUser({ data: huge });
		expect(update.error).toMatchObject({ status: 400, code: 'validation_failed' });
		const signUp = await client().auth.signUp({
			email: newEmail(),
			password,
			options: { data: huge }
		});
		expect(signUp.error).toMatchObject({ status: 400, code: 'validation_failed' });
	});

	test('an anonymous person cannot set a password without an email (422, as GoTrue)', async () => {
		const sb = client();
		expect((await sb.auth.signInAnonymously()).error).toBeNull();
		const { error } = await sb.auth.updateUser({ password });
		expect(error).toMatchObject({ status: 422, code: 'validation_failed' });
		const { data } = await sb.auth.getUser();
		expect(data.user?.is_anonymous).toBe(true);
	});

	test('changing a password asks for the current one (GoTrue with update_password_require_current_password)', async () => {
		const { sb, session, email } = await signedUp();
		await sb.auth.setSession(session);
		const newPassword = 'a-new-horse-battery';
		const missing = await sb.auth.updateUser({ password: newPassword });
		expect(missing.error).toMatchObject({ status: 400, code: 'current_password_required' });
		const wrong = await sb.auth.updateUser({
			password: newPassword,
			current_password: 'not-it-at-all'
		});
		expect(wrong.error).toMatchObject({ status: 400, code: 'current_password_invalid' });
		expect((await client().auth.signInWithPassword({ email, password })).error).toBeNull();

		const right = await sb.auth.updateUser({ password: newPassword, current_password: password });
		expect(right.error).toBeNull();
		const signIn = await client().auth.signInWithPassword({ email, password: newPassword });
		expect(signIn.error).toBeNull();
	});

	test('updating metadata merges it into what is there', async () => {
		const { sb, session } = await signedUp('Ann');
		await sb.auth.setSession(session);
		const { data } = await sb.auth.updateUser({ data: { language: 'fr' } });
		expect(data.user?.user_metadata).toMatchObject({ nickname: 'Ann', language: 'fr' });
	});
});

describe('sessions and tokens', () => {
	test('getUser with a valid access token returns the person', async () => {
		const { session, user } = await signedUp();
		const { data, error } = await client().auth.getUser(session.access_token);
		expect(error).toBeNull();
		expect(data.user?.id).toBe(user.id);
	});

	test('the access token carries the claims GoTrue puts in it', async () => {
		const { session, user } = await signedUp();
		const claims = JSON.parse(
			Buffer.from(session.access_token.split('.')[1], 'base64url').toString()
		);
		expect(claims).toMatchObject({
			sub: user.id,
			aud: 'authenticated',
			role: 'authenticated',
			aal: 'aal1',
			is_anonymous: false,
			iss: `${platform().apiUrl}/auth/v1`
		});
		expect(claims.amr[0].method).toBe('password');
		for (const claim of [
			'email',
			'phone',
			'app_metadata',
			'user_metadata',
			'session_id',
			'iat',
			'exp'
		]) {
			expect(claims).toHaveProperty(claim);
		}
	});

	test('an expired access token is refused with bad_jwt', async () => {
		const { user } = await signedUp();
		const expired = await signToken({
			sub: user.id,
			role: 'authenticated',
			aud: 'authenticated',
			exp: 1_000_000
		});
		const { error } = await client().auth.getUser(expired);
		expect(error).toMatchObject({ status: 403, code: 'bad_jwt' });
	});

	test('a JWT signed with another secret is refused by auth and by PostgREST (401)', async () => {
		const { user } = await signedUp();
		const forged = await signToken(
			{
				sub: user.id,
				role: 'authenticated',
				aud: 'authenticated',
				exp: Math.floor(Date.now() / 1000) + 600
			},
			'a-forged-secret-that-is-at-least-32-characters-long'
		);
		const { error } = await client().auth.getUser(forged);
		expect(error).toMatchObject({ status: 403, code: 'bad_jwt' });
		const rest = await client(forged).from('profiles').select('id');
		expect(rest.status).toBe(401);
		expect(rest.data).toBeNull();
	});

	test('a refresh token gives a new pair once; reused later it is refused and ends the session', async () => {
		const { session } = await signedUp();
		const first = await client().auth.refreshSession({ refresh_token: session.refresh_token });
		expect(first.error).toBeNull();
		expect(first.data.session?.refresh_token).not.toBe(session.refresh_token);

		// Outside the reuse window (moved back in time rather than waited for).
		await backdateToken(session.refresh_token);
		const reused = await client().auth.refreshSession({ refresh_token: session.refresh_token });
		expect(reused.error).toMatchObject({ status: 400, code: 'refresh_token_already_used' });

		const child = await client().auth.refreshSession({
			refresh_token: first.data.session!.refresh_token
		});
		expect(child.error).toMatchObject({ status: 400, code: 'refresh_token_not_found' });
	});

	test('a refresh token reused within the reuse window gets the current session, not an error', async () => {
		const { session } = await signedUp();
		const first = await client().auth.refreshSession({ refresh_token: session.refresh_token });
		const again = await client().auth.refreshSession({ refresh_token: session.refresh_token });
		expect(again.error).toBeNull();
		expect(again.data.session?.refresh_token).toBe(first.data.session?.refresh_token);
	});

	test('an unknown refresh token is refused with refresh_token_not_found', async () => {
		const { error } = await client().auth.refreshSession({ refresh_token: 'not-a-token' });
		expect(error).toMatchObject({ status: 400, code: 'refresh_token_not_found' });
	});

	test('after a global sign-out the old access and refresh tokens no longer work', async () => {
		const { email } = await signedUp();
		const phone = client();
		const laptop = client();
		const onPhone = await phone.auth.signInWithPassword({ email, password });
		await laptop.auth.signInWithPassword({ email, password });
		const { error } = await laptop.auth.signOut({ scope: 'global' });
		expect(error).toBeNull();

		const stale = await client().auth.getUser(onPhone.data.session!.access_token);
		expect(stale.error).toMatchObject({ name: 'AuthSessionMissingError' });
		const refresh = await client().auth.refreshSession({
			refresh_token: onPhone.data.session!.refresh_token
		});
		expect(refresh.error).toMatchObject({ code: 'refresh_token_not_found' });
	});

	test('a local sign-out ends only that session', async () => {
		const { email } = await signedUp();
		const phone = client();
		const laptop = client();
		const onPhone = await phone.auth.signInWithPassword({ email, password });
		await laptop.auth.signInWithPassword({ email, password });
		await laptop.auth.signOut({ scope: 'local' });
		const stillIn = await client().auth.getUser(onPhone.data.session!.access_token);
		expect(stillIn.error).toBeNull();
	});
});

/** A client like the app's server one, with every request it sends written down. */
function countingClient() {
	const sent: string[] = [];
	const { apiUrl, anonKey } = platform();
	const sb = createClient(apiUrl, anonKey, {
		auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
		realtime: { transport: ws as never },
		global: {
			fetch: (input, init) => {
				sent.push(new URL(input instanceof Request ? input.url : String(input)).pathname);
				return fetch(input, init);
			}
		}
	});
	return { sb, sent };
}

/** An access token signed with the platform's own signing key, or with `key` under its kid. */
async function signES256(claims: Record<string, unknown>, key?: CryptoKey) {
	const { signingKey } = platform();
	const own = (): KeyObject =>
		createPrivateKey({ key: signingKey, format: 'jwk' } as JsonWebKeyInput);
	return new SignJWT(claims)
		.setProtectedHeader({ alg: 'ES256', typ: 'JWT', kid: signingKey.kid })
		.sign(key ?? own());
}

describe('asymmetric signing keys (ES256), as a hosted project with signing keys', () => {
	test('access tokens are ES256 with a kid the JWKS serves, and the JWKS holds public keys only', async () => {
		const { session } = await signedUp();
		const header = decodeProtectedHeader(session.access_token);
		expect(header).toMatchObject({ alg: 'ES256', typ: 'JWT' });
		const response = await fetch(`${platform().apiUrl}/auth/v1/.well-known/jwks.json`, {
			headers: { apikey: platform().anonKey }
		});
		expect(response.status).toBe(200);
		const { keys } = (await response.json()) as { keys: Array<Record<string, unknown>> };
		const key = keys.find((candidate) => candidate.kid === header.kid);
		expect(key).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256' });
		for (const published of keys) {
			expect(published).not.toHaveProperty('d');
			expect(published.kty).not.toBe('oct');
		}
	});

	test('getClaims verifies a session locally: only the JWKS is fetched, once, never /auth/v1/user', async () => {
		const { session, user } = await signedUp('Noor');
		const { sb, sent } = countingClient();
		const first = await sb.auth.getClaims(session.access_token);
		expect(first.error).toBeNull();
		expect(first.data?.claims).toMatchObject({
			sub: user.id,
			is_anonymous: false,
			user_metadata: { nickname: 'Noor' }
		});
		// supabase-js keeps the JWKS for every client of this project; earlier tests may have fetched it.
		expect(sent.filter((path) => path !== '/auth/v1/.well-known/jwks.json')).toEqual([]);
		sent.length = 0;
		const again = await countingClient().sb.auth.getClaims(session.access_token);
		expect(again.error).toBeNull();
		const { sb: other, sent: otherSent } = countingClient();
		expect((await other.auth.getClaims(session.access_token)).error).toBeNull();
		expect([...sent, ...otherSent]).toEqual([]);
	});

	test('a token signed with another key under the same kid is refused by getClaims and by PostgREST', async () => {
		const { user } = await signedUp();
		const { privateKey } = await generateKeyPair('ES256');
		const forged = await signES256(
			{
				sub: user.id,
				role: 'authenticated',
				aud: 'authenticated',
				exp: Math.floor(Date.now() / 1000) + 600
			},
			privateKey
		);
		const { data, error } = await countingClient().sb.auth.getClaims(forged);
		expect(data).toBeNull();
		expect(error).toMatchObject({ name: 'AuthInvalidJwtError' });
		const rest = await client(forged).from('profiles').select('id');
		expect(rest.status).toBe(401);
		expect(rest.data).toBeNull();
	});

	test('an expired ES256 token is refused by getClaims, PostgREST and auth', async () => {
		const { user } = await signedUp();
		const now = Math.floor(Date.now() / 1000);
		const claims = { sub: user.id, role: 'authenticated', aud: 'authenticated' };
		const expired = await signES256({ ...claims, iat: now - 7200, exp: now - 3600 });
		const { data, error } = await countingClient().sb.auth.getClaims(expired);
		expect(data).toBeNull();
		expect(error).toMatchObject({ name: 'AuthInvalidJwtError' });
		const rest = await client(expired).from('profiles').select('id');
		expect(rest.status).toBe(401);
		expect((await client().auth.getUser(expired)).error).toMatchObject({ code: 'bad_jwt' });

		// The same claims, still valid, pass all three: the refusals above are about time alone.
		const valid = await signES256({ ...claims, iat: now, exp: now + 600 });
		expect((await countingClient().sb.auth.getClaims(valid)).error).toBeNull();
		const allowed = await client(valid).from('profiles').select('id');
		expect(allowed.data).toEqual([{ id: user.id }]);
		expect((await client().auth.getUser(valid)).data.user?.id).toBe(user.id);
	});

	test('PostgREST keeps a verified token (as hosted PostgREST 14 does) but never past its exp', async () => {
		const { user } = await signedUp();
		// PostgREST allows 30 s of clock skew: a token 27 s past its exp still passes, for 3 s more.
		const exp = Math.floor(Date.now() / 1000) - 27;
		const late = await signES256({
			sub: user.id,
			role: 'authenticated',
			aud: 'authenticated',
			exp
		});
		expect((await client(late).from('profiles').select('id')).data).toEqual([{ id: user.id }]);
		expect((await client(late).from('profiles').select('id')).data).toEqual([{ id: user.id }]);
		await new Promise((resolve) => setTimeout(resolve, (exp + 31) * 1000 - Date.now()));
		const refused = await client(late).from('profiles').select('id');
		expect(refused.status).toBe(401);
		expect(refused.data).toBeNull();
	});

	test('the legacy HS256 anon and service_role keys, and tokens made with the JWT secret, still work', async () => {
		const { user } = await signedUp();
		expect(decodeProtectedHeader(platform().anonKey).alg).toBe('HS256');
		// Organisations are public: anon may read them, so a refused key would show as a 401 here.
		const anon = await client().from('organisations').select('id').limit(1);
		expect(anon).toMatchObject({ status: 200, error: null });
		const service = await serviceClient().from('profiles').select('id').eq('id', user.id);
		expect(service).toMatchObject({ status: 200, data: [{ id: user.id }] });
		const legacy = await signToken({
			sub: user.id,
			role: 'authenticated',
			aud: 'authenticated',
			exp: Math.floor(Date.now() / 1000) + 600
		});
		const own = await client(legacy).from('profiles').select('id');
		expect(own.data).toEqual([{ id: user.id }]);
		expect((await serviceClient().auth.admin.getUserById(user.id)).error).toBeNull();
	});
});

describe('admin with the service-role key', () => {
	test('creates and deletes a person; deleting removes their profile too', async () => {
		const admin = serviceClient().auth.admin;
		const email = newEmail();
		const created = await admin.createUser({
			email,
			password,
			email_confirm: true,
			user_metadata: { nickname: 'Mo' }
		});
		expect(created.error).toBeNull();
		const signIn = await client().auth.signInWithPassword({ email, password });
		expect(signIn.error).toBeNull();

		const fetched = await admin.getUserById(created.data.user!.id);
		expect(fetched.data.user?.email).toBe(email);

		const deleted = await admin.deleteUser(created.data.user!.id);
		expect(deleted.error).toBeNull();
		const after = await client().auth.signInWithPassword({ email, password });
		expect(after.error).toMatchObject({ code: 'invalid_credentials' });
		const profiles = await serviceClient()
			.from('profiles')
			.select('id')
			.eq('id', created.data.user!.id);
		expect(profiles.data).toEqual([]);
	});

	test('admin endpoints refuse a signed-in person who is not the service role', async () => {
		const { session } = await signedUp();
		const sb = client(session.access_token);
		// supabase-js sends the session's token as the bearer for admin calls made on a user client.
		const { error } = await sb.auth.admin.listUsers();
		expect(error).toMatchObject({ status: 403, code: 'not_admin' });
	});
});

async function backdateToken(token: string): Promise<void> {
	const { db } = await import('../support/platform');
	await db().query(
		"update auth.refresh_tokens set updated_at = now() - interval '1 hour' where token = $1",
		[token]
	);
}
