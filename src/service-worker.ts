/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
// Kring's service worker: the build's files precached (Workbox), the pages a member opened kept
// for reading offline (network first, the kept copy when there is no network), and a friendly
// page for what was never seen; a page slower than a few seconds, or a server error, shows the
// kept copy too. Pages are kept per signed-in person and dropped when sign-out is tapped or the
// server says someone else (or no one) is signed in: a shared phone shows no one the previous
// person's groups. A session may also end without a sign-out (it expired, was ended elsewhere):
// a person's pages are not shown once older than an age limit ($lib/pwa/shared-phone), and what
// they left in the outbox goes once someone else or no one is signed in and it is that old too.
// Which pages may be kept is the server's word (x-kring-offline).
// Of the build's files, only the member's language's copy is precached ($lib/pwa/precache-language).
import { cleanupOutdatedCaches, precacheAndRoute } from 'workbox-precaching';
import { dropLeftBehind } from '$lib/outbox/left-behind';
import { pageAnswer, PersonTurns, withSavedAt, type KeptBecause } from '$lib/pwa/network-first';
import { languageParameter, precacheForLanguage } from '$lib/pwa/precache-language';
import { keptTooOld } from '$lib/pwa/shared-phone';
import {
	metaCache,
	offlineKind,
	offlinePath,
	personCache,
	personCachePrefix,
	personHeader,
	personKeyUrl,
	publicCache,
	savedAtHeader,
	signOutWaitsKeyUrl,
	installedKeyUrl,
	workerKeyUrl,
	type PwaMessage
} from '$lib/pwa/offline-rules';

declare const self: ServiceWorkerGlobalScope & {
	__WB_MANIFEST: Array<{ url: string; revision: string | null }>;
};

/** The page's language, from the address it registered this worker at (?lang=fr). */
const language = new URL(self.location.href).searchParams.get(languageParameter);
const manifest = self.__WB_MANIFEST;
precacheAndRoute(precacheForLanguage(manifest, language));
cleanupOutdatedCaches();

