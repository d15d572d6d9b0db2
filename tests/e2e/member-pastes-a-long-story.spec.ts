// Try-out 16, F2 and F3: a long story pasted into the composer is never cut off unseen. The whole
// text goes in, a count under the field says how much is too much, and "Plaatsen" is refused with
// the text kept (also without a connection: it does not wait to be refused later). And whoever
// posts without their name sees, under the post, what the others see: "een lid".
import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { gent, signIn } from './people';

/** Once the feed's script runs (it says "seen" itself, with a request Playwright never sees end). */
async function open(page: Page, address: string) {
	const seen = page.waitForResponse((response) => response.url().endsWith('?/seen'));
	await page.goto(address);
	await Promise.race([page.waitForLoadState('networkidle'), seen]);
	seen.catch(() => undefined);
}

/** Pastes as a phone does: one insertion of the whole text, which maxlength would have cut. */
async function paste(page: Page, label: string, text: string) {
	const field = page.getByRole('textbox', { name: label });
	await field.focus();
	await page.keyboard.insertText(text);
}

const story = (mark: string) =>
	`Mijn verhaal (${mark}). ` + 'Het was een lange week en ik wil het vertellen. '.repeat(60);

test('a pasted story over 2000 characters is counted, refused and kept, never cut', async ({
	page,
	context
}) => {
	const text = story(randomUUID().slice(0, 6)).slice(0, 2100);
	await signIn(page, 'lid@kring.test');
	await open(page, `/g/${gent}`);
	const field = page.getByRole('textbox', { name: 'Je bericht' });
	const counter = page.locator(`#${await field.getAttribute('id')}-length`);
	const spoken = page.locator('form[data-outbox="post"] [aria-live="polite"]');

	await paste(page, 'Je bericht', text);
	await expect(field).toHaveValue(text);
	await expect(counter).toHaveText('2100 van 2000 tekens: 100 te veel');
	await expect(spoken).toHaveText(['2100 van 2000 tekens: 100 te veel']);

	// Without a connection it does not wait in the outbox to be refused later: it stays here.
	await context.setOffline(true);
	await page.getByRole('button', { name: 'Plaatsen' }).click();
	await expect(field).toHaveValue(text);
	await expect(field).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByText('Wacht om te versturen')).toHaveCount(0);
	await context.setOffline(false);

	// With one, the server refuses it in words, and the text is still all there.
	await page.getByRole('button', { name: 'Plaatsen' }).click();
	await expect(
		page.getByText('Je bericht is te lang. Gebruik hoogstens 2000 tekens.')
	).toBeVisible();
	await expect(field).toHaveValue(text);
	await expectNoAxeViolations(page);

	// Made shorter, the count says it fits (screen readers hear it once) and it is posted whole.
	const shorter = text.slice(0, 1990);
	await field.fill(shorter);
	await expect(counter).toHaveText('1990 van 2000 tekens');
	await expect(spoken).toHaveText(['Je tekst is weer kort genoeg.']);
	await page.getByRole('button', { name: 'Plaatsen' }).click();
	await expect(page.getByRole('article').filter({ hasText: shorter.trim() })).toBeVisible();
});

test('without JavaScript a story over the limit is refused with the text kept and counted', async ({
	browser
}) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	try {
		const text = story(randomUUID().slice(0, 6)).slice(0, 2100);
		await signIn(page, 'lid@kring.test');
		await page.goto(`/g/${gent}`);
		await page.getByRole('textbox', { name: 'Je bericht' }).fill(text);
		await page.getByRole('button', { name: 'Plaatsen' }).click();
		await expect(
			page.getByText('Je bericht is te lang. Gebruik hoogstens 2000 tekens.')
		).toBeVisible();
		await expect(page.getByRole('textbox', { name: 'Je bericht' })).toHaveValue(text);
		await expect(page.locator('[id$="-body-length"]')).toHaveText(
			'2100 van 2000 tekens: 100 te veel'
		);
	} finally {
		await context.close();
	}
});

test('the writer of a post without their name sees that the others see "een lid"', async ({
	page
}) => {
	const text = `Ik durf het niet met mijn naam te zeggen. (${randomUUID().slice(0, 6)})`;
	await signIn(page, 'lid@kring.test');
	await open(page, `/g/${gent}`);
	await page.getByRole('textbox', { name: 'Je bericht' }).fill(text);
	await page.getByLabel('Plaats zonder mijn naam').check();
	await page.getByRole('button', { name: 'Plaatsen' }).click();
	const post = page.getByRole('article').filter({ hasText: text });
	await expect(post.getByText("door jou · de anderen zien 'een lid'").first()).toBeVisible();
});
