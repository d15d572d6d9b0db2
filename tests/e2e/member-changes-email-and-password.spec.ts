// Someone who finds a phone or a computer still signed in must not make the account theirs: a new
// email or password asks for the current password, and says in plain words what is wrong.
import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './fixtures';

async function signUp(page: Page, email: string, password: string) {
	await page.goto('/signup');
	await page.getByLabel('Bijnaam').fill('Sam');
	await page.getByLabel('E-mailadres').fill(email);
	await page.getByLabel('Wachtwoord').fill(password);
	await page.getByRole('button', { name: 'Account maken' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Hallo Sam' })).toBeVisible();
}

async function signsIn(page: Page, email: string, password: string): Promise<boolean> {
	await page.context().clearCookies();
	await page.goto('/signin');
	await page.getByLabel('E-mailadres').fill(email);
	await page.getByLabel('Wachtwoord').fill(password);
	await page.getByRole('button', { name: 'Aanmelden' }).click();
	const outcome = page
		.getByRole('heading', { level: 1, name: 'Hallo Sam' })
		.or(page.getByText('Het e-mailadres of het wachtwoord klopt niet.'));
	await expect(outcome).toBeVisible();
	return page.url().endsWith('/home');
}

test('a member changes email and password only with the current password', async ({ page }) => {
	const email = `${randomUUID()}@kring.test`;
	const newEmail = `${randomUUID()}@kring.test`;
	await signUp(page, email, 'het-eerste-wachtwoord');
	await page.goto('/me');
	await expectNoAxeViolations(page);

	const emailCard = page.getByRole('region', { name: 'E-mailadres wijzigen' });
	await emailCard.getByLabel('Nieuw e-mailadres').fill(newEmail);
	await emailCard.getByLabel('Je huidige wachtwoord').fill('dit-is-het-niet');
	await emailCard.getByRole('button', { name: 'E-mailadres wijzigen' }).click();
	await expect(emailCard.getByText('Je huidige wachtwoord klopt niet.')).toBeVisible();
	// What was typed stays, except the password.
	await expect(emailCard.getByLabel('Nieuw e-mailadres')).toHaveValue(newEmail);
	await expect(emailCard.getByLabel('Je huidige wachtwoord')).toHaveValue('');
	await expectNoAxeViolations(page);

	await emailCard.getByLabel('Je huidige wachtwoord').fill('het-eerste-wachtwoord');
	await emailCard.getByRole('button', { name: 'E-mailadres wijzigen' }).click();
	await expect(emailCard.getByText(`Je meldt nu aan met ${newEmail}.`)).toBeVisible();

	const passwordCard = page.getByRole('region', { name: 'Wachtwoord wijzigen' });
	await passwordCard.getByLabel('Je huidige wachtwoord').fill('dit-is-het-niet');
	await passwordCard.getByLabel('Nieuw wachtwoord').fill('het-tweede-wachtwoord');
	await passwordCard.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
	await expect(passwordCard.getByText('Je huidige wachtwoord klopt niet.')).toBeVisible();
	// The form says at its top that something needs fixing, as every form does, and keeps the
	// new password typed; only the current one is asked again.
	await expect(passwordCard.getByRole('alert')).toHaveText('Kijk de velden met een fout na.');
	await expect(passwordCard.getByLabel('Nieuw wachtwoord')).toHaveValue('het-tweede-wachtwoord');
	await expect(passwordCard.getByLabel('Je huidige wachtwoord')).toHaveValue('');
	await expectNoAxeViolations(page);
	await passwordCard.getByLabel('Je huidige wachtwoord').fill('het-eerste-wachtwoord');
	await passwordCard.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
	await expect(passwordCard.getByText('Je wachtwoord is gewijzigd.')).toBeVisible();

	expect(await signsIn(page, newEmail, 'het-eerste-wachtwoord')).toBe(false);
	expect(await signsIn(page, newEmail, 'het-tweede-wachtwoord')).toBe(true);
});

test('an open session cannot take the account with the form meant for nickname accounts', async ({
	page
}) => {
	const email = `${randomUUID()}@kring.test`;
	const thief = `${randomUUID()}@kring.test`;
	await signUp(page, email, 'het-eigen-wachtwoord');
	// No such form is shown to this account; sent anyway, as a script on that computer could.
	const response = await page.request.post('/me?/keep', {
		form: { email: thief, password: 'nu-van-een-ander' },
		headers: { origin: new URL(page.url()).origin }
	});
	expect(await response.text()).toContain('Je account is al bewaard.');

	expect(await signsIn(page, thief, 'nu-van-een-ander')).toBe(false);
	expect(await signsIn(page, email, 'het-eigen-wachtwoord')).toBe(true);
});
