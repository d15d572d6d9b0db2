// The supabase clients of one request, and who is signed in. The session cookie is read and its
// access token verified once per request, locally, against the project's published signing keys
// (supabase-js keeps the JWKS for every client): a page costs no call to the auth server. The
// database client is handed that token instead of reading and decoding the cookie for every call.
// A token verified before and far from its expiry is read from the cookie directly: the cookie
// client of @supabase/ssr is made only when something needs it (renewing, signing in or out).
import type { Database } from '$lib/database.types';
import { createServerClient, type GetAllCookies, type SetAllCookies } from '@supabase/ssr';
import {
	createClient,
	isAuthRetryableFetchError,
	type JwtPayload,
	type SupabaseClient
} from '@supabase/supabase-js';
import ws from 'ws';
import { databaseFetch } from './database-fetch';

/** Who is signed in, as their verified access token says. */
export interface SessionUser {
	id: string;
	/** Undefined for a nickname account without an email. */
	email: string | undefined;
	is_anonymous: boolean;
	user_metadata: { nickname?: string; language?: string };
}

export interface RequestClients {
	/** The database, under the signed-in person's rights (or anon's). */
	supabase: SupabaseClient<Database>;
	/**
	 * Keeps the session in the cookies: signing in and out, changing the account (its `.auth`).
	 * Not for the database: it reads the cookie again for every call.
	 */
	sessionClient: SupabaseClient<Database>;
	/**
	 * Who is signed in. `unknown`: that could not be known, as the session needed renewing and
	 * Supabase Auth could not be reached or answered with a server error; `user` is then null, yet
	 * the session lives on (the cookie is kept), so what says "no one" to the phone must not.
	 */
	safeGetSession(): Promise<{ user: SessionUser | null; unknown: boolean }>;
}

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

/** The claims the app reads, from a token whose signature and expiry were checked. */
export function sessionUser(claims: JwtPayload): SessionUser {
	const metadata = claims.user_metadata ?? {};
	return {
		id: claims.sub,
		// GoTrue writes an empty string when there is none.
		email: text(claims.email),
		is_anonymous: claims.is_anonymous === true,
		user_metadata: { nickname: text(metadata.nickname), language: text(metadata.language) }
	};
}

/**
 * Access tokens whose signature getClaims() checked, with their claims, kept until they expire:
 * a phone sends the same token with every page for up to an hour, and checking it (importing the
 * key, verifying ES256) cost about 0.8 ms of CPU per page under load. A token is a signed
 * statement until its expiry; the JWKS itself is kept 10 minutes by supabase-js.
 */
const verifiedTokens = new Map<string, JwtPayload>();
const keptTokens = 2000;

/** Auth could not be asked: who is signed in is not known (not the same as no one). */
const notKnown = { user: null, accessToken: null } as const;

async function claimsOf(
	auth: SupabaseClient['auth'],
	token: string
): Promise<JwtPayload | null | 'unknown'> {
	const known = verifiedTokens.get(token);
	if (known && typeof known.exp === 'number' && known.exp * 1000 > Date.now()) return known;
	const verified = await auth.getClaims(token);
	if (verified.error && isAuthRetryableFetchError(verified.error)) return 'unknown';
	if (verified.error || !verified.data) return null;
	if (verifiedTokens.size >= keptTokens) verifiedTokens.clear();
	verifiedTokens.set(token, verified.data.claims);
	return verified.data.claims;
}

/**
 * auth-js renews a session whose token expires within this margin (EXPIRY_MARGIN_MS): only a
 * token further from its expiry is taken from the cookie without the cookie client.
 */
const renewalMarginMs = 90_000;

/**
 * The session's access token as @supabase/ssr keeps it: the cookie sb-<ref>-auth-token, or its
 * chunks .0, .1, … in order, holding "base64-" and the session's JSON in base64url. Null when it
 * is absent or written any other way (the cookie client then reads it).
 */
export function sessionCookieToken(
	cookies: Array<{ name: string; value: string }>,
	url: string
): { accessToken: string; expiresAt: number } | null {
	const name = `sb-${new URL(url).hostname.split('.')[0]}-auth-token`;
	const values = new Map(cookies.map((cookie) => [cookie.name, cookie.value]));
	let value = values.get(name);
	if (!value) {
		const chunks: string[] = [];
		for (let i = 0; values.has(`${name}.${i}`); i++) chunks.push(values.get(`${name}.${i}`)!);
		value = chunks.join('');
	}
	if (!value?.startsWith('base64-')) return null;
	try {
		const session = JSON.parse(Buffer.from(value.slice(7), 'base64url').toString('utf8'));
		const { access_token, refresh_token, expires_at } = session ?? {};
		if (typeof access_token !== 'string' || typeof refresh_token !== 'string') return null;
		if (typeof expires_at !== 'number') return null;
		return { accessToken: access_token, expiresAt: expires_at };
	} catch {
		return null;
	}
}

/** The session in the cookie, when its token was verified before and is not about to expire. */
function keptSession(cookies: Array<{ name: string; value: string }>, url: string) {
	const session = sessionCookieToken(cookies, url);
	if (!session || session.expiresAt * 1000 - Date.now() < renewalMarginMs) return null;
	const claims = verifiedTokens.get(session.accessToken);
	if (!claims || typeof claims.exp !== 'number' || claims.exp * 1000 <= Date.now()) return null;
	return { user: sessionUser(claims), accessToken: session.accessToken };
}

async function verify(auth: SupabaseClient['auth']) {
	// Reads the cookie, and renews the session first when its token is (about to be) expired.
	const { data, error } = await auth.getSession();
	if (error && isAuthRetryableFetchError(error)) return notKnown;
	if (error || !data.session) return null;
	const accessToken = data.session.access_token;
	const claims = await claimsOf(auth, accessToken);
	if (claims === 'unknown') return notKnown;
	if (!claims) return null;
	return { user: sessionUser(claims), accessToken };
}

export function requestClients(
	url: string,
	key: string,
	options: { cookies: { getAll: GetAllCookies; setAll: SetAllCookies }; fetch: typeof fetch }
): RequestClients {
	let sessionClient: SupabaseClient<Database> | undefined;
	const cookieClient = () =>
		(sessionClient ??= createServerClient<Database>(url, key, {
			cookies: {
				getAll: options.cookies.getAll,
				setAll: (cookies, headers) => {
					// Signed in, out, or renewed during this request: the next check reads the new cookie.
					checked = undefined;
					return options.cookies.setAll(cookies, headers);
				}
			},
			global: { fetch: options.fetch },
			realtime: { transport: ws as never }
		}));
	const cookies = options.cookies.getAll();
	const kept = Array.isArray(cookies) ? keptSession(cookies, url) : null;
	let checked: ReturnType<typeof verify> | undefined = kept ? Promise.resolve(kept) : undefined;
	const verified = () => (checked ??= verify(cookieClient().auth));
	const supabase = createClient<Database>(url, key, {
		accessToken: async () => (await verified())?.accessToken ?? null,
		global: { fetch: databaseFetch },
		realtime: { transport: ws as never }
	});
	return {
		supabase,
		get sessionClient() {
			return cookieClient();
		},
		safeGetSession: async () => {
			const session = await verified();
			return { user: session?.user ?? null, unknown: session === notKnown };
		}
	};
}
