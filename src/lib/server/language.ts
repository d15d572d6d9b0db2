// The language Kring speaks to a person. Paraglide reads it from this cookie on the server and in
// the page's scripts, so the cookie is not httpOnly; it is Secure wherever the site is https.
import { cookieMaxAge, cookieName, isLocale, type Locale } from '$lib/paraglide/runtime';
import type { Cookies } from '@sveltejs/kit';

export function rememberLanguage(cookies: Cookies, url: URL, language: Locale | string): void {
	if (!isLocale(language)) return;
	cookies.set(cookieName, language, {
		path: '/',
		maxAge: cookieMaxAge,
		httpOnly: false,
		sameSite: 'lax',
		secure: url.protocol === 'https:'
	});
}
