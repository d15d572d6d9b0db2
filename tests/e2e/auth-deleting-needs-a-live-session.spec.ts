// Pages trust an unexpired access token (checked locally, no call to auth); deleting the account
// does not: a phone whose session was ended elsewhere (lost, stolen) cannot delete it.
import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { createClient } from '@supabase/supabase-js';
import ws from 'ws';
import { e2ePlatform } from './platform-file';
import { expect, test } from './fixtures';

const password = 'een-goed-wachtwoord';

async function signUp(page: Page, nickname: string, email: string): Promise<void> {
	await page.goto('/signup');
	await page.getByLabel('Bijnaam').fill(nickname);
	await page.getByLabel('E-mailadres').fill(email);
	await page.getByLabel('Wachtwoord').fill(password);
	await page.getByRole('button', { name: 'Account maken' }).click();
	await expect(page.getByRole('heading', { level: 1, name: `Hallo ${nickname}` })).toBeVisible();
}

/** The person on another device, through auth as any app would. */
async function elsewhere(email: string) {
	const { apiUrl, anonKey } = await e2ePlatform();
	const client = createClient(apiUrl, anonKey, {
		auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
		realtime: { transport: ws as never }
	});
	return { auth: client.auth, signIn: () => client.auth.signInWithPassword({ email, password }) };
}

async function deleteAccount(page: Page): Promise<void> {
	await page.goto('/me/data');
	await page.getByLabel('Ja, verwijder mijn account').check();
	await page.getByRole('button', { name: 'Account verwijderen' }).click();
}

test('a phone signed out elsewhere cannot delete the account; signed in again, it can', async ({
	page
}) => {
	const email = `${randomUUID()}@kring.test`;
	await signUp(page, 'Rik', email);

	// Signed out everywhere from another device: this phone's access token has not expired yet.
	const other = await elsewhere(email);
	expect((await other.signIn()).error).toBeNull();
	expect((await other.auth.signOut({ scope: 'global' })).error).toBeNull();

	await deleteAccount(page);
	await expect(page).toHaveURL(/\/signin\?redirectTo=/);
	expect((await other.signIn()).error).toBeNull();

	await page.getByLabel('E-mailadres').fill(email);
	await page.getByLabel('Wachtwoord').fill(password);
	await page.getByRole('button', { name: 'Aanmelden' }).click();
	await page.waitForURL((url) => url.pathname === '/me/data');
	await deleteAccount(page);
	await expect(page).toHaveURL(/\/\?deleted=1$/);
	expect((await other.signIn()).error).toMatchObject({ code: 'invalid_credentials' });
});
