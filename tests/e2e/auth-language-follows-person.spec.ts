import { randomUUID } from 'node:crypto';
import { devices } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './fixtures';

test('a person who starts in French finds Kring in French again on another phone', async ({
	page,
	browser
}) => {
	const email = `${randomUUID()}@kring.test`;

	await page.goto('/');
	await page.getByRole('button', { name: 'Français' }).click();
	await page.getByRole('link', { name: 'Commencer avec un pseudo' }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
	await page.getByLabel('Pseudo').fill('Amina');
	await page.getByRole('button', { name: 'Continuer' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Bonjour Amina' })).toBeVisible();

	await page.getByRole('link', { name: 'Moi' }).click();
	await expect(page.getByRole('combobox', { name: 'Langue' })).toHaveValue('fr');
	await expectNoAxeViolations(page);
	await page.getByLabel('Adresse e-mail').fill(email);
	await page.getByLabel('Mot de passe').fill('le-mot-de-passe-d-amina');
	await page.getByRole('button', { name: 'Garder le compte' }).click();
	await expect(page.getByText(`Tu te connectes avec ${email}.`)).toBeVisible();

	// A phone set to Dutch: Kring speaks Dutch until Amina signs in, then her own language.
	const otherPhone = await browser.newContext({ ...devices['Pixel 7'], locale: 'nl-BE' });
	const second = await otherPhone.newPage();
	await second.goto('/signin');
	await expect(second.locator('html')).toHaveAttribute('lang', 'nl');
	await second.getByLabel('E-mailadres').fill(email);
	await second.getByLabel('Wachtwoord').fill('le-mot-de-passe-d-amina');
	await second.getByRole('button', { name: 'Aanmelden' }).click();
	await expect(second.getByRole('heading', { level: 1, name: 'Bonjour Amina' })).toBeVisible();
	await expect(second.locator('html')).toHaveAttribute('lang', 'fr');
	await expectNoAxeViolations(second);

	// Choosing another language on her page switches every word at once.
	await second.getByRole('link', { name: 'Moi' }).click();
	await second.getByRole('combobox', { name: 'Langue' }).selectOption('nl');
	await second.getByRole('button', { name: 'Enregistrer' }).click();
	await expect(second.getByRole('heading', { level: 1, name: 'Over mij' })).toBeVisible();
	await expect(second.locator('html')).toHaveAttribute('lang', 'nl');
	await expect(second.getByRole('navigation')).toContainText('Thuis');
	await otherPhone.close();
});
