import { defineCustomClientStrategy, isLocale } from '$lib/paraglide/runtime';
import { holdInstallPrompt } from '$lib/pwa/app.svelte';
import { typedTextKey } from '$lib/pwa/offline-rules';
import { watchTypedBeforeStart } from '$lib/typed-before-start';
import type { ClientInit } from '@sveltejs/kit';

// Before Svelte takes the page over, so that nothing typed meanwhile is lost. After the reload
// of an update, what was being typed is first put back into the page the server wrote.
export const init: ClientInit = () => {
	holdInstallPrompt();
	let saved: string | null = null;
	try {
		saved = sessionStorage.getItem(typedTextKey);
	} catch {
		// No storage on this phone: nothing was saved.
	}
	if (!saved) return watchTypedBeforeStart();
	return import('$lib/pwa/typed-text')
		.then(
			(typed) => typed.restoreTypedText(),
			() => undefined
		)
		.then(watchTypedBeforeStart);
};

// The server chose the page's language (a remembered choice, the request's languages, or Dutch)
// and wrote it in <html lang>; the browser keeps to it. Asking the phone's own language list again
// could turn a Dutch page English the moment its scripts run, and Paraglide would then remember
// that in its cookie for every later visit.
defineCustomClientStrategy('custom-page', {
	getLocale: () => {
		const lang = document.documentElement.lang;
		return isLocale(lang) ? lang : undefined;
	},
	setLocale: (locale) => {
		document.documentElement.lang = locale;
	}
});
