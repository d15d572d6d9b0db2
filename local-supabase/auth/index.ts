// A small stand-in for Supabase Auth (GoTrue) for local work and tests: the endpoints supabase-js
// uses, with GoTrue's paths, shapes and error codes. Never used in production.
import { randomBytes } from 'node:crypto';
import type http from 'node:http';
import bcrypt from 'bcryptjs';
import type pg from 'pg';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { z } from 'zod';
import { supabaseConfig, type AuthRateLimits, type SupabaseConfig } from '../config';
import { publicKey, type SigningKey } from '../keys';
import {
	AuthError,
	badRequest,
	bearerToken,
	clientAddress,
	readJson,
	sendError,
	sendJson
} from './http';
import {
	refreshSession,
	startSession,
	tokenKeys,
	verifyAccessToken,
	type AccessClaims,
	type TokenSettings
} from './tokens';
import {
	addEmailIdentity,
	createUser,
	findUserByEmail,
	findUserById,
	userJson,
	type UserRow
} from './users';

export interface AuthServiceOptions {
	pool: pg.Pool;
	/** Access tokens are signed with the first; the legacy secret still verifies HS256 tokens. */
	signingKeys: SigningKey[];
	jwtSecret: string;
	siteUrl: string;
	/** The `iss` claim is `${apiUrl}/auth/v1`, as on hosted Supabase. */
	apiUrl: string;
	/** supabase/config.toml's [auth] unless given. */
	settings?: SupabaseConfig['auth'];
	/** Replaces some of the settings' per-address limits (tests sign in far more than people do). */
	rateLimit?: Partial<AuthRateLimits>;
	/**
	 * Requests made with one of these keys may name the person's address in `Sb-Forwarded-For`: the
	 * app's server does, so limits hold per person. As on hosted Supabase, only secret keys may.
	 */
	secretKeys?: string[];
}

// Metadata is copied into every access token, so it stays small (Kring keeps a nickname and a
// language there).
const maximumMetadataBytes = 4096;
// bcrypt reads no further than 72 bytes (GoTrue's MaxPasswordLength; Go's bcrypt refuses more).
const maximumPasswordBytes = 72;
const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

const metadata = z.record(z.string(), z.unknown());
const email = z.string().trim().max(255).email();

const signUpBody = z.object({
	email: z.string().optional(),
	password: z.string().optional(),
	data: metadata.optional()
});
const passwordGrantBody = z.object({ email: z.string().max(255), password: z.string() });
const refreshGrantBody = z.object({ refresh_token: z.string().min(1).max(255) });
const updateUserBody = z.object({
	email: z.string().optional(),
	password: z.string().optional(),
	current_password: z.string().optional(),
	data: metadata.optional()
});
const adminCreateBody = z.object({
	email: z.string().optional(),
	password: z.string().optional(),
	email_confirm: z.boolean().optional(),
	user_metadata: metadata.optional(),
	app_metadata: metadata.optional()
});

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
	const result = schema.safeParse(body);
	if (!result.success)
		throw badRequest('validation_failed', result.error.issues[0]?.message ?? 'Invalid request');
	return result.data;
}

function checkEmail(value: string): string {
	const result = email.safeParse(value);
	if (!result.success)
		throw badRequest('validation_failed', 'Unable to validate email address: invalid format');
	return result.data.toLowerCase();
}

function checkMetadata(data: Record<string, unknown> | undefined): void {
	if (data && bytes(JSON.stringify(data)) > maximumMetadataBytes)
		throw badRequest('validation_failed', 'User metadata is too large');
}

function checkPassword(password: string, minimumLength: number): void {
	if (bytes(password) > maximumPasswordBytes)
		throw badRequest('validation_failed', 'Password cannot be longer than 72 characters');
	if (password.length < minimumLength) {
		throw new AuthError(
			422,
			'weak_password',
			`Password should be at least ${minimumLength} characters.`,
			{
				weak_password: { reasons: ['length'] }
			}
		);
	}
}

// Compared against when there is no password to check, so a wrong email costs as long as a wrong
// password. Its secret is thrown away: no password can match it, and a match would not count anyway.
const dummyHash = bcrypt.hashSync(randomBytes(32).toString('base64'), 10);

