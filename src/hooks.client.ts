import { defineCustomClientStrategy, isLocale } from '$lib/paraglide/runtime';

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
