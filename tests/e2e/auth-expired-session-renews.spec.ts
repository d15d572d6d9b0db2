// A session outlives its access token (an hour): the next page renews it with the refresh token
// and sets the new cookie; a session ended elsewhere is not renewed. The token is aged here by
// rewriting the session cookie with one that expired an hour ago, signed with the platform's key.
import { createPrivateKey, type JsonWebKeyInput } from 'node:crypto';
import type { BrowserContext, Cookie, Page } from '@playwright/test';
import { combineChunks, createChunks, stringFromBase64URL, stringToBase64URL } from '@supabase/ssr';
import { decodeJwt, SignJWT } from 'jose';
import { configPath, supabaseConfig } from '../../local-supabase/config';
import { signingKeys } from '../../local-supabase/keys';
import { expect, test } from './fixtures';

interface StoredSession {
	access_token: string;
	refresh_token: string;
	expires_at: number;
	[key: string]: unknown;
}

const prefix = 'base64-';

function sessionCookies(cookies: Cookie[]) {
	const token = cookies.find((cookie) => /^sb-.+-auth-token(\.0)?$/.test(cookie.name));
	if (!token) throw new Error('no session cookie');
	const name = token.name.replace(/\.0$/, '');
	const parts = cookies.filter(
		(cookie) => cookie.name === name || cookie.name.startsWith(`${name}.`)
	);
	return { name, parts, template: token };
}

async function readSession(context: BrowserContext): Promise<StoredSession> {
	const { name, parts } = sessionCookies(await context.cookies());
	const value = await combineChunks(name, (part) => parts.find((c) => c.name === part)?.value);
	return JSON.parse(stringFromBase64URL(value!.slice(prefix.length))) as StoredSession;
}

async function writeSession(context: BrowserContext, session: StoredSession): Promise<void> {
	const { name, parts, template } = sessionCookies(await context.cookies());
	await context.clearCookies({ name: new RegExp(`^${name}(\\.\\d+)?$`) });
	expect(parts.length).toBeGreaterThan(0);
	const value = prefix + stringToBase64URL(JSON.stringify(session));
	await context.addCookies(
		createChunks(name, value).map((chunk) => ({ ...template, ...chunk, expires: template.expires }))
	);
}

/** The session as it is an hour later: its access token expired, its refresh token as it was. */
async function ageSession(context: BrowserContext): Promise<StoredSession> {
	const session = await readSession(context);
	const [key] = await signingKeys(configPath(supabaseConfig().auth.signing_keys_path));
	const now = Math.floor(Date.now() / 1000);
	const expired = await new SignJWT({ ...decodeJwt(session.access_token), iat: now - 7200 })
		.setProtectedHeader({ alg: key.alg, typ: 'JWT', kid: key.kid })
		.setExpirationTime(now - 3600)
		.sign(createPrivateKey({ key, format: 'jwk' } as JsonWebKeyInput));
	const aged = { ...session, access_token: expired, expires_at: now - 3600, expires_in: -3600 };
	await writeSession(context, aged);
	return aged;
}

async function startWithNickname(page: Page, nickname: string): Promise<void> {
	await page.goto('/start');
	await page.getByLabel('Bijnaam').fill(nickname);
	await page.getByRole('button', { name: 'Verder' }).click();
	await expect(page.getByRole('heading', { level: 1, name: `Hallo ${nickname}` })).toBeVisible();
}

test('an expired access token is renewed on the next page, and the cookie replaced', async ({
	page,
	context
}) => {
	await startWithNickname(page, 'Yara');
	const aged = await ageSession(context);

	await page.goto('/home');
	await expect(page).toHaveURL(/\/home$/);
	await expect(page.getByRole('heading', { level: 1, name: 'Hallo Yara' })).toBeVisible();
	const renewed = await readSession(context);
	expect(renewed.access_token).not.toBe(aged.access_token);
	expect(renewed.refresh_token).not.toBe(aged.refresh_token);
	expect(decodeJwt(renewed.access_token).exp).toBeGreaterThan(Date.now() / 1000);

	// The renewed session keeps working on the pages after it.
	await page.goto('/me');
	await expect(page.getByRole('heading', { level: 2, name: 'Mijn account bewaren' })).toBeVisible();
});

test('an expired access token whose session ended elsewhere is not renewed: signed out', async ({
	page,
	context
}) => {
	await startWithNickname(page, 'Ilias');
	const aged = await ageSession(context);
	// What a sign-out on another phone leaves behind: a refresh token auth no longer knows.
	await writeSession(context, { ...aged, refresh_token: 'ended-elsewhere' });

	await page.goto('/home');
	await expect(page).toHaveURL(/\/signin\?redirectTo=%2Fhome/);
});
