// The page's side of the PWA: registers the service worker, tells it which pages to keep, offers
// an update (applied only when the member taps it) and holds the browser's install prompt.
/// <reference types="vite-plugin-pwa/vanillajs" />
import { registerSW } from 'virtual:pwa-register';
import type { PwaMessage } from './offline-rules';
import { restoreTypedText, saveTypedText } from './typed-text';

/** Chromium's install prompt (not in TypeScript's DOM types). */
export interface InstallPromptEvent extends Event {
	prompt(): Promise<void>;
	userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

class Pwa {
	/** A new version is installed and waits for the member's tap. */
	updateReady = $state(false);
	/** The browser offers to install Kring (Android Chromium), kept until home shows it. */
	installPrompt = $state<InstallPromptEvent | null>(null);
}

export const pwa = new Pwa();

let started = false;

function tellWorker(message: PwaMessage): void {
	void navigator.serviceWorker.ready.then((registration) =>
		registration.active?.postMessage(message)
	);
}

/** A page reached by a client navigation: the worker fetches its HTML once, to have it offline. */
export function keepPage(url: string): void {
	if ('serviceWorker' in navigator) tellWorker({ type: 'keep-page', url });
}

export function startPwa(): void {
	if (started) return;
	started = true;
	restoreTypedText();
	addEventListener('beforeinstallprompt', (event) => {
		event.preventDefault();
		pwa.installPrompt = event as InstallPromptEvent;
	});
	if (!('serviceWorker' in navigator)) return;
	// This page came from the network before the worker was there (the first visit): keep it too.
	if (!navigator.serviceWorker.controller) keepPage(location.href);
	registerSW({
		immediate: true,
		onNeedRefresh: () => (pwa.updateReady = true),
		// Reloading is updateNow()'s: it also happens when this page was not yet the worker's.
		onNeedReload: () => {},
		onRegisteredSW: (_url, registration) => {
			// An installed app can stay open for days: look for a new version when it comes back.
			document.addEventListener('visibilitychange', () => {
				if (document.visibilityState === 'visible') void registration?.update().catch(() => {});
			});
		},
		// Blocked or refused (private mode, an old browser): Kring works as a plain website.
		onRegisterError: () => {}
	});
}

/**
 * The member tapped "vernieuwen": the waiting version takes over and the page loads again, all of
 * it from the new version (never old pages with new files). What they typed is kept across it.
 */
export async function updateNow(): Promise<void> {
	saveTypedText();
	const waiting = (await navigator.serviceWorker.getRegistration())?.waiting;
	if (!waiting) return location.reload();
	navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), {
		once: true
	});
	waiting.postMessage({ type: 'SKIP_WAITING' } satisfies PwaMessage);
}
