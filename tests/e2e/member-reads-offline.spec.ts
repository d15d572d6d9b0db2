// Kring as an installed app (issue 13): Chromium finds it installable, and with the service worker
// on, a member reads offline what they opened before, with a banner saying since when; a page
// never opened shows the offline page; after signing out nothing of theirs is left to show, nor
// once their session ended without a sign-out and the server said so, or two weeks went by.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, devices, type Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { signIn } from './people';

// The other journeys run without the service worker (playwright.config.ts); these are about it.
test.use({ serviceWorkers: 'allow' });

const banner = /Geen verbinding — je ziet wat je het laatst zag \(om \d{2}:\d{2}\)/;

/** Waits until the service worker has kept the page at this path for the signed-in person. */
async function waitUntilKept(page: Page, path: string): Promise<void> {
	await expect
		.poll(
			() =>
				page.evaluate(async (path) => {
					const url = new URL(path, location.origin).href;
					for (const name of await caches.keys()) {
						if (!name.startsWith('kring-person-')) continue;
						if (await (await caches.open(name)).match(url)) return true;
					}
					return false;
				}, path),
			{ message: `${path} kept for offline reading`, timeout: 20_000 }
		)
		.toBe(true);
}

const personCaches = (page: Page) =>
	page.evaluate(async () =>
		(await caches.keys()).filter((name) => name.startsWith('kring-person-'))
	);

const heading = async (page: Page) =>
	(await page.getByRole('heading', { level: 1 }).textContent())?.trim() ?? '';

/** Karim opens home, his first group and its first meetup; returns each path and its heading. */
async function openHomeGroupAndMeetup(page: Page) {
	await signIn(page, 'lid@kring.test');
	await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
	const opened: Array<{ path: string; title: string }> = [];
	const note = async () =>
		opened.push({ path: new URL(page.url()).pathname, title: await heading(page) });
	await note();
	await page.locator('main a[href^="/g/"]').first().click();
	await expect(page).toHaveURL(/\/g\/[0-9a-f-]{36}$/);
	await note();
	await page.locator('main a[href^="/m/"]').first().click();
	await expect(page).toHaveURL(/\/m\/[0-9a-f-]{36}$/);
	await note();
	for (const { path } of opened) await waitUntilKept(page, path);
	const [home, group, meetup] = opened;
	return { home, group, meetup };
}

test('Chromium finds Kring installable, with a manifest in the page language', async ({
	baseURL
}) => {
	// Chromium never offers to install from a private window, which every test context is.
	const profile = await mkdtemp(path.join(tmpdir(), 'kring-install-'));
	const { launchOptions } = test.info().project.use;
	const context = await chromium.launchPersistentContext(profile, {
		...devices['Pixel 7'],
		...launchOptions,
		baseURL,
		locale: 'nl-BE'
	});
	try {
		const page = context.pages()[0] ?? (await context.newPage());
		await signIn(page, 'lid@kring.test');
		await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
		const cdp = await context.newCDPSession(page);
		const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
		expect(installabilityErrors).toEqual([]);
		const { url, errors } = await cdp.send('Page.getAppManifest');
		expect(errors).toEqual([]);
		expect(url).toMatch(/\/manifest\/nl\.webmanifest$/);
	} finally {
		await context.close();
		await rm(profile, { recursive: true, force: true });
	}
});

test('the manifest speaks each language and opens on home', async ({ request }) => {
	const french = await (await request.get('/manifest/fr.webmanifest')).json();
	expect(french).toMatchObject({
		id: '/',
		lang: 'fr',
		start_url: '/home',
		display: 'standalone',
		shortcuts: [{ name: 'Mes groupes' }, { name: 'Notifications', url: '/notifications' }]
	});
	expect(french.icons).toContainEqual(expect.objectContaining({ purpose: 'maskable' }));
	const english = await (await request.get('/manifest/en.webmanifest')).json();
	expect(english.shortcuts[0].name).toBe('My groups');
	expect((await request.get('/manifest/de.webmanifest')).status()).toBe(404);
});

