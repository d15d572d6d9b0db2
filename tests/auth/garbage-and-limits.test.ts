// Bad input gets a 4xx JSON answer, never a crash or a hang; too many sign-in attempts get 429.
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createAuthService } from '../../local-supabase/auth/index';
import { createClient } from '@supabase/supabase-js';
import ws from 'ws';
import { platform } from '../support/platform';

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

describe('rate limits on signing in', () => {
	let server: http.Server;
	let pool: pg.Pool;
	let url: string;

	// An auth service of its own with low limits, behind the same path prefix, driven by supabase-js.
	beforeAll(async () => {
		pool = new pg.Pool({ connectionString: platform().dbUrl, max: 2 });
		const auth = createAuthService({
			pool,
			jwtSecret: platform().jwtSecret,
			apiUrl: platform().apiUrl,
			siteUrl: 'http://127.0.0.1',
			rateLimit: { signInPerIpPer5Min: 8, signInPerEmailPer5Min: 3 }
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

	async function attempt(email: string, ip: string) {
		const sb = createClient(url, platform().anonKey, {
			auth: { persistSession: false, autoRefreshToken: false },
			realtime: { transport: ws as never },
			global: { headers: { 'x-forwarded-for': ip } }
		});
		const { error } = await sb.auth.signInWithPassword({ email, password: 'wrong-password' });
		return error;
	}

	test('too many attempts for one email get 429 over_request_rate_limit; other emails still get through', async () => {
		const email = `${randomUUID()}@kring.test`;
		const codes = [];
		for (let i = 0; i < 4; i++) codes.push((await attempt(email, '10.0.0.1'))?.code);
		expect(codes).toEqual([
			'invalid_credentials',
			'invalid_credentials',
			'invalid_credentials',
			'over_request_rate_limit'
		]);
		expect(await attempt(email, '10.0.0.2')).toMatchObject({ name: 'AuthApiError', status: 429 });
		expect((await attempt(`${randomUUID()}@kring.test`, '10.0.0.3'))?.code).toBe(
			'invalid_credentials'
		);
	});

	test('too many attempts from one address get 429, whatever the email', async () => {
		const codes = [];
		for (let i = 0; i < 9; i++)
			codes.push((await attempt(`${randomUUID()}@kring.test`, '10.0.0.9'))?.code);
		expect(codes.slice(0, 8).every((code) => code === 'invalid_credentials')).toBe(true);
		expect(codes[8]).toBe('over_request_rate_limit');
	});
});
