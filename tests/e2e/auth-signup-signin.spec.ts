// A person makes an account with email and password, leaves, and comes back on the same phone.
import { m } from '../../src/lib/paraglide/messages.js';
import { expect, expectNoAxeViolations, test } from './fixtures';

const nl = { locale: 'nl' } as const;

test('a person signs up with email, signs out, signs in again and sees their name', async ({
	page
}) => {
	const nickname = `Mira ${Math.floor(Math.random() * 10000)}`;
	const email = `mira-${crypto.randomUUID()}@example.org`;
	const password = 'een lang wachtwoord';

	await page.goto('/');
	await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
	await expectNoAxeViolations(page);

	await page.getByRole('link', { name: m.landing_signup({}, nl) }).click();
	await expect(page.getByRole('heading', { level: 1, name: m.signup_title({}, nl) })).toBeVisible();
	await expectNoAxeViolations(page);
	await page.getByLabel(m.field_nickname({}, nl), { exact: true }).fill(nickname);
	await page.getByLabel(m.field_email({}, nl), { exact: true }).fill(email);
	await page.getByLabel(m.field_password({}, nl), { exact: true }).fill(password);
	await page.getByRole('button', { name: m.signup_submit({}, nl) }).click();

	await expect(
		page.getByRole('heading', { level: 1, name: m.home_title({ name: nickname }, nl) })
	).toBeVisible();
	await expect(page.getByRole('banner')).toContainText(nickname);
	await expectNoAxeViolations(page);

	await page
		.getByRole('navigation', { name: m.nav_label({}, nl) })
		.getByRole('link', { name: m.nav_me({}, nl) })
		.click();
	await expect(page.getByRole('heading', { level: 1, name: m.me_title({}, nl) })).toBeVisible();
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: m.signout({}, nl) }).click();

	await expect(
		page.getByRole('heading', { level: 1, name: m.landing_title({}, nl) })
	).toBeVisible();
	await expect(page.getByRole('banner')).not.toContainText(nickname);
	await page.getByRole('link', { name: m.landing_signin({}, nl) }).click();
	await expect(page.getByRole('heading', { level: 1, name: m.signin_title({}, nl) })).toBeVisible();
	await expectNoAxeViolations(page);

	// A wrong password is said in plain words, and the email stays filled in.
	await page.getByLabel(m.field_email({}, nl), { exact: true }).fill(email);
	await page.getByLabel(m.field_password({}, nl), { exact: true }).fill('niet mijn wachtwoord');
	await page.getByRole('button', { name: m.signin_submit({}, nl) }).click();
	await expect(page.getByRole('alert')).toContainText(m.error_wrong_credentials({}, nl));
	await expect(page.getByLabel(m.field_email({}, nl), { exact: true })).toHaveValue(email);
	await expect(page.getByLabel(m.field_password({}, nl), { exact: true })).toHaveValue('');
	await expectNoAxeViolations(page);

	await page.getByLabel(m.field_password({}, nl), { exact: true }).fill(password);
	await page.getByRole('button', { name: m.signin_submit({}, nl) }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: m.home_title({ name: nickname }, nl) })
	).toBeVisible();
	await expect(page.getByRole('banner')).toContainText(nickname);
});