test('offline, a member reads what they opened, with a banner; a page never opened says so', async ({
	page,
	context
}) => {
	const { home, group, meetup } = await openHomeGroupAndMeetup(page);
	await expect(page.getByText(banner)).toHaveCount(0);

	await context.setOffline(true);
	await page.reload();
	expect(await heading(page)).toBe(meetup.title);
	await expect(page.getByText(banner)).toBeVisible();
	for (const { path, title } of [group, home]) {
		await page.goto(path);
		expect(await heading(page)).toBe(title);
		await expect(page.getByText(banner)).toBeVisible();
	}

	// A link tapped offline: the kept copy, not a failed request for its data.
	await page.locator('main a[href^="/g/"]').first().click();
	await expect(page).toHaveURL(new RegExp(`${group.path}$`));
	expect(await heading(page)).toBe(group.title);

	await page.goto('/me');
	await expect(page.getByRole('heading', { level: 1, name: 'Geen verbinding' })).toBeVisible();
	await expect(page.getByText('Deze pagina heb je nog niet geopend')).toBeVisible();
});

test("after signing out, the phone shows none of the previous person's pages", async ({
	page,
	context
}) => {
	const { home, group } = await openHomeGroupAndMeetup(page);
	expect(await personCaches(page)).toHaveLength(1);
	expect(home.title).toContain('Karim');

	await page.goto('/me');
	await page.getByRole('button', { name: 'Afmelden' }).click();
	await expect(page.getByRole('heading', { level: 1, name: /Samen sterker/ })).toBeVisible();
	await expect.poll(() => personCaches(page)).toEqual([]);

	await context.setOffline(true);
	await page.reload();
	await expect(page.getByRole('heading', { level: 1, name: /Samen sterker/ })).toBeVisible();
	for (const { path } of [home, group]) {
		await page.goto(path);
		await expect(page.getByRole('heading', { level: 1, name: 'Geen verbinding' })).toBeVisible();
		await expect(page.getByText('Karim')).toHaveCount(0);
	}
});

test('sign-out tapped offline still takes every kept page off the phone', async ({
	page,
	context
}) => {
	const { home, group } = await openHomeGroupAndMeetup(page);
	await page.goto('/me');
	await waitUntilKept(page, '/me');
	expect(await personCaches(page)).toHaveLength(1);

	await context.setOffline(true);
	await page.getByRole('button', { name: 'Afmelden' }).click();
	// Signing out goes once the outbox was read (a moment): the page it leads to, offline.
	await expect(page.getByRole('heading', { level: 1, name: 'Geen verbinding' })).toBeVisible();
	await expect.poll(() => personCaches(page)).toEqual([]);
	for (const { path } of [home, group, { path: '/me' }]) {
		await page.goto(path);
		await expect(page.getByRole('heading', { level: 1, name: 'Geen verbinding' })).toBeVisible();
		await expect(page.getByText('Karim')).toHaveCount(0);
	}
});

test("a phone that changes hands drops the first person's pages", async ({ page, context }) => {
	await openHomeGroupAndMeetup(page);
	const [first] = await personCaches(page);
	// The session ended without signing out (it expired, or was removed): Els signs in next.
	await context.clearCookies();
	await signIn(page, 'moderator@kring.test');
	await waitUntilKept(page, '/home');
	const now = await personCaches(page);
	expect(now).toHaveLength(1);
	expect(now).not.toContain(first);
});

test("a session that ended without signing out: on a slow network the next person is shown the previous person's pages no more", async ({
	page,
	context
}) => {
	const { home, group } = await openHomeGroupAndMeetup(page);
	// Karim's session ended without a sign-out (expired, or ended elsewhere): his cookie is gone.
	await context.clearCookies();
	// Els picks up the phone on a network slower than the worker waits for: the answer to /home
	// (a redirect to sign in) comes only after the kept copy was shown.
	let answer = () => {};
	const held = new Promise<void>((resolve) => (answer = resolve));
	await context.route(
		(url) => url.pathname === '/home',
		async (route) => {
			if (route.request().serviceWorker()) await held;
			await route.continue();
		}
	);
	await page.goto('/home');
	expect(await heading(page)).toBe(home.title);
	answer();
	// The redirect told the worker no one is signed in: Karim's pages leave the phone.
	await expect.poll(() => personCaches(page), { timeout: 20_000 }).toEqual([]);
	await context.unrouteAll();

	await context.setOffline(true);
	for (const { path } of [home, group]) {
		await page.goto(path);
		await expect(page.getByRole('heading', { level: 1, name: 'Geen verbinding' })).toBeVisible();
		await expect(page.getByText('Karim')).toHaveCount(0);
	}
});

