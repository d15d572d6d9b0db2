// The page's side of the PWA: registers the service worker, tells it which pages to keep, offers
// an update (applied only when the member taps it) and holds the browser's install prompt.
// Always loaded, so kept small: what it shows (banner, update prompt, install hint) is loaded
// only when there is something to show.
import {
	installedKeyUrl,
	metaCache,
	personCachePrefix,
	personKeyUrl,
	type PwaMessage
} from './offline-rules';
import type { KeptClock } from './kept-clock';
import { workerUrl } from './precache-language';

/** Saving and putting back typed text, loaded only around an update's reload. */
const typedText = () => import('./typed-text');

/** Chromium's install prompt (not in TypeScript's DOM types). */
export interface InstallPromptEvent extends Event {
	prompt(): Promise<void>;
	userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

const installDoneKey = 'kring-install-hint';

class Pwa {
	/** A new version is installed and waits for the member's tap. */
	updateReady = $state(false);
	/** The browser offers to install Kring (Android Chromium). */
	installPrompt = $state<InstallPromptEvent | null>(null);
	/** Home may offer to install: not installed, not offered and waved away before. */
	installOffer = $state<'prompt' | 'ios' | null>(null);
	/**
	 * On a page kept on the phone (shown offline, or with the server slow or failing): its words
	 * for moments written afresh ($lib/pwa/kept-clock). Null on a page from the server.
	 */
	clock = $state.raw<KeptClock | null>(null);
}

export const pwa = new Pwa();

let started = false;

/** A page reached by a client navigation: the worker fetches its HTML once, to have it offline. */
export function keepPage(url: string): void {
	if (!('serviceWorker' in navigator)) return;
	const message: PwaMessage = { type: 'keep-page', url };
	void navigator.serviceWorker.ready.then((registration) =>
		registration.active?.postMessage(message)
	);
}

/**
 * Sign-out tapped: every person's kept pages leave the phone now, before the request goes out
 * (it may fail, or the phone is offline). The worker is told too, so that no answer it still
 * waits for brings them back; without a worker, the page empties the caches itself.
 */
export async function forgetKeptPages(): Promise<void> {
	navigator.serviceWorker?.controller?.postMessage({ type: 'sign-out' } satisfies PwaMessage);
	if (!('caches' in globalThis)) return;
	for (const name of await caches.keys()) {
		if (name.startsWith(personCachePrefix)) await caches.delete(name);
	}
	await (await caches.open(metaCache)).put(personKeyUrl, new Response('none'));
}

/** Any sign-out form, wherever it is: once its own handler let it go, the kept pages go. */
function forgetOnSignOut(): void {
	document.addEventListener('submit', (event) => {
		const form = event.target;
		if (event.defaultPrevented || !(form instanceof HTMLFormElement)) return;
		if (new URL(form.action, location.href).pathname !== '/signout') return;
		void forgetKeptPages().catch(() => undefined);
	});
}

/** Installed already, or offered and taken or waved away on this phone. */
function installSettled(): boolean {
	const installed =
		matchMedia('(display-mode: standalone)').matches ||
		(navigator as Navigator & { standalone?: boolean }).standalone === true;
	return installed || localStorage.getItem(installDoneKey) !== null;
}

/**
 * Holds the browser's install prompt (Android Chromium) for home's offer. Listened for from the
 * start (src/hooks.client.ts): the browser may offer it before the page has started, and offers
 * it once per page. Once installed, taken or waved away, the browser is left alone.
 */
export function holdInstallPrompt(): void {
	addEventListener('beforeinstallprompt', (event) => {
		if (installSettled()) return;
		event.preventDefault();
		pwa.installPrompt = event as InstallPromptEvent;
		pwa.installOffer = 'prompt';
	});
}

/** Safari has no prompt: an iPhone is shown how, once the page is shown. */
function offerInstallOnIphone(): void {
	if (/iPhone|iPad|iPod/.test(navigator.userAgent) && !installSettled()) pwa.installOffer = 'ios';
}

/** Taken or waved away: never offered again on this phone. */
export function installDone(outcome: string): void {
	localStorage.setItem(installDoneKey, outcome);
	pwa.installOffer = null;
	pwa.installPrompt = null;
}

async function register(): Promise<void> {
	// Playwright's blocked workers, private modes and old browsers answer nothing or refuse:
	// Kring then works as a plain website. The worker precaches the page's language's scripts
	// only; registered for another language than before, it takes over by itself (same build).
	const registration = await navigator.serviceWorker
		.register(workerUrl(document.documentElement.lang))
		.catch(() => null);
	if (!registration) return;
	// Only an update is offered: the very first worker has nothing to replace, and a worker for
	// another language of the same build takes over without a tap.
	const offer = async () => {
		if (!registration.waiting || !navigator.serviceWorker.controller) return;
		const installed = await (await caches.open(metaCache)).match(installedKeyUrl);
		if ((await installed?.text()) === 'language') return;
		if (registration.waiting) pwa.updateReady = true;
	};
	void offer().catch(() => undefined);
	registration.addEventListener('updatefound', () => {
		const installing = registration.installing;
		installing?.addEventListener('statechange', () => {
			if (installing.state === 'installed') void offer().catch(() => undefined);
		});
	});
	// An installed app can stay open for days: look for a new version when it comes back.
	document.addEventListener('visibilitychange', () => {
		if (document.visibilityState === 'visible') void registration.update().catch(() => {});
	});
}

export function startPwa(): void {
	if (started) return;
	started = true;
	offerInstallOnIphone();
	forgetOnSignOut();
	if (!('serviceWorker' in navigator)) return;
	// This page came from the network before the worker was there (the first visit): keep it too.
	if (!navigator.serviceWorker.controller) keepPage(location.href);
	void register();
}

/**
 * The member tapped "vernieuwen": the waiting version takes over and the page loads again, all of
 * it from the new version (never old pages with new files). What they typed is kept across it.
 */
export async function updateNow(): Promise<void> {
	(await typedText()).saveTypedText();
	const waiting = (await navigator.serviceWorker.getRegistration())?.waiting;
	if (!waiting) return location.reload();
	navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), {
		once: true
	});
	waiting.postMessage({ type: 'SKIP_WAITING' } satisfies PwaMessage);
}
