// Home offers to put Kring on the home screen (issue 13): on Android the browser's own install
// prompt, once, and for good once taken or waved away; on an iPhone (Safari has no prompt) a
// short how-to. The prompt is played here by an event as Chromium fires it (`beforeinstallprompt`,
// with `prompt()` and `userChoice`): a test browser never offers to install by itself.
import { devices, type Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { gent, signIn } from './people';

/**
 * Fires the browser's install offer at the page until Kring takes it (it listens once the page has
 * started). `outcome` is what the member answers in the browser's own dialog.
 */
async function offerInstall(page: Page, outcome: 'accepted' | 'dismissed') {
	await page.evaluate((outcome) => {
		const event = new Event('beforeinstallprompt', { cancelable: true });
		Object.assign(event, {
			prompt: async () => {
				(window as unknown as { prompted: number }).prompted =
					((window as unknown as { prompted?: number }).prompted ?? 0) + 1;
			},
			userChoice: Promise.resolve({ outcome, platform: 'web' })
		});
		dispatchEvent(event);
		(window as unknown as { held: boolean }).held = event.defaultPrevented;
	}, outcome);
}

const held = (page: Page) => page.evaluate(() => (window as unknown as { held: boolean }).held);
const prompted = (page: Page) =>
	page.evaluate(() => (window as unknown as { prompted?: number }).prompted ?? 0);

test('on Android, home offers the install prompt once; taken, it is never offered again', async ({
	page
}) => {
	await signIn(page, 'lid@kring.test');
	const hint = page.getByRole('region', { name: 'Kring op je beginscherm' });
	await expect(async () => {
		await offerInstall(page, 'accepted');
		await expect(hint).toBeVisible({ timeout: 500 });
	}).toPass();
	// Kring holds the browser's prompt for the member's tap instead of letting it show by itself.
	expect(await held(page)).toBe(true);
	await expect(hint.getByRole('list')).toHaveCount(0);

	await hint.getByRole('button', { name: 'Zet op beginscherm' }).click();
	expect(await prompted(page)).toBe(1);
	await expect(hint).toHaveCount(0);

	// Installed: neither home nor any other page offers it again, and the browser is left alone.
	await page.reload();
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await page.waitForLoadState('networkidle');
	await offerInstall(page, 'accepted');
	expect(await held(page)).toBe(false);
	await expect(hint).toHaveCount(0);
});

test('waved away ("Nee, dank je"), the offer stays away; it is made on home only', async ({
	page
}) => {
	await signIn(page, 'lid@kring.test');
	// The browser may offer it on any page; Kring shows the offer on home only.
	await page.goto(`/g/${gent}`);
	await expect(async () => {
		await offerInstall(page, 'dismissed');
		expect(await held(page)).toBe(true);
	}).toPass();
	const hint = page.getByRole('region', { name: 'Kring op je beginscherm' });
	await expect(hint).toHaveCount(0);

	await page.getByRole('link', { name: 'Thuis' }).click();
	await expect(page).toHaveURL(/\/home$/);
	await expect(hint).toBeVisible();
	await hint.getByRole('button', { name: 'Nee, dank je' }).click();
	await expect(hint).toHaveCount(0);
	expect(await prompted(page)).toBe(0);

	await page.reload();
	await page.waitForLoadState('networkidle');
	await offerInstall(page, 'dismissed');
	await expect(hint).toHaveCount(0);
});

test('on an iPhone, home shows how to put Kring on the home screen, until waved away', async ({
	browser
}) => {
	const context = await browser.newContext({ ...devices['iPhone 13'], locale: 'nl-BE' });
	const page = await context.newPage();
	try {
		await signIn(page, 'lid@kring.test');
		const hint = page.getByRole('region', { name: 'Kring op je beginscherm' });
		await expect(hint).toBeVisible();
		await expect(hint.getByRole('listitem')).toHaveText([
			'Tik onderaan op Deel',
			'Kies Zet op beginscherm',
			'Tik op Voeg toe'
		]);
		// Safari has no prompt to give: no button that would do nothing.
		await expect(hint.getByRole('button', { name: 'Zet op beginscherm' })).toHaveCount(0);

		await hint.getByRole('button', { name: 'Nee, dank je' }).click();
		await expect(hint).toHaveCount(0);
		await page.reload();
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await page.waitForLoadState('networkidle');
		await expect(hint).toHaveCount(0);
	} finally {
		await context.close();
	}
});
