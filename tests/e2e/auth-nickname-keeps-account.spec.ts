import { randomUUID } from 'node:crypto';
import { devices } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './fixtures';

test('a person starts with only a nickname, keeps the account, and signs in on another phone', async ({
	page,
	browser
}) => {
	const email = `${randomUUID()}@kring.test`;

	await page.goto('/');
	await page.getByRole('link', { name: 'Beginnen met een bijnaam' }).click();
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Verder' }).click();
	await expect(page.getByText('Vul een bijnaam in.')).toBeVisible();

	await page.getByLabel('Bijnaam').fill('Noor');
	await page.getByRole('button', { name: 'Verder' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Hallo Noor' })).toBeVisible();
	await expect(page.getByText('Je zit nog niet in een groep.')).toBeVisible();

	await page.getByRole('link', { name: 'Ik' }).click();
	await expect(page.getByRole('heading', { level: 2, name: 'Mijn account bewaren' })).toBeVisible();
	await expect(page.getByText('Je account is nog niet bewaard.')).toBeVisible();
	await expectNoAxeViolations(page);
	await page.getByLabel('E-mailadres').fill(email);
	await page.getByLabel('Wachtwoord').fill('noor-haar-wachtwoord');
	await page.getByRole('button', { name: 'Account bewaren' }).click();
	await expect(
		page.getByText(`Je account is bewaard. Je kan nu aanmelden met ${email}.`)
	).toBeVisible();
	await expect(page.getByText(`Je meldt aan met ${email}.`)).toBeVisible();
	await expectNoAxeViolations(page);

	const otherPhone = await browser.newContext({ ...devices['Pixel 7'], locale: 'nl-BE' });
	const second = await otherPhone.newPage();
	await second.goto('/signin');
	await second.getByLabel('E-mailadres').fill(email);
	await second.getByLabel('Wachtwoord').fill('noor-haar-wachtwoord');
	await second.getByRole('button', { name: 'Aanmelden' }).click();
	await expect(second.getByRole('heading', { level: 1, name: 'Hallo Noor' })).toBeVisible();
	await otherPhone.close();
});
