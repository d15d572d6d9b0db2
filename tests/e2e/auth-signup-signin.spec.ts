import { randomUUID } from 'node:crypto';
import { expect, expectNoAxeViolations, test } from './fixtures';

test('a person signs up with email, signs out and signs in again', async ({ page }) => {
	const email = `${randomUUID()}@kring.test`;

	await page.goto('/');
	await expectNoAxeViolations(page);
	await page.getByRole('link', { name: 'Account maken met e-mail' }).click();

	await expect(page.getByRole('heading', { level: 1, name: 'Account maken' })).toBeVisible();
	await expectNoAxeViolations(page);
	await page.getByLabel('Bijnaam').fill('Mira');
	await page.getByLabel('E-mailadres').fill(email);
	await page.getByLabel('Wachtwoord').fill('kort');
	await page.getByRole('button', { name: 'Account maken' }).click();

	// A password that is too short is explained, and nothing else typed is lost.
	await expect(
		page.getByText('Je wachtwoord is te kort. Gebruik minstens 8 tekens.')
	).toBeVisible();
	await expect(page.getByLabel('Bijnaam')).toHaveValue('Mira');
	await expect(page.getByLabel('E-mailadres')).toHaveValue(email);
	await expect(page.getByLabel('Wachtwoord')).toHaveValue('');
	await expectNoAxeViolations(page);

	await page.getByLabel('Wachtwoord').fill('een-goed-wachtwoord');
	await page.getByRole('button', { name: 'Account maken' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Hallo Mira' })).toBeVisible();
	await expect(page.getByRole('banner')).toContainText('Mira');
	await expectNoAxeViolations(page);

	await page
		.getByRole('navigation', { name: 'Hoofdmenu' })
		.getByRole('link', { name: 'Ik' })
		.click();
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Afmelden' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Samen sterker, in je eigen groep' })
	).toBeVisible();

	await page.goto('/home');
	await expect(page).toHaveURL(/\/signin\?redirectTo=%2Fhome/);
	await page.getByLabel('E-mailadres').fill(email);
	await page.getByLabel('Wachtwoord').fill('niet-het-wachtwoord');
	await page.getByRole('button', { name: 'Aanmelden' }).click();
	await expect(page.getByText('Het e-mailadres of het wachtwoord klopt niet.')).toBeVisible();
	await expect(page.getByLabel('E-mailadres')).toHaveValue(email);
	await expectNoAxeViolations(page);

	await page.getByLabel('Wachtwoord').fill('een-goed-wachtwoord');
	await page.getByRole('button', { name: 'Aanmelden' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Hallo Mira' })).toBeVisible();
});

test('the language switch works and is remembered', async ({ page }) => {
	await page.goto('/signin');
	await page.getByRole('button', { name: 'Français' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Se connecter' })).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
	await expectNoAxeViolations(page);

	await page.goto('/');
	await expect(page.getByRole('link', { name: 'Commencer avec un pseudo' })).toBeVisible();
	await page.getByRole('button', { name: 'English' }).click();
	await expect(page.getByRole('link', { name: 'Start with a nickname' })).toBeVisible();
});
