// A person starts with only a nickname, later keeps the account, and uses it on another phone.
import { m } from '../../src/lib/paraglide/messages.js';
import { expect, expectNoAxeViolations, test } from './fixtures';

const nl = { locale: 'nl' } as const;

test('a person who started with a nickname keeps the account and signs in on another phone', async ({
	page,
	browser
}) => {
	const nickname = `Sam ${Math.floor(Math.random() * 10000)}`;
	const email = `sam-${crypto.randomUUID()}@example.org`;
	const password = 'mijn eigen wachtwoord';

	await page.goto('/');
	await expectNoAxeViolations(page);
	await page.getByRole('link', { name: m.landing_start({}, nl) }).click();
	await expect(page.getByRole('heading', { level: 1, name: m.start_title({}, nl) })).toBeVisible();
	await expectNoAxeViolations(page);

	// Nothing typed: the form says what is missing, in plain words.
	await page.getByRole('button', { name: m.start_submit({}, nl) }).click();
	await expect(page.getByText(m.error_nickname_required({}, nl))).toBeVisible();
	await expectNoAxeViolations(page);

	await page.getByLabel(m.field_nickname({}, nl), { exact: true }).fill(nickname);
	await page.getByRole('button', { name: m.start_submit({}, nl) }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: m.home_title({ name: nickname }, nl) })
	).toBeVisible();
	await expect(page.getByText(m.home_no_groups({}, nl))).toBeVisible();
	await expect(page.getByRole('banner')).toContainText(nickname);
	await expectNoAxeViolations(page);

	await page
		.getByRole('navigation', { name: m.nav_label({}, nl) })
		.getByRole('link', { name: m.nav_me({}, nl) })
		.click();
	const keep = page.getByRole('region', { name: m.keep_title({}, nl) });
	await expect(keep).toBeVisible();
	await expect(keep).toContainText(m.keep_intro({}, nl));
	await expectNoAxeViolations(page);
	await keep.getByLabel(m.field_email({}, nl), { exact: true }).fill(email);
	await keep.getByLabel(m.field_password({}, nl), { exact: true }).fill(password);
	await keep.getByRole('button', { name: m.keep_submit({}, nl) }).click();
	await expect(page.getByRole('status')).toContainText(m.keep_done({ email }, nl));
	await expectNoAxeViolations(page);

	// Another phone: a fresh browser with nothing remembered.
	const otherPhone = await browser.newContext();
	const other = await otherPhone.newPage();
	await other.goto('/signin');
	await expect(
		other.getByRole('heading', { level: 1, name: m.signin_title({}, nl) })
	).toBeVisible();
	await expectNoAxeViolations(other);
	await other.getByLabel(m.field_email({}, nl), { exact: true }).fill(email);
	await other.getByLabel(m.field_password({}, nl), { exact: true }).fill(password);
	await other.getByRole('button', { name: m.signin_submit({}, nl) }).click();
	await expect(
		other.getByRole('heading', { level: 1, name: m.home_title({ name: nickname }, nl) })
	).toBeVisible();
	await expect(other.getByRole('banner')).toContainText(nickname);
	await expectNoAxeViolations(other);
	await otherPhone.close();
});
