// Issue 13: a page downloads the words of its own language only (one copy of the client per
// language, src/lib/i18n-build.ts). The join page's title, "Welkom bij {group}", is in the
// page's scripts in the page's language and in no other; the page still runs, under its
// Content-Security-Policy (the fixtures report any violation). Offline, a page kept in French
// runs from the scripts the service worker precached.
import { devices, type Page } from '@playwright/test';
import { expect, test } from './fixtures';

const joinPage = '/join/dEmO-k7Qx2LpN9vR4sT8wYz3';

const titles = { nl: 'Welkom bij', fr: 'Bienvenue dans', en: 'Welcome to' } as const;
type Language = keyof typeof titles;

for (const language of Object.keys(titles) as Language[]) {
	test(`a page in ${language} loads the ${language} words only`, async ({ browser }) => {
		const context = await browser.newContext({
			...devices['Pixel 7'],
			locale: { nl: 'nl-BE', fr: 'fr-BE', en: 'en-GB' }[language]
		});
		try {
			const page = await context.newPage();
			const errors: string[] = [];
			page.on('pageerror', (error) => errors.push(error.message));
			const scripts: string[] = [];
			page.on('request', (request) => {
				if (request.resourceType() === 'script') scripts.push(request.url());
			});
			await page.goto(joinPage, { waitUntil: 'networkidle' });
			await expect(page.locator('html')).toHaveAttribute('lang', language);
			await expect(page.getByRole('heading', { level: 1 })).toContainText(titles[language]);

			expect(scripts.length).toBeGreaterThan(0);
			const own = language === 'nl' ? /\/_app\/immutable\/(entry|nodes|chunks)\// : `/${language}/`;
			const words: Record<Language, number> = { nl: 0, fr: 0, en: 0 };
			for (const url of scripts) {
				expect(url).toMatch(own);
				const body = await (await context.request.get(url)).text();
				for (const other of Object.keys(titles) as Language[]) {
					if (body.includes(titles[other])) words[other] += 1;
				}
			}
			expect(words).toEqual({ nl: 0, fr: 0, en: 0, [language]: 1 });

			// SvelteKit started (it asks for the route's own scripts itself) and nothing failed.
			expect(scripts.some((url) => url.includes('/nodes/'))).toBe(true);
			expect(errors).toEqual([]);
		} finally {
			await context.close();
		}
	});
}

test.describe('offline', () => {
	test.use({ serviceWorkers: 'allow' });

	test('offline, a page kept in French still runs: the worker precached the French scripts', async ({
		browser
	}) => {
		const context = await browser.newContext({ ...devices['Pixel 7'], locale: 'fr-BE' });
		try {
			const page = await context.newPage();
			await page.goto('/');
			await page.getByRole('link', { name: 'Commencer avec un pseudo' }).click();
			await page.getByLabel('Pseudo').fill('Lina');
			await page.getByRole('button', { name: 'Continuer' }).click();
			await expect(page.getByRole('heading', { level: 1, name: 'Bonjour Lina' })).toBeVisible();
			// Active once the build's files are precached; home is then kept for Lina.
			await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
			await page.reload({ waitUntil: 'networkidle' });
			await expect
				.poll(() =>
					page.evaluate(async () => {
						for (const name of await caches.keys()) {
							if (!name.startsWith('kring-person-')) continue;
							if (await (await caches.open(name)).match(location.href)) return true;
						}
						return false;
					})
				)
				.toBe(true);

			const errors: string[] = [];
			page.on('pageerror', (error) => errors.push(error.message));
			const scripts: string[] = [];
			page.on('request', (request) => {
				if (request.resourceType() === 'script') scripts.push(request.url());
			});
			await context.setOffline(true);
			await page.reload({ waitUntil: 'networkidle' });
			await expect(page.getByRole('heading', { level: 1, name: 'Bonjour Lina' })).toBeVisible();
			await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
			expect(scripts.some((url) => url.includes('/_app/immutable/fr/nodes/'))).toBe(true);
			expect(scripts.every((url) => url.includes('/_app/immutable/fr/'))).toBe(true);
			expect(errors).toEqual([]);
			// The worker precached the French copy only.
			expect(await precachedCopies(page)).toEqual(['fr']);
		} finally {
			await context.close();
		}
	});

	test('a member who switches to English gets the English scripts precached, no tap, and reads offline', async ({
		browser
	}) => {
		const context = await browser.newContext({ ...devices['Pixel 7'], locale: 'fr-BE' });
		try {
			const page = await context.newPage();
			await page.goto('/');
			await page.getByRole('link', { name: 'Commencer avec un pseudo' }).click();
			await page.getByLabel('Pseudo').fill('Noor');
			await page.getByRole('button', { name: 'Continuer' }).click();
			await expect(page.getByRole('heading', { level: 1, name: 'Bonjour Noor' })).toBeVisible();
			await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
			await expect.poll(() => workerLanguage(page)).toBe('fr');
			expect(await precachedCopies(page)).toEqual(['fr']);

			await page.locator('form[action="/language"] button[value=en]').click();
			await expect(page.getByRole('heading', { level: 1, name: 'Hello Noor' })).toBeVisible();
			// The worker for English takes over by itself: the same version, nothing to offer.
			await expect.poll(() => workerLanguage(page), { timeout: 30_000 }).toBe('en');
			await expect.poll(() => precachedCopies(page)).toEqual(['en']);
			await expect(page.getByRole('button', { name: 'refresh' })).toHaveCount(0);
			await expect(page.getByText('new version')).toHaveCount(0);

			// Home, now kept in English, runs offline from the English scripts.
			await page.reload({ waitUntil: 'networkidle' });
			await expect
				.poll(() =>
					page.evaluate(async () => {
						for (const name of await caches.keys()) {
							if (!name.startsWith('kring-person-')) continue;
							const kept = await (await caches.open(name)).match(location.href);
							if (kept?.headers.get('content-language') === 'en') return true;
						}
						return false;
					})
				)
				.toBe(true);
			const errors: string[] = [];
			page.on('pageerror', (error) => errors.push(error.message));
			const scripts: string[] = [];
			page.on('request', (request) => {
				if (request.resourceType() === 'script') scripts.push(request.url());
			});
			await context.setOffline(true);
			await page.reload({ waitUntil: 'networkidle' });
			await expect(page.getByRole('heading', { level: 1, name: 'Hello Noor' })).toBeVisible();
			expect(scripts.some((url) => url.includes('/_app/immutable/en/nodes/'))).toBe(true);
			expect(scripts.every((url) => url.includes('/_app/immutable/en/'))).toBe(true);
			expect(errors).toEqual([]);
		} finally {
			await context.close();
		}
	});
});

/** The language the active worker was registered for (?lang=…). */
function workerLanguage(page: Page) {
	return page.evaluate(async () => {
		const url = (await navigator.serviceWorker.getRegistration())?.active?.scriptURL;
		return url ? new URL(url).searchParams.get('lang') : null;
	});
}

/** Which language copies of the scripts the worker precached ('nl' for the base one). */
function precachedCopies(page: Page) {
	return page.evaluate(async () => {
		const copies = new Set<string>();
		for (const name of await caches.keys()) {
			if (!name.startsWith('workbox-precache')) continue;
			for (const request of await (await caches.open(name)).keys()) {
				const match = /\/_app\/immutable\/([^/]+)\/[^?]*\.js/.exec(request.url);
				if (match) copies.add(/^(entry|nodes|chunks|assets)$/.test(match[1]) ? 'nl' : match[1]);
			}
		}
		return [...copies].sort();
	});
}