test('pages kept longer ago than two weeks are not shown any more, and leave the phone', async ({
	page,
	context
}) => {
	const { home, group } = await openHomeGroupAndMeetup(page);
	// Fifteen days pass without Karim opening Kring with a connection: every page of his was kept
	// that long ago (the worker's clock cannot be moved, so the kept pages' time is).
	await page.evaluate(async (days) => {
		const then = String(Date.now() - days * 24 * 60 * 60 * 1000);
		for (const name of await caches.keys()) {
			if (!name.startsWith('kring-person-')) continue;
			const cache = await caches.open(name);
			for (const request of await cache.keys()) {
				const page = await cache.match(request);
				if (!page) continue;
				const headers = new Headers(page.headers);
				headers.set('x-kring-saved-at', then);
				await cache.put(request, new Response(await page.blob(), { status: 200, headers }));
			}
		}
	}, 15);

	await context.setOffline(true);
	for (const { path } of [home, group]) {
		await page.goto(path);
		await expect(page.getByRole('heading', { level: 1, name: 'Geen verbinding' })).toBeVisible();
		await expect(page.getByText('Karim')).toHaveCount(0);
	}
	const keptPages = () =>
		page.evaluate(async () => {
			const urls: string[] = [];
			for (const name of await caches.keys()) {
				if (!name.startsWith('kring-person-')) continue;
				for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
			}
			return urls;
		});
	await expect
		.poll(keptPages)
		.not.toEqual(
			expect.arrayContaining([
				expect.stringMatching(new RegExp(`${home.path}$`)),
				expect.stringMatching(new RegExp(`${group.path}$`))
			])
		);
	// With a connection again, what Karim opens is kept afresh and shown offline again.
	await context.setOffline(false);
	await page.goto(group.path);
	await waitUntilKept(page, group.path);
	await context.setOffline(true);
	await page.reload();
	expect(await heading(page)).toBe(group.title);
	await expect(page.getByText(banner)).toBeVisible();
});

test('a page kept after a redirect is kept where it came from, not under the address asked for', async ({
	page
}) => {
	await signIn(page, 'lid@kring.test');
	await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
	await waitUntilKept(page, '/home');
	const urlsKept = () =>
		page.evaluate(async () => {
			const urls: string[] = [];
			for (const name of await caches.keys()) {
				if (!name.startsWith('kring-person-')) continue;
				for (const request of await (await caches.open(name)).keys()) {
					urls.push(new URL(request.url).pathname);
				}
			}
			return urls;
		});
	await page.evaluate(async () => {
		for (const name of await caches.keys()) {
			if (name.startsWith('kring-person-')) await (await caches.open(name)).delete('/home');
		}
	});
	expect(await urlsKept()).not.toContain('/home');
	// The landing sends a signed-in person home: asked to keep '/', the worker gets home.
	await page.evaluate(() =>
		navigator.serviceWorker.controller?.postMessage({ type: 'keep-page', url: '/' })
	);
	await expect.poll(urlsKept).toContain('/home');
	expect(await urlsKept()).not.toContain('/');
});

test("when Kring's server fails, the kept page says the server cannot be reached, not the phone", async ({
	page,
	context
}) => {
	const { group } = await openHomeGroupAndMeetup(page);
	// The server answers with an error (a proxy's 503 while it restarts); the phone is online.
	await context.route(
		(url) => url.pathname === group.path,
		(route) =>
			route.request().serviceWorker()
				? route.fulfill({ status: 503, contentType: 'text/html', body: 'Service Unavailable' })
				: route.continue()
	);
	await page.goto(group.path);
	expect(await heading(page)).toBe(group.title);
	await expect(
		page.getByText(/Kring is nu niet bereikbaar — je ziet wat je het laatst zag \(om \d{2}:\d{2}\)/)
	).toBeVisible();
	await expect(page.getByText(banner)).toHaveCount(0);
	await context.unrouteAll();

	// Offline, the same kept page says there is no connection.
	await context.setOffline(true);
	await page.reload();
	expect(await heading(page)).toBe(group.title);
	await expect(page.getByText(banner)).toBeVisible();
});
