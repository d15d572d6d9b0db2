// A phone shared by several people (issue 13, attack review 21): what one person leaves on it must
// not act for them once someone else holds it. A sign-out tapped without a connection really
// ends the session when the connection is back, before anything else goes out; and what the phone
// keeps in its outbox (IndexedDB, which anyone holding the phone can change) can only be the
// writes the outbox is for, never any other form of the account.
import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import pg from 'pg';
import { expect, test } from './fixtures';
import { gent, joinGhent, signIn } from './people';
import { plantOutboxItems } from './outbox-on-phone';
import { e2ePlatform } from './platform-file';

test.use({ serviceWorkers: 'allow' });

async function database() {
	const db = new pg.Client({ connectionString: (await e2ePlatform()).dbUrl });
	await db.connect();
	return db;
}

/** Once the service worker runs the page (it answers its requests). */
async function workerInCharge(page: Page) {
	await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
	await expect
		.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller)))
		.toBe(true);
}

test('sign-out tapped without a connection ends the session once the connection is back', async ({
	page,
	context
}) => {
	await signIn(page, 'lid@kring.test');
	await workerInCharge(page);
	await page.goto('/me');
	await expect(page.getByRole('button', { name: 'Afmelden' })).toBeVisible();

	await context.setOffline(true);
	await page.getByRole('button', { name: 'Afmelden' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Geen verbinding' })).toBeVisible();

	// Karim puts the phone down. Later, with a connection, someone else opens Kring: they must not
	// be in Karim's account.
	await context.setOffline(false);
	await page.goto('/home');
	await expect(page).toHaveURL(/\/signin/);
	await page.goto('/me');
	await expect(page).toHaveURL(/\/signin/);
	await expect(page.getByText('Karim')).toHaveCount(0);
});

test('an item planted in the outbox cannot make the account someone else’s', async ({ page }) => {
	const db = await database();
	try {
		const nickname = `Gedeeld ${randomUUID().slice(0, 6)}`;
		await joinGhent(page, nickname);
		const { rows } = await db.query<{ user_id: string }>(
			'select user_id from public.group_members where group_id = $1 and nickname = $2',
			[gent, nickname]
		);
		const owner = rows[0].user_id;
		const stranger = `overnemer-${randomUUID().slice(0, 6)}@example.test`;
		// Someone holding the phone plants an item for this person's account: not a post, but the
		// form that gives an account without a password an email address and a password.
		await plantOutboxItems(page, [
			{
				id: randomUUID(),
				owner,
				kind: 'post',
				action: '/me?/keep',
				page: '/home',
				place: '',
				fields: [
					['email', stranger],
					['password', 'een-lang-wachtwoord-van-de-overnemer']
				],
				at: Date.now()
			}
		]);
		// The person opens Kring again: the outbox flushes what it holds.
		const flushed = page.waitForResponse((response) => response.url().includes('?/keep'));
		await page.goto('/home');
		await flushed;
		// Let whatever the server does with it happen.
		await page.waitForTimeout(1000);
		const { rows: account } = await db.query<{ email: string | null; email_change: string }>(
			'select email, email_change from auth.users where id = $1',
			[owner]
		);
		expect(account[0].email ?? '').not.toBe(stranger);
		expect(account[0].email_change ?? '').not.toBe(stranger);
		// Said to the person as not sent, so it can be wiped, instead of blocking their outbox.
		await expect(page.getByText('is niet verstuurd')).toBeVisible();
	} finally {
		await db.end();
	}
});

test('a tab still showing Karim does not post as Els once she signed in; it waits for Karim', async ({
	page,
	context
}) => {
	const db = await database();
	try {
		await signIn(page, 'lid@kring.test');
		const seen = page.waitForResponse((response) => response.url().endsWith('?/seen'));
		await page.goto(`/g/${gent}`);
		await Promise.race([page.waitForLoadState('networkidle'), seen]);
		seen.catch(() => undefined);

		// Karim's session ends without signing out; Els signs in on the same phone in another tab.
		await context.clearCookies();
		const els = await context.newPage();
		await signIn(els, 'moderator@kring.test');

		// Someone types in Karim's old tab, which still shows his group, with a connection.
		const text = `In de oude tab van Karim getypt (${randomUUID().slice(0, 6)})`;
		await page.getByRole('textbox', { name: 'Je bericht' }).fill(text);
		await page.getByRole('button', { name: 'Plaatsen' }).click();
		await expect(
			page
				.getByRole('article')
				.filter({ hasText: text })
				.filter({ hasText: 'Wacht om te versturen' })
		).toBeVisible();
		const authors = () =>
			db
				.query<{ email: string }>(
					`select u.email from public.posts p join public.post_authors a on a.post_id = p.id
					join auth.users u on u.id = a.author_id where p.body = $1`,
					[text]
				)
				.then(({ rows }) => rows.map((row) => row.email));
		expect(await authors()).toEqual([]);
		await expect(els.getByText('Nog te versturen')).toHaveCount(0);
	} finally {
		await db.end();
	}
});

test('signing out takes the ids of what went out (which name the person) off the phone', async ({
	page
}) => {
	await signIn(page, 'lid@kring.test');
	const seen = page.waitForResponse((response) => response.url().endsWith('?/seen'));
	await page.goto(`/g/${gent}`);
	await Promise.race([page.waitForLoadState('networkidle'), seen]);
	seen.catch(() => undefined);
	const text = `Gewoon verstuurd (${randomUUID().slice(0, 6)})`;
	await page.getByRole('textbox', { name: 'Je bericht' }).fill(text);
	await page.getByRole('button', { name: 'Plaatsen' }).click();
	await expect(page.getByRole('article').filter({ hasText: text })).toBeVisible();
	const sentLists = () =>
		page.evaluate(() =>
			Object.keys(localStorage).filter((key) => key.startsWith('kring-outbox-sent-'))
		);
	expect(await sentLists()).toHaveLength(1);

	await page.goto('/me');
	await page.getByRole('button', { name: 'Afmelden' }).click();
	await expect(page.getByRole('heading', { level: 1, name: /Samen sterker/ })).toBeVisible();
	expect(await sentLists()).toEqual([]);
});

test('what Karim left in the outbox goes once no one is signed in and it is two weeks old, not before', async ({
	page,
	context
}) => {
	const db = await database();
	try {
		await signIn(page, 'lid@kring.test');
		await workerInCharge(page);
		const { rows } = await db.query<{ id: string }>(
			"select id from auth.users where email = 'lid@kring.test'"
		);
		const karim = rows[0].id;
		// On the phone, two posts of Karim's the server refused (so they stay, for him to copy): one
		// written fifteen days ago, one an hour ago.
		const day = 24 * 60 * 60 * 1000;
		const old = randomUUID();
		const recent = randomUUID();
		const items = [
			{ id: old, at: Date.now() - 15 * day },
			{ id: recent, at: Date.now() - day / 24 }
		].map(({ id, at }) => ({
			id,
			owner: karim,
			kind: 'post',
			action: `/g/${gent}?/post`,
			page: `/g/${gent}`,
			place: 'Praatgroep Gent',
			fields: [
				['client_id', id],
				['body', `Wat Karim schreef (${id.slice(0, 6)})`]
			],
			at,
			refused: 'Door de server geweigerd.'
		}));
		await plantOutboxItems(page, items);
		const kept = () =>
			page.evaluate(async () => {
				const db = await new Promise<IDBDatabase>((resolve, reject) => {
					const request = indexedDB.open('kring-outbox', 1);
					request.onsuccess = () => resolve(request.result);
					request.onerror = () => reject(request.error);
				});
				const ids = await new Promise<string[]>((resolve, reject) => {
					const request = db.transaction('items').objectStore('items').getAllKeys();
					request.onsuccess = () => resolve(request.result.map(String));
					request.onerror = () => reject(request.error);
				});
				db.close();
				return ids.sort();
			});

		// The worker starts again (a phone stops it when idle) and looks at the outbox once it hears
		// who is signed in: Karim. Once it kept the page it heard that from, it has looked.
		const feed = new URL(`/g/${gent}`, page.url()).href;
		await page.evaluate(async (feed) => {
			for (const name of await caches.keys()) await (await caches.open(name)).delete(feed);
		}, feed);
		const cdp = await context.newCDPSession(page);
		await cdp.send('ServiceWorker.enable');
		await cdp.send('ServiceWorker.stopAllWorkers');
		await page.goto(feed);
		await expect
			.poll(() =>
				page.evaluate(async (feed) => {
					for (const name of await caches.keys()) {
						if (name.startsWith('kring-person-') && (await (await caches.open(name)).match(feed)))
							return true;
					}
					return false;
				}, feed)
			)
			.toBe(true);
		// Nothing of the person signed in goes, however old: he sees both.
		expect(await kept()).toEqual([old, recent].sort());
		await expect(page.getByText('Door de server geweigerd.', { exact: true })).toHaveCount(2);

		// His session ends without signing out; the next person opens Kring: no one is signed in.
		await context.clearCookies();
		await page.goto(`/g/${gent}`);
		await expect(page).toHaveURL(/\/signin/);
		await expect.poll(kept).toEqual([recent]);
		await expect(page.getByText('Door de server geweigerd.', { exact: true })).toHaveCount(0);
	} finally {
		await db.end();
	}
});