/** This build: its whole list of files (all languages), hashed. */
async function buildId(): Promise<string> {
	const bytes = new TextEncoder().encode(JSON.stringify(manifest));
	const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
	return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * The member changed language and the page registered the worker for it: the same build as the
 * active worker, only another language's copy. Nothing on the pages changes, so this worker takes
 * over without waiting for a tap (a new build still waits for it).
 */
async function languageOnly(): Promise<boolean> {
	if (!self.registration.active) return false;
	const active = await (await caches.open(metaCache)).match(workerKeyUrl);
	if (!active) return false;
	const was = (await active.json().catch(() => null)) as { build?: string; language?: string };
	return was?.build === (await buildId()) && was.language !== (language ?? '');
}

/**
 * Pages kept in another language point at that language's scripts, no longer precached: they go
 * (offline the member gets the offline page instead of a page that cannot start), and are kept
 * again in the new language when opened.
 */
async function dropPagesInOtherLanguages(): Promise<void> {
	if (!language) return;
	for (const name of await caches.keys()) {
		if (name !== publicCache && !name.startsWith(personCachePrefix)) continue;
		const cache = await caches.open(name);
		for (const request of await cache.keys()) {
			const page = await cache.match(request);
			const pageLanguage = page?.headers.get('content-language');
			if (pageLanguage && pageLanguage !== language) await cache.delete(request);
		}
	}
}

/** Changes of who is signed in: what a request begun before the last one brings is dropped. */
const turns = new PersonTurns();

/** Where a page is kept: its address without the fragment. */
const pageKey = (url: URL) => url.origin + url.pathname + url.search;

async function currentPerson(): Promise<string> {
	const kept = await (await caches.open(metaCache)).match(personKeyUrl);
	return kept ? kept.text() : 'none';
}

/** Whether the outbox was looked at for what others left since this worker started. */
let outboxLooked = false;

/**
 * Follows the server's word on who is signed in. Someone else, or no one: every other person's
 * kept pages go, and answers to requests begun before now change nothing any more.
 */
async function notePerson(response: Response): Promise<void> {
	const person = response.headers.get(personHeader);
	if (!person || !/^(none|[0-9a-f]{16,64})$/.test(person)) return;
	const changed = person !== (await currentPerson());
	if (changed) {
		turns.change();
		const keep = personCache(person);
		for (const name of await caches.keys()) {
			if (name.startsWith(personCachePrefix) && name !== keep) await caches.delete(name);
		}
		await (await caches.open(metaCache)).put(personKeyUrl, new Response(person));
	}
	// What others left in the outbox: looked at on each change, and once each time the worker starts.
	if (changed || !outboxLooked) {
		outboxLooked = true;
		await dropLeftBehind(person).catch(() => undefined);
	}
}

/** A person's kept page, unless it is past the age limit: then it goes, and is not shown. */
async function keptFresh(cacheName: string, url: string): Promise<Response | undefined> {
	const cache = await caches.open(cacheName);
	const page = await cache.match(url);
	if (!page || !keptTooOld(Number(page.headers.get(savedAtHeader)), Date.now())) return page;
	await cache.delete(url);
	return undefined;
}

/** Every person's pages past the age limit go (when the worker starts, without waiting to be asked). */
function dropOldPages(): Promise<void> {
	return turns.run(turns.start(), async () => {
		for (const name of await caches.keys()) {
			if (!name.startsWith(personCachePrefix)) continue;
			const cache = await caches.open(name);
			for (const request of await cache.keys()) await keptFresh(name, request.url);
		}
	});
}
void dropOldPages().catch(() => undefined);

/**
 * Sign-out tapped: every person's kept pages go now, before the request leaves (it may fail, or
 * the phone may be offline), and no answer begun earlier brings them back.
 */
function signOut(): Promise<void> {
	turns.change();
	return turns.run(turns.start(), async () => {
		for (const name of await caches.keys()) {
			if (name.startsWith(personCachePrefix)) await caches.delete(name);
		}
		await (await caches.open(metaCache)).put(personKeyUrl, new Response('none'));
	});
}

/**
 * A sign-out tapped without a connection cleared the phone, but the session lives on in its
 * cookie until the server ends it: whoever opened Kring next, with a connection, would be in the
 * account. So the sign-out waits here (kept across the worker's restarts), and once there is a
 * connection it goes first: no page, page data or form leaves before it has reached the server.
 */
let signOutWaits: Promise<boolean> = caches
	.open(metaCache)
	.then((meta) => meta.match(signOutWaitsKeyUrl))
	.then(Boolean, () => false);
/** The same, known at once (undefined until read): whether requests must wait for it. */
let signOutWaitsNow: boolean | undefined;
void signOutWaits.then((waits) => (signOutWaitsNow ??= waits));

async function signOutWaiting(waits: boolean): Promise<void> {
	signOutWaitsNow = waits;
	signOutWaits = Promise.resolve(waits);
	const meta = await caches.open(metaCache);
	if (waits) await meta.put(signOutWaitsKeyUrl, new Response('1'));
	else await meta.delete(signOutWaitsKeyUrl);
}

let endingSession: Promise<boolean> | undefined;

/** True when no sign-out waits (any more): the one that waited has now reached the server. */
function signOutDone(): Promise<boolean> {
	endingSession ??= (async () => {
		if (!(await signOutWaits)) return true;
		try {
			const response = await fetch('/signout', {
				method: 'POST',
				credentials: 'same-origin',
				redirect: 'manual'
			});
			// Only a server error leaves it waiting: any other answer must not lock the phone out.
			if (response.status >= 500) return false;
		} catch {
			return false;
		}
		await signOutWaiting(false);
		return true;
	})().finally(() => (endingSession = undefined));
	return endingSession;
}

/**
 * Keeps a page the server allows to be kept, in the cache of whoever it belongs to, under the
 * address it came from (a redirect followed: not the one asked for).
 */
async function keep(asked: string, response: Response): Promise<void> {
	if (response.status !== 200 || response.type !== 'basic') return;
	if (!(response.headers.get('content-type') ?? '').startsWith('text/html')) return;
	const kind = offlineKind(response.headers);
	if (!kind) return;
	const person = response.headers.get(personHeader) ?? 'none';
	const cacheName =
		kind === 'public' ? publicCache : person === 'none' ? null : personCache(person);
	if (!cacheName) return;
	const headers = new Headers(response.headers);
	headers.set(savedAtHeader, String(Date.now()));
	const url = response.redirected ? pageKey(new URL(response.url)) : asked;
	const body = await response.arrayBuffer();
	await (await caches.open(cacheName)).put(url, new Response(body, { status: 200, headers }));
}

/**
 * The page from the network, handed on as it streams in; what it says about who is signed in,
 * and the copy kept of it, are dealt with beside it.
 */
async function fromNetwork(
	request: Request,
	url: string,
	waitUntil: (work: Promise<unknown>) => void
): Promise<Response> {
	if (!(await signOutDone())) throw new Error('A sign-out waits for a connection.');
	const started = turns.start();
	const response = await fetch(request);
	const copy = response.clone();
	waitUntil(
		(async () => {
			let refresh = false;
			await turns.run(started, async () => {
				await notePerson(copy);
				await keep(url, copy);
				refresh = await offlinePageOutdated(copy);
			});
			// A page redirected (to sign in, when the session ended without a sign-out) says nothing
			// the worker may read: while someone's pages are kept, the server is asked who is signed in.
			if (copy.type === 'opaqueredirect' && (await currentPerson()) !== 'none') refresh = true;
			if (refresh) await refreshOfflinePage();
		})().catch(() => undefined)
	);
	return response;
}

/**
 * The offline page follows the person (it names them) and the language they read Kring in, and is
 * fetched again each day, so that it never reaches the age limit while they use Kring.
 */
async function offlinePageOutdated(response: Response): Promise<boolean> {
	const language = response.headers.get('content-language');
	const person = response.headers.get(personHeader);
	if (!language || !person) return false;
	const page = await (await caches.open(ownCache(person))).match(offlinePath);
	const age = Date.now() - Number(page?.headers.get(savedAtHeader));
	return page?.headers.get('content-language') !== language || !(age < offlinePageRefreshMs);
}

const offlinePageRefreshMs = 24 * 60 * 60 * 1000;

/** The kept copy of a page (this person's, or a public one), marked with when it was kept and why. */
async function kept(url: string, because: KeptBecause): Promise<Response | undefined> {
	const person = await currentPerson();
	const own = person === 'none' ? undefined : await keptFresh(personCache(person), url);
	const found = own ?? (await (await caches.open(publicCache)).match(url));
	return found && withSavedAt(found, because);
}

const ownCache = (person: string) => (person === 'none' ? publicCache : personCache(person));

async function offlinePage(): Promise<Response> {
	const person = await currentPerson();
	const page =
		(person === 'none' ? undefined : await keptFresh(personCache(person), offlinePath)) ??
		(await (await caches.open(publicCache)).match(offlinePath));
	if (page) return page;
	// Never fetched yet (the worker was installed offline): a page of one sentence.
	return new Response('<!doctype html><meta charset="utf-8"><title>Kring</title><p>Offline.</p>', {
		status: 503,
		headers: { 'content-type': 'text/html; charset=utf-8' }
	});
}

self.addEventListener('fetch', (event) => {
	const { request } = event;
	const url = new URL(request.url);
	if (url.origin !== self.location.origin) return;
	if (request.method === 'POST' && request.mode === 'navigate' && url.pathname === '/signout') {
		event.respondWith(
			signOut()
				.catch(() => undefined)
				.then(() => fetch(request))
				.then(
					async (response) => {
						await signOutWaiting(false).catch(() => undefined);
						return response;
					},
					async () => {
						// Not reached: it goes as soon as there is a connection, before anything else.
						await signOutWaiting(true).catch(() => undefined);
						return offlinePage();
					}
				)
		);
		return;
	}
	// A form or a page's data (never a precached file) while a sign-out may still wait: it first.
	const dataOrForm =
		request.method !== 'GET' ||
		(request.mode !== 'navigate' && url.pathname.endsWith('/__data.json'));
	if (dataOrForm && signOutWaitsNow !== false) {
		event.respondWith(signOutDone().then((done) => (done ? fetch(request) : Response.error())));
		return;
	}
	if (request.method !== 'GET') return;
	if (request.mode === 'navigate') {
		const key = pageKey(url);
		const pending: Array<Promise<unknown>> = [];
		const network = fromNetwork(request, key, (work) => pending.push(work));
		// Still kept when a slow answer arrives after the kept copy was shown.
		event.waitUntil(
			network.then(
				() => Promise.all(pending),
				() => undefined
			)
		);
		event.respondWith(pageAnswer(network, (because) => kept(key, because), offlinePage));
		return;
	}
	// Everything else (a client navigation's data, an answer to a form) goes to the network
	// untouched: a page's data is kept as its HTML (see 'keep-page').
});

/**
 * The offline page shows who is signed in: it is kept with that person's pages (with when, for
 * the age limit). Fetching it is also how the worker asks the server who is signed in.
 */
async function refreshOfflinePage(): Promise<void> {
	if (!(await signOutDone())) return;
	const started = turns.start();
	const response = await fetch(offlinePath, { credentials: 'same-origin' });
	const person = response.headers.get(personHeader);
	if (!response.ok || !person) return;
	const headers = new Headers(response.headers);
	headers.set(savedAtHeader, String(Date.now()));
	const page = new Response(await response.arrayBuffer(), { status: 200, headers });
	await turns.run(started, async () => {
		await notePerson(response);
		await (await caches.open(ownCache(person))).put(offlinePath, page);
	});
}

self.addEventListener('install', (event) => {
	// The offline page in the member's language (their cookie goes with this request).
	event.waitUntil(refreshOfflinePage().catch(() => undefined));
	// A change of language only: take over now, and say so to the page (no update to offer).
	event.waitUntil(
		languageOnly()
			.catch(() => false)
			.then(async (only) => {
				const meta = await caches.open(metaCache);
				await meta.put(installedKeyUrl, new Response(only ? 'language' : 'update'));
				if (only) await self.skipWaiting();
			})
	);
});

self.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			await self.clients.claim();
			await dropPagesInOtherLanguages().catch(() => undefined);
			const worker = { build: await buildId(), language: language ?? '' };
			await (await caches.open(metaCache)).put(workerKeyUrl, new Response(JSON.stringify(worker)));
		})()
	);
});

self.addEventListener('message', (event) => {
	const message = event.data as PwaMessage | undefined;
	if (message?.type === 'SKIP_WAITING') {
		void self.skipWaiting();
	} else if (message?.type === 'sign-out') {
		event.waitUntil(signOut().catch(() => undefined));
	} else if (message?.type === 'keep-page') {
		// A page reached by a client navigation: its data came as JSON, so its HTML is fetched
		// once here, to be there offline.
		const url = new URL(message.url, self.location.origin);
		if (url.origin !== self.location.origin) return;
		const key = pageKey(url);
		const request = new Request(key, {
			credentials: 'same-origin',
			headers: { accept: 'text/html' }
		});
		const pending: Array<Promise<unknown>> = [];
		event.waitUntil(
			fromNetwork(request, key, (work) => pending.push(work)).then(
				() => Promise.all(pending),
				() => undefined
			)
		);
	}
});
