// Bad input gets a 4xx JSON answer, never a crash or a hang; too many sign-in attempts get 429.
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createAuthService } from '../../local-supabase/auth/index';
import { createClient } from '@supabase/supabase-js';
import ws from 'ws';
import { client, db, platform, serviceClient } from '../support/platform';

const endpoints = [
	['POST', '/signup'],
	['POST', '/token?grant_type=password'],
	['POST', '/token?grant_type=refresh_token'],
	['POST', '/token?grant_type=nonsense'],
	['GET', '/user'],
	['PUT', '/user'],
	['POST', '/logout'],
	['POST', '/admin/users'],
	['GET', '/admin/users'],
	['DELETE', '/admin/users/not-a-uuid'],
	['GET', `/admin/users/${randomUUID()}`],
	['PATCH', '/signup'],
	['GET', '/no/such/endpoint']
] as const;

const printable = fc.string({
	unit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)),
	maxLength: 80
});
const wrongType = fc.oneof(fc.integer(), fc.boolean(), fc.array(fc.integer(), { maxLength: 3 }));
/** Whether a text is JSON after all: '{' and '}' make '{}', an anonymous sign-up that succeeds. */
function isJson(text: string): boolean {
	try {
		JSON.parse(text);
		return true;
	} catch {
		return false;
	}
}
const badBody = fc.oneof(
	printable.map((text) => `{${text}`).filter((body) => !isJson(body)),
	fc.array(fc.integer(), { maxLength: 5 }).map((list) => JSON.stringify(list)),
	fc.integer().map(String),
	// Unknown fields are ignored, as GoTrue ignores them; a wrongly typed email makes every body bad.
	fc
		.record(
			{ email: wrongType, password: wrongType, refresh_token: wrongType, data: wrongType },
			{ requiredKeys: ['email'] }
		)
		.map((body) => JSON.stringify(body))
);
const badAuthorization = fc.oneof(
	fc.constant(undefined),
	printable.map((token) => `Bearer ${token}`),
	printable
);

async function send(
	method: string,
	path: string,
	body: string | undefined,
	authorization?: string,
	contentType?: string
) {
	const { apiUrl, anonKey } = platform();
	const headers: Record<string, string> = {
		apikey: anonKey,
		'x-supabase-api-version': '2024-01-01'
	};
	if (authorization !== undefined) headers.authorization = authorization;
	if (contentType !== undefined) headers['content-type'] = contentType;
	const response = await fetch(`${apiUrl}/auth/v1${path}`, {
		method,
		headers,
		body: method === 'GET' || method === 'DELETE' ? undefined : body,
		signal: AbortSignal.timeout(5_000)
	});
	return { status: response.status, json: await response.json() };
}

describe('garbage in', () => {
	test('a few hundred generated bad requests each get a 4xx JSON error with a code, and auth keeps answering', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.constantFrom(...endpoints),
				badBody,
				badAuthorization,
				fc.option(fc.constantFrom('application/json', 'text/plain', 'multipart/form-data', 'x/y'), {
					nil: undefined
				}),
				async ([method, path], body, authorization, contentType) => {
					const { status, json } = await send(method, path, body, authorization, contentType);
					expect(status).toBeGreaterThanOrEqual(400);
					expect(status).toBeLessThan(500);
					expect(typeof json.code).toBe('string');
					expect(typeof json.message).toBe('string');
				}
			),
			{ numRuns: 300 }
		);
		const health = await fetch(`${platform().apiUrl}/auth/v1/health`, {
			headers: { apikey: platform().anonKey }
		});
		expect(health.status).toBe(200);
	});

	test('a body over 100 KB is refused with 413', async () => {
		const { status, json } = await send(
			'POST',
			'/signup',
			JSON.stringify({ data: { x: 'a'.repeat(200_000) } })
		);
		expect(status).toBe(413);
		expect(json.code).toBe('request_too_large');
	});

	test('older clients get GoTrue’s legacy error shape', async () => {
		const { apiUrl, anonKey } = platform();
		const response = await fetch(`${apiUrl}/auth/v1/token?grant_type=password`, {
			method: 'POST',
			headers: { apikey: anonKey, 'content-type': 'application/json' },
			body: JSON.stringify({ email: 'nobody@kring.test', password: 'whatever1' })
		});
		expect(response.status).toBe(400);
		expect(await response.json()).toEqual({
			code: 400,
			error_code: 'invalid_credentials',
			msg: 'Invalid login credentials'
		});
	});
});

