// What the service worker needs so that a phone that changes hands shows no one the previous
// person's things when their session ended without a sign-out: how long what it keeps of a person
// may be shown, and the key a person's things are known by. Pure (Web Crypto), tested on its own.

const day = 24 * 60 * 60 * 1000;

/**
 * How long a page kept for a person (and the offline page naming them) is shown without the server
 * having been heard from: 14 days. A Kring session that is not used does not end by itself: its
 * refresh token does not expire and @supabase/ssr keeps the cookie 400 days (no inactivity timeout
 * in supabase/config.toml). So the phone cannot tell when the session that kept a page has ended
 * (revoked, account deleted): a limit as long as a session can live unused would protect no one.
 * Two weeks is how long a member may go without a connection (a prepaid bundle used up halfway
 * through the month) and still read the meetup and the posts they last saw; each page they open
 * with a connection is kept afresh. If sessions get an inactivity timeout (Supabase Auth's
 * `sessions.inactivity_timeout`), this must not be longer than it.
 */
export const keptMaxAgeMs = 14 * day;

/**
 * Whether something kept at `savedAt` (ms since 1970) is too old to show or keep. Unknown, or
 * more than a day in the future (the phone's clock was set back, which would keep it forever),
 * counts as too old.
 */
export function keptTooOld(savedAt: number, now: number): boolean {
	if (!Number.isFinite(savedAt) || savedAt <= 0) return true;
	return now - savedAt > keptMaxAgeMs || savedAt - now > day;
}

/** Salt of the person key: the server derives the same key (src/lib/server/offline-headers.ts). */
export const personKeySalt = 'kring-offline:';

/**
 * The key a person's things go under on the phone (x-kring-person), from their user id: what the
 * server sends, computed in the service worker to know whose an outbox item is.
 */
export async function personKeyOf(userId: string): Promise<string> {
	const bytes = new TextEncoder().encode(personKeySalt + userId);
	const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
	return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0'))
		.join('')
		.slice(0, 32);
}
