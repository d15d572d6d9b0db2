// Signing out on a slow phone (issue 13, review 22): start-up leaves reading the outbox from the
// phone's storage for later, and a cheap phone takes a moment to do it. A sign-out tapped in that
// moment still tells first what waits, and what waits then leaves the phone with the person; a
// storage that never answers keeps no one signed in. (The slow phone is played by another tab
// holding the outbox's store busy.)
import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import pg from 'pg';
import { expect, test } from './fixtures';
import { outboxItemsOnPhone, plantOutboxItems } from './outbox-on-phone';
import { gent, signIn } from './people';
import { e2ePlatform } from './platform-file';

/** Puts a refused post of `owner` in the phone's outbox, as the outbox keeps one. */
async function plantRefusedPost(page: Page, owner: string) {
	const id = randomUUID();
	await plantOutboxItems(page, [
		{
			id,
			owner,
			kind: 'post',
			action: `/g/${gent}?/post`,
			page: `/g/${gent}`,
			place: 'Praatgroep Gent',
			fields: [
				['client_id', id],
				['body', 'Iets persoonlijks van Karim']
			],
			at: Date.now(),
			refused: 'Door de server geweigerd.'
		}
	]);
}

/** Another tab keeps the outbox's store busy for `ms` (forever when not given). */
async function busyStore(page: Page, ms?: number) {
	const slow = await page.context().newPage();
	await slow.goto('/offline');
	await slow.evaluate((ms) => {
		const until = ms === undefined ? Infinity : Date.now() + ms;
		const request = indexedDB.open('kring-outbox', 1);
		request.onsuccess = () => {
			const store = request.result.transaction('items', 'readwrite').objectStore('items');
			const spin = () => {
				if (Date.now() < until) store.get('-').onsuccess = spin;
			};
			spin();
		};
	}, ms);
	return slow;
}

async function karimsId() {
	const db = new pg.Client({ connectionString: (await e2ePlatform()).dbUrl });
	await db.connect();
	try {
		const { rows } = await db.query<{ id: string }>(
			"select id from auth.users where email = 'lid@kring.test'"
		);
		return rows[0].id;
	} finally {
		await db.end();
	}
}

test('a sign-out tapped before the phone read its outbox still tells what waits, and takes it along', async ({
	page
}) => {
	await signIn(page, 'lid@kring.test');
	await plantRefusedPost(page, await karimsId());
	await page.goto('/me');
	await expect(page.getByText('Door de server geweigerd.', { exact: true })).toBeVisible();

	// The phone is slow to read its storage: the page starts while the store is busy.
	const slow = await busyStore(page, 1500);
	await page.reload();
	// Tapped twice while the phone still reads: one sign-out, which warns first.
	await page.getByRole('button', { name: 'Afmelden' }).click();
	await page.getByRole('button', { name: 'Afmelden' }).click();
	await expect(
		page.getByRole('alert').filter({
			hasText: 'Nog niet verstuurd: 1. Als je nu afmeldt, wordt dat van deze telefoon gewist.'
		})
	).toBeVisible();
	await expect(page).toHaveURL(/\/me$/);
	await page.getByRole('button', { name: 'Toch afmelden' }).click();
	await expect(page).toHaveURL(/\/$/);
	await slow.close();
	expect(await outboxItemsOnPhone(page)).toBe(0);
});

test('a storage that never answers does not keep the person signed in', async ({ page }) => {
	await signIn(page, 'lid@kring.test');
	await page.goto('/me');
	const slow = await busyStore(page);
	await page.reload();
	await page.getByRole('button', { name: 'Afmelden' }).click();
	await expect(page).toHaveURL(/\/$/);
	await slow.close();
	await page.goto('/home');
	await expect(page).toHaveURL(/\/signin/);
});
