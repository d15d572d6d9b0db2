// The page speaks the language the server chose (a remembered choice, or the browser's languages
// as the request listed them, or Dutch); the phone's own language list must not turn it into
// another one once the page's scripts run.
import { afterEach, describe, expect, test, vi } from 'vitest';

async function languageInBrowser(page: { cookie: string; lang: string; languages: string[] }) {
	vi.resetModules();
	vi.stubGlobal('window', { location: new URL('http://127.0.0.1/') });
	vi.stubGlobal('document', { cookie: page.cookie, documentElement: { lang: page.lang } });
	vi.stubGlobal('navigator', { languages: page.languages, language: page.languages[0] });
	const runtime = await import('$lib/paraglide/runtime');
	await import('../hooks.client');
	return runtime.getLocale();
}

afterEach(() => {
	vi.unstubAllGlobals();
	vi.resetModules();
});

describe('the language the server chooses for a first visit', () => {
	test('is Dutch without Accept-Language or with only languages Kring does not speak', async () => {
		const { extractLocaleFromRequest } = await import('$lib/paraglide/runtime');
		const asking = (languages?: string) =>
			extractLocaleFromRequest(
				new Request('http://127.0.0.1/', {
					headers: languages ? { 'accept-language': languages } : {}
				})
			);
		expect(asking()).toBe('nl');
		expect(asking('de-DE,de;q=0.9')).toBe('nl');
		expect(asking('ar-MA,fr;q=0.8')).toBe('fr');
	});
});

describe('the language of a page in the browser', () => {
	test('is the Dutch the server chose for a browser that asked for none of ours', async () => {
		expect(await languageInBrowser({ cookie: '', lang: 'nl', languages: ['en-US', 'en'] })).toBe(
			'nl'
		);
		expect(await languageInBrowser({ cookie: '', lang: 'nl', languages: ['de-DE'] })).toBe('nl');
	});

	test('is the one the server chose from the request', async () => {
		expect(await languageInBrowser({ cookie: '', lang: 'fr', languages: ['en-US'] })).toBe('fr');
	});

	test('is the remembered choice', async () => {
		const cookie = 'PARAGLIDE_LOCALE=en';
		expect(await languageInBrowser({ cookie, lang: 'en', languages: ['nl-BE'] })).toBe('en');
	});
});
