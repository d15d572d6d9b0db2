import { randomUUID } from 'node:crypto';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { signedInClient } from './platform-file';

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

test('someone invited as admin by link makes an account and lands back on the invitation', async ({
	page
}) => {
	const els = await signedInClient('moderator@kring.test');
	const samenSterk = '5bf974ce-72e6-55d8-9372-43219b3e1e50';
	const { data: code, error } = await els.rpc('create_admin_invite', { organisation: samenSterk });
	expect(error).toBeNull();
	const invite = `/o/samen-sterk/admin-invite/${code}`;

	// Signed out, the link asks to sign in and says what it is for; a nickname cannot do.
	await page.goto(invite);
	await expect(page).toHaveURL(/\/signin\?redirectTo=/);
	await expect(
		page.getByText('Je bent uitgenodigd om beheerder te worden. Daarvoor heb je een account')
	).toBeVisible();
	await expect(page.getByRole('link', { name: 'Beginnen met een bijnaam' })).toHaveCount(0);
	await expectNoAxeViolations(page);

	await page.getByRole('link', { name: 'Account maken met e-mail' }).click();
	await page.getByLabel('Bijnaam').fill('Annelies');
	await page.getByLabel('E-mailadres').fill(`${randomUUID()}@kring.test`);
	await page.getByLabel('Wachtwoord').fill('een-goed-wachtwoord');
	await page.getByRole('button', { name: 'Account maken' }).click();

	await expect(page).toHaveURL(new RegExp(`${invite}$`));
	await expect(
		page.getByRole('heading', { level: 1, name: 'Beheerder worden van Samen Sterk vzw' })
	).toBeVisible();
	await page.getByRole('button', { name: 'Ja, ik word beheerder' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Samen Sterk vzw beheren' })
	).toBeVisible();
});

test('a link from elsewhere is kept through making an account, and only inside Kring', async ({
	page
}) => {
	// Another site's address is not carried on.
	await page.goto('/signin?redirectTo=https%3A%2F%2Fevil.example%2F');
	await expect(page.getByRole('link', { name: 'Account maken met e-mail' })).toHaveAttribute(
		'href',
		'/signup'
	);
	// A page of Kring is, through "Beginnen met een bijnaam" too.
	await page.goto('/me');
	await page.getByRole('link', { name: 'Beginnen met een bijnaam' }).click();
	await expect(page).toHaveURL(/\/start\?redirectTo=%2Fme$/);
	await page.getByLabel('Bijnaam').fill('Ward');
	await page.getByRole('button', { name: 'Verder' }).click();
	await expect(page).toHaveURL(/\/me$/);
});