export function createAuthService(options: AuthServiceOptions) {
	const { pool } = options;
	const settings = options.settings ?? supabaseConfig().auth;
	const secretKeys = options.secretKeys ?? [];
	const minimumPasswordLength = settings.minimum_password_length;
	const tokens: TokenSettings = {
		pool,
		...tokenKeys(options.signingKeys, options.jwtSecret),
		issuer: `${options.apiUrl}/auth/v1`,
		expirySeconds: settings.jwt_expiry,
		reuseIntervalSeconds: settings.refresh_token_reuse_interval
	};
	// GoTrue's limits per client address, with the periods its settings are counted in.
	const rates = { ...settings.rate_limit, ...options.rateLimit };
	const limiters = {
		signInSignUps: new RateLimiterMemory({ points: rates.sign_in_sign_ups, duration: 300 }),
		anonymousUsers: new RateLimiterMemory({ points: rates.anonymous_users, duration: 3600 }),
		tokenRefresh: new RateLimiterMemory({ points: rates.token_refresh, duration: 300 })
	};

	const addressOf = (req: http.IncomingMessage) => clientAddress(req, secretKeys);

	async function limit(req: http.IncomingMessage, kind: keyof typeof limiters): Promise<void> {
		try {
			await limiters[kind].consume(addressOf(req));
		} catch {
			throw new AuthError(429, 'over_request_rate_limit', 'Request rate limit reached');
		}
	}

	function clientOf(req: http.IncomingMessage) {
		const agent = req.headers['user-agent'];
		return {
			ip: addressOf(req),
			userAgent: typeof agent === 'string' ? agent.slice(0, 500) : undefined
		};
	}

	/** The signed-in person behind the bearer token, with a session that still exists. */
	async function authenticate(
		req: http.IncomingMessage
	): Promise<{ user: UserRow; claims: AccessClaims }> {
		const token = bearerToken(req);
		if (!token)
			throw new AuthError(401, 'no_authorization', 'This endpoint requires a Bearer token');
		const claims = await verifyAccessToken(tokens, token);
		if (typeof claims.sub !== 'string' || !z.string().uuid().safeParse(claims.sub).success) {
			throw new AuthError(403, 'bad_jwt', 'invalid claim: missing sub claim');
		}
		if (claims.session_id) {
			const { rowCount } = await pool.query('select 1 from auth.sessions where id = $1', [
				claims.session_id
			]);
			if (!rowCount)
				throw new AuthError(
					403,
					'session_not_found',
					'Session from session_id claim in JWT does not exist'
				);
		}
		const user = await findUserById(pool, claims.sub);
		if (!user)
			throw new AuthError(403, 'user_not_found', 'User from sub claim in JWT does not exist');
		return { user, claims };
	}

	async function requireServiceRole(req: http.IncomingMessage): Promise<void> {
		const token = bearerToken(req);
		if (!token)
			throw new AuthError(401, 'no_authorization', 'This endpoint requires a Bearer token');
		const claims = await verifyAccessToken(tokens, token);
		if (claims.role !== 'service_role') throw new AuthError(403, 'not_admin', 'User not allowed');
	}

	async function signUp(req: http.IncomingMessage) {
		const body = parse(signUpBody, await readJson(req));
		checkMetadata(body.data);
		if (body.email === undefined && body.password === undefined) {
			if (!settings.enable_anonymous_sign_ins)
				throw new AuthError(422, 'anonymous_provider_disabled', 'Anonymous sign-ins are disabled');
			await limit(req, 'anonymousUsers');
			const user = await createUser(pool, { anonymous: true, userMetadata: body.data });
			return startSession(tokens, user, 'anonymous', clientOf(req));
		}
		if (!settings.enable_signup)
			throw new AuthError(422, 'signup_disabled', 'Signups not allowed for this instance');
		if (!body.email || !body.password)
			throw badRequest('validation_failed', 'Signup requires a valid password');
		const address = checkEmail(body.email);
		await limit(req, 'signInSignUps');
		checkPassword(body.password, minimumPasswordLength);
		if (await findUserByEmail(pool, address))
			throw new AuthError(422, 'user_already_exists', 'User already registered');
		const user = await createUser(pool, {
			email: address,
			passwordHash: await bcrypt.hash(body.password, 10),
			userMetadata: body.data
		}).catch(
			uniqueViolationAs(new AuthError(422, 'user_already_exists', 'User already registered'))
		);
		return startSession(tokens, user, 'password', clientOf(req));
	}

	async function token(req: http.IncomingMessage, url: URL) {
		const grant = url.searchParams.get('grant_type');
		const body = await readJson(req);
		if (grant === 'password') {
			const { email: address, password } = parse(passwordGrantBody, body);
			await limit(req, 'signInSignUps');
			const user = await findUserByEmail(pool, address);
			// As GoTrue: an account without a password (email only, or made by an admin) never signs
			// in with one.
			const stored = user?.encrypted_password || undefined;
			// bcrypt would compare only the first 72 bytes: a longer password was never set.
			const fits = bytes(password) <= maximumPasswordBytes;
			const matches = await bcrypt.compare(password, stored ?? dummyHash);
			if (!user || !stored || !fits || !matches)
				throw badRequest('invalid_credentials', 'Invalid login credentials');
			return startSession(tokens, user, 'password', clientOf(req));
		}
		if (grant === 'refresh_token') {
			await limit(req, 'tokenRefresh');
			return refreshSession(tokens, parse(refreshGrantBody, body).refresh_token);
		}
		throw badRequest('unsupported_grant_type', 'unsupported_grant_type');
	}

	async function updateUser(req: http.IncomingMessage) {
		const { user } = await authenticate(req);
		const body = parse(updateUserBody, await readJson(req));
		checkMetadata(body.data);
		if (body.password && user.is_anonymous && !body.email) {
			throw new AuthError(
				422,
				'validation_failed',
				'Updating password of an anonymous user without an email or phone is not allowed'
			);
		}
		const client = await pool.connect();
		try {
			await client.query('begin');
			if (body.password !== undefined) {
				checkPassword(body.password, minimumPasswordLength);
				// As GoTrue with update_password_require_current_password on (README: a hosted
				// project sets it): an account that has a password proves it before a new one.
				if (user.encrypted_password) {
					if (!body.current_password)
						throw badRequest(
							'current_password_required',
							'Current password required when setting new password.'
						);
					const current = body.current_password;
					const right =
						bytes(current) <= maximumPasswordBytes &&
						(await bcrypt.compare(current, user.encrypted_password));
					if (!right)
						throw badRequest(
							'current_password_invalid',
							'Current password required when setting new password.'
						);
				}
				if (
					user.encrypted_password &&
					(await bcrypt.compare(body.password, user.encrypted_password))
				) {
					throw new AuthError(
						422,
						'same_password',
						'New password should be different from the old password.'
					);
				}
				await client.query(
					'update auth.users set encrypted_password = $2, updated_at = now() where id = $1',
					[user.id, await bcrypt.hash(body.password, 10)]
				);
			}
			if (body.data) {
				checkMetadata({ ...user.raw_user_meta_data, ...body.data });
				// GoTrue merges: given keys replace, null removes.
				await client.query(
					`update auth.users set raw_user_meta_data = jsonb_strip_nulls(coalesce(raw_user_meta_data, '{}') || $2), updated_at = now() where id = $1`,
					[user.id, body.data]
				);
			}
			if (body.email !== undefined && body.email.toLowerCase() !== user.email) {
				const address = checkEmail(body.email);
				const taken = await findUserByEmail(client, address);
				if (taken && taken.id !== user.id) {
					throw new AuthError(
						422,
						'email_exists',
						'A user with this email address has already been registered'
					);
				}
				// Email confirmation is off locally, so the new address holds at once; an anonymous
				// person with an email and a password is a permanent user from now on.
				const { rows } = await client.query<UserRow>(
					`update auth.users set email = $2, email_confirmed_at = now(), updated_at = now(),
						is_anonymous = (encrypted_password is null),
						raw_app_meta_data = coalesce(raw_app_meta_data, '{}') || '{"provider":"email","providers":["email"]}'
					where id = $1 returning *`,
					[user.id, address]
				);
				await addEmailIdentity(client, rows[0]);
			} else if (body.password !== undefined && user.is_anonymous && user.email) {
				await client.query('update auth.users set is_anonymous = false where id = $1', [user.id]);
			}
			await client.query('commit');
		} catch (error) {
			await client.query('rollback');
			throw uniqueViolationAs(
				new AuthError(
					422,
					'email_exists',
					'A user with this email address has already been registered'
				)
			)(error);
		} finally {
			client.release();
		}
		return userJson(pool, (await findUserById(pool, user.id))!);
	}

	async function logout(req: http.IncomingMessage, url: URL) {
		const { user, claims } = await authenticate(req);
		const scope = url.searchParams.get('scope') ?? 'global';
		if (scope === 'global') {
			await pool.query('delete from auth.sessions where user_id = $1', [user.id]);
		} else if (scope === 'local') {
			await pool.query('delete from auth.sessions where id = $1', [claims.session_id]);
		} else if (scope === 'others') {
			await pool.query('delete from auth.sessions where user_id = $1 and id is distinct from $2', [
				user.id,
				claims.session_id
			]);
		} else {
			throw badRequest('validation_failed', 'Unsupported logout scope');
		}
	}

	async function adminCreateUser(req: http.IncomingMessage) {
		await requireServiceRole(req);
		const body = parse(adminCreateBody, await readJson(req));
		checkMetadata(body.user_metadata);
		checkMetadata(body.app_metadata);
		const address = body.email === undefined ? undefined : checkEmail(body.email);
		if (body.password !== undefined) checkPassword(body.password, minimumPasswordLength);
		if (address && (await findUserByEmail(pool, address))) {
			throw new AuthError(
				422,
				'email_exists',
				'A user with this email address has already been registered'
			);
		}
		const user = await createUser(pool, {
			email: address,
			passwordHash: body.password === undefined ? undefined : await bcrypt.hash(body.password, 10),
			userMetadata: body.user_metadata,
			appMetadata: body.app_metadata
		});
		return userJson(pool, user);
	}

	async function adminUser(req: http.IncomingMessage, id: string, method: string) {
		await requireServiceRole(req);
		if (!z.string().uuid().safeParse(id).success)
			throw new AuthError(404, 'user_not_found', 'User not found');
		const user = await findUserById(pool, id);
		if (!user) throw new AuthError(404, 'user_not_found', 'User not found');
		if (method === 'DELETE') {
			await pool.query('delete from auth.users where id = $1', [id]);
			return {};
		}
		return userJson(pool, user);
	}

	async function adminListUsers(req: http.IncomingMessage, url: URL) {
		await requireServiceRole(req);
		const perPage = Math.min(Math.max(Number(url.searchParams.get('per_page')) || 50, 1), 1000);
		const page = Math.max(Number(url.searchParams.get('page')) || 1, 1);
		const { rows } = await pool.query<UserRow>(
			'select * from auth.users where deleted_at is null order by created_at, id limit $1 offset $2',
			[perPage, (page - 1) * perPage]
		);
		return {
			aud: 'authenticated',
			users: await Promise.all(rows.map((row) => userJson(pool, row)))
		};
	}

	// As GoTrue: the public halves only, so anyone may verify a token and no one may sign one.
	const jwks = { keys: options.signingKeys.map(publicKey) };

	const publicSettings = {
		external: { anonymous_users: settings.enable_anonymous_sign_ins, email: true, phone: false },
		disable_signup: !settings.enable_signup,
		mailer_autoconfirm: !settings.email.enable_confirmations,
		phone_autoconfirm: false,
		sms_provider: '',
		saml_enabled: false
	};

	type Handler = (req: http.IncomingMessage, url: URL) => Promise<unknown>;
	const routes: Record<string, Partial<Record<string, Handler>>> = {
		'/health': {
			GET: async () => ({ version: 'kring-local', name: 'GoTrue', description: 'Kring local auth' })
		},
		'/settings': { GET: async () => publicSettings },
		'/.well-known/jwks.json': { GET: async () => jwks },
		'/signup': { POST: signUp },
		'/token': { POST: token },
		'/user': {
			GET: async (req) => userJson(pool, (await authenticate(req)).user),
			PUT: updateUser
		},
		'/logout': { POST: logout },
		'/admin/users': { GET: adminListUsers, POST: adminCreateUser }
	};

	async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
		try {
			const url = new URL(req.url ?? '/', 'http://auth');
			const method = req.method ?? 'GET';
			const adminUserMatch = /^\/admin\/users\/([^/]+)$/.exec(url.pathname);
			let result: unknown;
			if (adminUserMatch && (method === 'GET' || method === 'DELETE')) {
				result = await adminUser(req, adminUserMatch[1], method);
			} else {
				const route = routes[url.pathname];
				if (!route) throw new AuthError(404, 'not_found', 'Not found');
				const handler = route[method];
				if (!handler) throw new AuthError(405, 'method_not_allowed', 'Method not allowed');
				result = await handler(req, url);
			}
			if (result === undefined) {
				res.statusCode = 204;
				res.end();
			} else sendJson(res, 200, result);
		} catch (error) {
			if (error instanceof AuthError) return sendError(req, res, error);
			console.error('[auth]', error);
			sendError(req, res, new AuthError(500, 'unexpected_failure', 'Unexpected failure'));
		}
	}

	return { handle, close: async () => {} };
}

function uniqueViolationAs(replacement: AuthError) {
	return (error: unknown): never => {
		if ((error as { code?: string }).code === '23505') throw replacement;
		throw error;
	};
}
