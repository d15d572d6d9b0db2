// Sessions, access tokens (JWTs with GoTrue's claims, signed with the project's asymmetric key)
// and refresh tokens with rotation.
import { createPrivateKey, randomBytes, type JsonWebKeyInput, type KeyObject } from 'node:crypto';
import {
	createLocalJWKSet,
	errors as joseErrors,
	jwtVerify,
	SignJWT,
	type JWTPayload,
	type JWTVerifyGetKey
} from 'jose';
import type pg from 'pg';
import { publicKey, type SigningKey } from '../keys';
import { AuthError, badRequest } from './http';
import { findUserById, userJson, type UserRow } from './users';

export interface TokenSettings {
	pool: pg.Pool;
	/** Signs access tokens. */
	signingKey: { kid: string; alg: string; key: KeyObject };
	/** Every signing key's public half, and the legacy secret for HS256 (the API keys). */
	verificationKey: JWTVerifyGetKey;
	issuer: string;
	expirySeconds: number;
	reuseIntervalSeconds: number;
}

export interface AccessClaims extends JWTPayload {
	sub: string;
	role: string;
	session_id?: string;
	is_anonymous?: boolean;
}

type SignInMethod = 'password' | 'anonymous';

/** As GoTrue with JWT keys: the first key signs; tokens of every key, and legacy HS256 ones, verify. */
export function tokenKeys(
	keys: SigningKey[],
	legacySecret: string
): Pick<TokenSettings, 'signingKey' | 'verificationKey'> {
	const [signing] = keys;
	const published = createLocalJWKSet({ keys: keys.map(publicKey) });
	const secret = new TextEncoder().encode(legacySecret);
	return {
		signingKey: {
			kid: signing.kid,
			alg: signing.alg,
			key: createPrivateKey({ key: signing, format: 'jwk' } as JsonWebKeyInput)
		},
		verificationKey: (header, token) => (header.alg === 'HS256' ? secret : published(header, token))
	};
}

export async function verifyAccessToken(
	settings: TokenSettings,
	token: string
): Promise<AccessClaims> {
	try {
		const { payload } = await jwtVerify(token, settings.verificationKey, {
			algorithms: ['ES256', 'RS256', 'HS256']
		});
		return payload as AccessClaims;
	} catch (error) {
		const reason =
			error instanceof joseErrors.JWTExpired
				? 'token is expired'
				: 'unable to parse or verify signature';
		throw new AuthError(403, 'bad_jwt', `invalid JWT: ${reason}`);
	}
}

async function signAccessToken(
	settings: TokenSettings,
	user: UserRow,
	sessionId: string,
	amr: Array<{ method: string; timestamp: number }>
): Promise<{ token: string; expiresAt: number }> {
	const now = Math.floor(Date.now() / 1000);
	const expiresAt = now + settings.expirySeconds;
	const token = await new SignJWT({
		email: user.email ?? '',
		phone: user.phone ?? '',
		app_metadata: user.raw_app_meta_data ?? {},
		user_metadata: user.raw_user_meta_data ?? {},
		role: user.role,
		aal: 'aal1',
		amr,
		session_id: sessionId,
		is_anonymous: user.is_anonymous
	})
		.setProtectedHeader({ alg: settings.signingKey.alg, typ: 'JWT', kid: settings.signingKey.kid })
		.setIssuer(settings.issuer)
		.setSubject(user.id)
		.setAudience(user.aud)
		.setIssuedAt(now)
		.setExpirationTime(expiresAt)
		.sign(settings.signingKey.key);
	return { token, expiresAt };
}

async function tokenResponse(
	settings: TokenSettings,
	user: UserRow,
	sessionId: string,
	refreshToken: string,
	amr: Array<{ method: string; timestamp: number }>
) {
	const access = await signAccessToken(settings, user, sessionId, amr);
	return {
		access_token: access.token,
		token_type: 'bearer',
		expires_in: settings.expirySeconds,
		expires_at: access.expiresAt,
		refresh_token: refreshToken,
		user: await userJson(settings.pool, user)
	};
}

const newRefreshToken = () => randomBytes(24).toString('base64url');

