// What the server and the service worker agree on about keeping pages for offline reading.
// Imported by both sides and the page, so it holds names and small pure functions only.

/** Who is signed in: a key derived from the person's id ('none' when no one), on every response. */
export const personHeader = 'x-kring-person';
/** Whether a page may be kept for offline reading: 'person' (theirs only) or 'public'. */
export const offlineHeader = 'x-kring-offline';
/** When a kept page was fetched (ms since 1970), written by the service worker. */
export const savedAtHeader = 'x-kring-saved-at';
/** The attribute on <html> of a kept page shown offline, read by the offline banner. */
export const savedAtAttribute = 'data-kring-saved-at';

export const offlinePath = '/offline';
export const publicCache = 'kring-public';
export const personCachePrefix = 'kring-person-';
export const personCache = (person: string) => `${personCachePrefix}${person}`;
/** Who the worker last heard is signed in ('none' when no one), kept across its restarts. */
export const metaCache = 'kring-meta';
export const personKeyUrl = '/__kring/person';
/** The active worker's build and language ({ build, language }), in the meta cache. */
export const workerKeyUrl = '/__kring/worker';
/** Set while a sign-out tapped without a connection has not reached the server yet. */
export const signOutWaitsKeyUrl = '/__kring/sign-out-waits';
/** What the last installed worker is: 'update' (waits for a tap) or 'language' (takes over). */
export const installedKeyUrl = '/__kring/installed';

export type OfflineKind = 'person' | 'public';

export type PwaMessage =
	{ type: 'SKIP_WAITING' } | { type: 'keep-page'; url: string } | { type: 'sign-out' };

export function offlineKind(headers: Headers): OfflineKind | null {
	const kind = headers.get(offlineHeader);
	return kind === 'person' || kind === 'public' ? kind : null;
}

/**
 * The signed-in pages a member reads offline, and only those: a kept page stays on a phone that
 * others may use. Never invite links and their QR codes, moderation, members lists, a host's
 * view, admin pages or someone's data.
 */
const personRoutes = new Set([
	'/(app)/home',
	'/(app)/g/[group=uuid]',
	'/(app)/g/[group=uuid]/p/[post=uuid]',
	'/(app)/g/[group=uuid]/meetups',
	'/(app)/m/[meetup=uuid]',
	'/(app)/notifications',
	'/(app)/me'
]);

/**
 * Which pages may be kept on the phone, by route: a few signed-in pages (for their own person),
 * the landing and offline pages. Never sign-in, joining (a secret link), asking to join.
 */
export function offlineKindOfRoute(routeId: string | null): OfflineKind | null {
	if (!routeId) return null;
	if (personRoutes.has(routeId)) return 'person';
	if (routeId === '/(public)' || routeId === '/offline') return 'public';
	return null;
}

/** Where text typed before an update's reload waits to be put back (sessionStorage). */
export const typedTextKey = 'kring-typed-text';