describe('limits per client address, which only the app may name', () => {
	let server: http.Server;
	let pool: pg.Pool;
	let url: string;
	const secretKey = 'sb_secret_for-this-test-only';
	const email = `${randomUUID()}@kring.test`;
	const password = 'correct-horse-battery';

	// An auth service of its own with low limits, driven by supabase-js as the app's server drives it.
	beforeAll(async () => {
		const { error } = await client().auth.signUp({ email, password });
		expect(error).toBeNull();
		pool = new pg.Pool({ connectionString: platform().dbUrl, max: 2 });
		const auth = createAuthService({
			pool,
			signingKeys: [platform().signingKey],
			jwtSecret: platform().jwtSecret,
			apiUrl: platform().apiUrl,
			siteUrl: 'http://127.0.0.1',
			rateLimit: { sign_in_sign_ups: 5, anonymous_users: 3 },
			secretKeys: [secretKey]
		});
		server = http.createServer((req, res) => {
			req.url = req.url?.replace(/^\/auth\/v1/, '');
			void auth.handle(req, res);
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
	});
	afterAll(async () => {
		server.close();
		await pool.end();
	});

	/** The app's server acting for the person at `address`, or anyone naming an address with the anon key. */
	function caller(address: string, key = secretKey) {
		return createClient(url, key, {
			auth: { persistSession: false, autoRefreshToken: false },
			realtime: { transport: ws as never },
			global: { headers: { 'sb-forwarded-for': address } }
		}).auth;
	}

	test('one client hammering sign-in and nickname accounts is refused; another client still gets in', async () => {
		const hammering = caller('203.0.113.7');
		const signIns = [];
		for (let i = 0; i < 6; i++)
			signIns.push(
				(await hammering.signInWithPassword({ email, password: 'wrong-password' })).error?.code
			);
		expect(signIns).toEqual([...Array(5).fill('invalid_credentials'), 'over_request_rate_limit']);
		const accounts = [];
		for (let i = 0; i < 4; i++) accounts.push((await hammering.signInAnonymously()).error?.status);
		expect(accounts).toEqual([undefined, undefined, undefined, 429]);

		// The owner of that email, elsewhere, signs in; a newcomer elsewhere gets an account.
		const owner = await caller('198.51.100.20').signInWithPassword({ email, password });
		expect(owner.error).toBeNull();
		expect(owner.data.session).not.toBeNull();
		const newcomer = await caller('2001:db8::20').signInAnonymously();
		expect(newcomer.error).toBeNull();
	});

	test('an address named with the anon key does not count: the caller is limited by where it is', async () => {
		const codes = [];
		for (let i = 0; i < 6; i++) {
			const anyone = caller(`192.0.2.${i + 1}`, platform().anonKey);
			codes.push((await anyone.signInWithPassword({ email, password: 'wrong' })).error?.code);
		}
		expect(codes).toEqual([...Array(5).fill('invalid_credentials'), 'over_request_rate_limit']);
		// The app, naming a person's address, is not held back by that caller.
		const person = await caller('198.51.100.21').signInWithPassword({ email, password });
		expect(person.error).toBeNull();
	});
});

test('through the gateway, a session started by the app records the address it names, and only with the secret key', async () => {
	const { apiUrl, anonKey, secretKey } = platform();
	const sessionAddress = async (key: string) => {
		const email = `${randomUUID()}@kring.test`;
		const made = await serviceClient().auth.admin.createUser({
			email,
			password: 'x-password-1',
			email_confirm: true
		});
		expect(made.error).toBeNull();
		const sb = createClient(apiUrl, key, {
			auth: { persistSession: false, autoRefreshToken: false },
			realtime: { transport: ws as never },
			global: { headers: { 'sb-forwarded-for': '198.51.100.30' } }
		});
		const { data, error } = await sb.auth.signInWithPassword({ email, password: 'x-password-1' });
		expect(error).toBeNull();
		const { rows } = await db().query<{ ip: string }>(
			'select host(ip) as ip from auth.sessions where user_id = $1',
			[data.user!.id]
		);
		return rows[0].ip;
	};
	expect(await sessionAddress(secretKey)).toBe('198.51.100.30');
	expect(await sessionAddress(anonKey)).toBe('127.0.0.1');
});
