// What the browser is told about each kind of page: a public page may be kept by a cache and
// says what may run in it; a page whose address is a key never passes that address on; a
// signed-in person's pages are kept by no cache, so after signing out on a shared computer the
// back button does not show them again. (Every page of every journey is also checked for the
// headers and for Content-Security-Policy violations by the shared fixture.)
import { randomUUID } from 'node:crypto';
import { devices, type Page, type Response } from '@playwright/test';
import { expect, test } from './fixtures';
import { gent, ghentInvite } from './people';
import { signedInClient } from './platform-file';

function headersOf(response: Response | null) {
	expect(response, 'a response').not.toBeNull();
	return response!.headers();
}

async function signIn(page: Page, email: string): Promise<Response> {
	await page.goto('/signin');
	await page.getByLabel('E-mailadres', { exact: true }).fill(email);
	await page.getByLabel('Wachtwoord', { exact: true }).fill('kring-demo');
	const answer = page.waitForResponse(
		(response) =>
			response.request().method() === 'POST' && new URL(response.url()).pathname === '/signin'
	);
	await page.getByRole('button', { name: 'Aanmelden' }).click();
	await expect(page).toHaveURL(/\/home$/);
	return answer;
}

test('a public page may be cached, and says that only its own scripts run and nothing frames it', async ({
	page
}) => {
	const headers = headersOf(await page.goto('/signin'));
	const csp = headers['content-security-policy'];
	expect(csp).toContain("object-src 'none'");
	expect(csp).toContain("base-uri 'none'");
	expect(csp).toContain("frame-ancestors 'none'");
	// Scripts: Kring's own files and the hash of SvelteKit's one inline script, nothing else.
	expect(csp).toMatch(/(^|; )script-src 'self'( 'sha256-[^']+')*;/);
	expect(csp).not.toMatch(/style-src 'self'[^;]*unsafe-inline/);
	expect(headers['x-content-type-options']).toBe('nosniff');
	expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
	expect(headers['permissions-policy']).toContain('camera=()');
	// Served over plain http here: HSTS only comes with https.
	expect(headers['strict-transport-security']).toBeUndefined();
	expect(headers['cache-control'] ?? '').not.toContain('no-store');
	expect(headers['vary']).toContain('Cookie');
});

test('an address that is a key (an invite, a calendar feed) is not passed on, nor kept', async ({
	page
}) => {
	const join = headersOf(await page.goto(ghentInvite));
	expect(join['referrer-policy']).toBe('same-origin');
	expect(join['cache-control']).toBe('private, no-store');

	const els = await signedInClient('moderator@kring.test');
	const { data: token, error } = await els.rpc('create_calendar_feed');
	expect(error).toBeNull();
	try {
		const feed = await page.request.get(`/calendar/${token}.ics?lang=nl`);
		expect(feed.status()).toBe(200);
		expect(feed.headers()['referrer-policy']).toBe('no-referrer');
		expect(feed.headers()['cache-control']).toBe('private, no-store');
		expect(feed.headers()['content-security-policy']).toContain("default-src 'none'");
		expect(feed.headers()['x-content-type-options']).toBe('nosniff');
	} finally {
		await els.rpc('revoke_calendar_feed');
	}
});

test('a phone without JavaScript joins from an invite: the key stays in, the form still counts as ours', async ({
	browser
}) => {
	// An invite page passes its address to no other site; a form sent from it must still carry this
	// site as its origin (with no referrer at all, Chromium sends "Origin: null" and SvelteKit
	// refuses the form as cross-site).
	const context = await browser.newContext({
		...devices['Pixel 7'],
		locale: 'nl-BE',
		javaScriptEnabled: false
	});
	const page = await context.newPage();
	const headers = headersOf(await page.goto(ghentInvite));
	expect(headers['referrer-policy']).toBe('same-origin');
	await page.getByLabel('Bijnaam').fill(`Zonder script ${randomUUID().slice(0, 4)}`);
	await page.getByLabel('Ik ga akkoord met deze afspraken').check();
	await page.getByRole('button', { name: 'Ik doe mee' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Praatgroep Gent' })).toBeVisible();
	await context.close();
});

test("a signed-in person's pages and downloads are kept by no cache", async ({ page }) => {
	const els = await signedInClient('moderator@kring.test');
	const { data: cards, error } = await els.rpc('meetup_cards', {
		target_group: gent,
		max_rows: 1
	});
	expect(error).toBeNull();
	const meetup = (cards as Array<{ id: string }>)[0].id;

	// Signing in sets the session's cookies: @supabase/ssr's cache headers come with them.
	const signedIn = (await signIn(page, 'moderator@kring.test')).headers();
	expect(signedIn['cache-control']).toContain('no-store');
	expect(signedIn['cache-control']).toContain('private');
	expect(signedIn['expires']).toBe('0');

	for (const path of ['/home', '/me', `/g/${gent}`, `/m/${meetup}`, `/m/${meetup}/host`]) {
		const headers = headersOf(await page.goto(path));
		expect(headers['cache-control'], path).toBe('private, no-store');
		expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
	}
	for (const path of ['/me/data/export', `/m/${meetup}/calendar.ics`]) {
		const download = await page.request.get(path);
		expect(download.status(), path).toBe(200);
		expect(download.headers()['cache-control'], path).toBe('private, no-store');
	}
});

test('after signing out, the back button does not show the signed-in pages again', async ({
	page
}) => {
	await signIn(page, 'lid@kring.test');
	await page.goto('/home');
	await expect(page.getByRole('heading', { level: 1, name: 'Hallo Karim' })).toBeVisible();
	await page.goto('/me');
	const signedOut = page.waitForResponse(
		(response) =>
			response.request().method() === 'POST' && new URL(response.url()).pathname === '/signout'
	);
	await page.getByRole('button', { name: 'Afmelden' }).click();
	expect((await signedOut).headers()['cache-control']).toContain('no-store');
	await expect(page).toHaveURL(/\/$/);

	for (const gone of ['/me', '/home']) {
		await page.goBack();
		await expect(page, `back to ${gone}`).toHaveURL(
			new RegExp(`/signin\\?redirectTo=${encodeURIComponent(gone)}$`)
		);
		await expect(page.getByRole('heading', { level: 1, name: 'Aanmelden' })).toBeVisible();
	}
});

test('an address with something else where an id belongs is a 404 before any page code runs', async ({
	page
}) => {
	// Signed out: not sent to sign in first, so the signed-in area's guard did not even run.
	for (const path of ['/g/not-an-id', `/g/${gent}/p/not-an-id`, '/m/not-an-id/host']) {
		const response = await page.goto(path);
		expect(response?.status(), path).toBe(404);
		expect(new URL(page.url()).pathname, path).toBe(path);
		await expect(
			page.getByRole('heading', { level: 1, name: 'Deze pagina bestaat niet.' })
		).toBeVisible();
	}
});
