// Try-out 16, F4 and F17: the moderator copies the group's invite link with one tap, to paste it
// into WhatsApp; and someone whose link does not work is not left on a dead end.
import { expect, expectNoAxeViolations, test } from './fixtures';
import { gent, signIn } from './people';

test('the moderator copies the invite link with one tap', async ({ page, context }) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await signIn(page, 'moderator@kring.test');
	await page.goto(`/g/${gent}/manage`);
	await page.waitForLoadState('networkidle');
	const link = await page.getByLabel('Link om te delen').first().inputValue();
	await page.getByRole('button', { name: 'Kopieer de link' }).first().click();
	await expect(page.getByText('De link is gekopieerd.').first()).toBeVisible();
	expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
	await expectNoAxeViolations(page);
});

test('without JavaScript the invite link stays in its box, without buttons that do nothing', async ({
	browser
}) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	try {
		await signIn(page, 'moderator@kring.test');
		await page.goto(`/g/${gent}/manage`);
		await expect(page.getByLabel('Link om te delen').first()).toHaveValue(/\/join\//);
		await expect(page.getByRole('button', { name: 'Kopieer de link' })).toHaveCount(0);
	} finally {
		await context.close();
	}
});

test('a link that does not work leads on to the start page', async ({ page }) => {
	await page.goto('/join/this-is-not-a-code');
	await expect(page.getByRole('heading', { name: 'Deze uitnodiging werkt niet' })).toBeVisible();
	await page.getByRole('link', { name: 'Naar de beginpagina' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Samen sterker, in je eigen groep' })
	).toBeVisible();
});
