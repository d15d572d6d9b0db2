// On a slow line a page can be read and filled in before its scripts have arrived. When they run,
// what the member typed and ticked meanwhile stays as they left it: the tick on "without my name"
// is not undone (the post would carry their name), nor the rules box, nor the chosen kind.
import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { gent, ghentInvite, signIn } from './people';

/**
 * Holds the page's scripts back until `release` is called, as a slow line does. The page is read
 * and filled in meanwhile (its "loaded" waits for them: go to it with `waitUntil: 'commit'`).
 */
async function slowScripts(page: Page) {
	let release = () => {};
	const arrived = new Promise<void>((resolve) => (release = resolve));
	const script = (url: URL) =>
		url.pathname.startsWith('/_app/immutable/') && url.pathname.endsWith('.js');
	await page.route(script, async (route) => {
		await arrived;
		await route.continue();
	});
	return release;
}

test('a story, a kind and "without my name" chosen before start-up stay chosen', async ({
	page
}) => {
	await signIn(page, 'lid@kring.test');
	const release = await slowScripts(page);
	await page.goto(`/g/${gent}`, { waitUntil: 'commit' });

	const story = 'Ik schreef dit terwijl de pagina nog laadde. '.repeat(50).trim();
	await page.getByRole('textbox', { name: 'Je bericht' }).fill(story);
	// Changed their mind twice: the last pick is the one that stays.
	await page.getByRole('radio', { name: 'Verhaal' }).check();
	await page.getByRole('radio', { name: 'Tip' }).check();
	await page.getByRole('radio', { name: 'Verhaal' }).check();
	await page.getByLabel('Plaats zonder mijn naam').check();
	release();

	// The count under the story shows only once the scripts run, and counts what was typed.
	await expect(
		page.getByText(`${story.length} van 2000 tekens: ${story.length - 2000} te veel`).first()
	).toBeVisible();
	await expect(page.getByRole('textbox', { name: 'Je bericht' })).toHaveValue(story);
	await expect(page.getByRole('radio', { name: 'Verhaal' })).toBeChecked();
	await expect(page.getByLabel('Plaats zonder mijn naam')).toBeChecked();
});

test('a newcomer who ticks the rules before start-up joins with that tick', async ({ page }) => {
	const release = await slowScripts(page);
	await page.goto(ghentInvite, { waitUntil: 'commit' });
	const nickname = 'Vroege vogel met een veel te lange bijnaam hier';
	await page.getByLabel('Bijnaam').fill(nickname);
	await page.getByLabel('Ik ga akkoord met deze afspraken').check();
	release();

	await expect(page.getByText(`${nickname.length} van 40 tekens`, { exact: false })).toBeVisible();
	await expect(page.getByLabel('Ik ga akkoord met deze afspraken')).toBeChecked();
	await page.getByLabel('Bijnaam').fill(`Vroeg ${randomUUID().slice(0, 4)}`);
	await page.getByRole('button', { name: 'Ik doe mee' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Praatgroep Gent', exact: true })
	).toBeVisible();
});

test('words typed in "Melden" before start-up stay when its form arrives, and the keyboard opens it', async ({
	page
}) => {
	await signIn(page, 'lid@kring.test');
	const release = await slowScripts(page);
	await page.goto(`/g/${gent}`, { waitUntil: 'commit' });
	const post = page
		.getByRole('article')
		.filter({ has: page.locator('summary') })
		.first();
	const words = 'Dit gaat al weken zo. '.repeat(45).trim();
	await post.getByText('Melden').click();
	await post.getByLabel('Wil je iets uitleggen?').fill(words);
	release();

	// The count under the words is the form loaded for the menu: it took the words over.
	await expect(post.getByText(`${words.length} van 1000 tekens`)).toBeVisible();
	await expect(post.getByLabel('Wil je iets uitleggen?')).toHaveValue(words);
	const summary = post.locator('summary');
	await summary.focus();
	await page.keyboard.press('Enter');
	await expect(post.getByRole('group', { name: 'Waarom meld je dit?' })).toBeHidden();
	await page.keyboard.press('Enter');
	await page.keyboard.press('Tab');
	await expect(post.getByLabel('Wil je iets uitleggen?')).toBeFocused();
});