/** A new session for a person who just signed up or signed in. */
export async function startSession(
	settings: TokenSettings,
	user: UserRow,
	method: SignInMethod,
	client: { ip: string; userAgent?: string }
) {
	const refreshToken = newRefreshToken();
	const { rows } = await settings.pool.query<{ id: string; created_at: Date }>(
		`with session as (
			insert into auth.sessions (id, user_id, created_at, updated_at, aal, user_agent, ip)
			values (gen_random_uuid(), $1, now(), now(), 'aal1', $2, $3::inet)
			returning id, created_at
		), token as (
			insert into auth.refresh_tokens (instance_id, token, user_id, revoked, created_at, updated_at, session_id)
			select '00000000-0000-0000-0000-000000000000', $4, $1, false, now(), now(), id from session
		), signed_in as (
			update auth.users set last_sign_in_at = now() where id = $1
		)
		select id, created_at from session`,
		[user.id, client.userAgent ?? null, ipOrNull(client.ip), refreshToken]
	);
	const signedIn = (await findUserById(settings.pool, user.id)) ?? user;
	const amr = [{ method, timestamp: Math.floor(rows[0].created_at.getTime() / 1000) }];
	return tokenResponse(settings, signedIn, rows[0].id, refreshToken, amr);
}

/**
 * Rotation: every refresh revokes the token used and hands out its child. A revoked token used
 * again within the reuse interval (two tabs refreshing at once) gets the current token; later,
 * it is treated as stolen and the whole session ends.
 */
export async function refreshSession(settings: TokenSettings, token: string) {
	const client = await settings.pool.connect();
	try {
		await client.query('begin');
		const { rows } = await client.query<{
			id: string;
			revoked: boolean;
			updated_at: Date;
			session_id: string;
			user_id: string;
		}>(
			`select t.id, t.revoked, t.updated_at, t.session_id, t.user_id
			from auth.refresh_tokens t join auth.sessions s on s.id = t.session_id
			where t.token = $1 for update of t`,
			[token]
		);
		const current = rows[0];
		if (!current)
			throw badRequest('refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found');

		let issued: string;
		if (current.revoked) {
			const withinReuse =
				Date.now() - current.updated_at.getTime() < settings.reuseIntervalSeconds * 1000;
			const { rows: active } = await client.query<{ token: string }>(
				`select token from auth.refresh_tokens where session_id = $1 and not revoked order by id desc limit 1`,
				[current.session_id]
			);
			if (!withinReuse || !active[0]) {
				await client.query('delete from auth.sessions where id = $1', [current.session_id]);
				await client.query('commit');
				throw badRequest('refresh_token_already_used', 'Invalid Refresh Token: Already Used');
			}
			issued = active[0].token;
		} else {
			issued = newRefreshToken();
			await client.query(
				'update auth.refresh_tokens set revoked = true, updated_at = now() where id = $1',
				[current.id]
			);
			await client.query(
				`insert into auth.refresh_tokens (instance_id, token, user_id, revoked, created_at, updated_at, parent, session_id)
				values ('00000000-0000-0000-0000-000000000000', $1, $2, false, now(), now(), $3, $4)`,
				[issued, current.user_id, token, current.session_id]
			);
			await client.query(
				'update auth.sessions set refreshed_at = now(), updated_at = now() where id = $1',
				[current.session_id]
			);
		}
		await client.query('commit');

		const user = await findUserById(settings.pool, current.user_id);
		if (!user) throw badRequest('user_not_found', 'User not found');
		const { rows: session } = await settings.pool.query<{ created_at: Date }>(
			'select created_at from auth.sessions where id = $1',
			[current.session_id]
		);
		const method = user.is_anonymous ? 'anonymous' : 'password';
		const amr = [
			{ method, timestamp: Math.floor((session[0]?.created_at ?? new Date()).getTime() / 1000) }
		];
		return tokenResponse(settings, user, current.session_id, issued, amr);
	} catch (error) {
		await client.query('rollback').catch(() => {});
		throw error;
	} finally {
		client.release();
	}
}

function ipOrNull(ip: string): string | null {
	return /^[0-9a-fA-F:.]+$/.test(ip) ? ip.replace(/^::ffff:/, '') : null;
}
