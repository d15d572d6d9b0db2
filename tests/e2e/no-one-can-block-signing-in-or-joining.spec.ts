// A script at one address hammers sign-in and the join link; people elsewhere still sign in and
// join. The app runs here as in production behind one trusted proxy (adapter-node's
// ADDRESS_HEADER and XFF_DEPTH), with auth's limits as supabase/config.toml sets them.
import { devices, request, type APIRequestContext, type Browser } from '@playwright/test';
import { startBuiltApp, type BuiltApp } from '../../scripts/built-app';
import { expect, test } from './fixtures';
import { gent, ghentInvite, joinGhent, signIn } from './people';

let app: BuiltApp;

test.beforeAll(async () => {
	test.setTimeout(120_000);
	app = await startBuiltApp({
		configuredAuthLimits: true,
		env: { ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '1' }
	});
});
test.afterAll(async () => app?.stop());

const script = '203.0.113.66';

/** A request from the script, as the proxy passes it on: whatever it claims, then its address. */
async function fromScript(claim: number): Promise<APIRequestContext> {
	return request.newContext({
		baseURL: app.url,
		extraHTTPHeaders: { 'x-forwarded-for': `10.9.8.${claim % 250}, ${script}`, origin: app.url },
		maxRedirects: 0
	});
}

/** Sends a form as a phone without JavaScript does; true when Kring says to wait. */
async function refused(client: APIRequestContext, path: string, form: Record<string, string>) {
	const response = await client.post(path, { form });
	const refusal = /Te veel pogingen/.test(await response.text());
	await client.dispose();
	return refusal;
}

/** A person on their own phone, somewhere else. */
async function personAt(browser: Browser, address: string) {
	const context = await browser.newContext({
		...devices['Pixel 7'],
		locale: 'nl-BE',
		baseURL: app.url,
		extraHTTPHeaders: { 'x-forwarded-for': address }
	});
	return context.newPage();
}

test('a script guessing a member’s password is stopped; the member signs in from elsewhere', async ({
	browser
}) => {
	let tries = 0;
	while (tries < 40) {
		tries++;
		const client = await fromScript(tries);
		const form = { email: 'lid@kring.test', password: `guess-${tries}` };
		if (await refused(client, '/signin', form)) break;
	}
	expect(tries, 'the script was refused').toBeLessThan(40);

	const karim = await personAt(browser, '198.51.100.77');
	await signIn(karim, 'lid@kring.test');
	await karim.context().close();
});

test('a script making newcomers through the join link is stopped; a real newcomer still joins', async ({
	browser
}) => {
	let tries = 0;
	while (tries < 40) {
		tries++;
		// A new phone each time: no session, so every try would make an account.
		const client = await fromScript(tries);
		const form = { nickname: `Script ${tries}`, accept_rules: 'on' };
		if (await refused(client, ghentInvite, form)) break;
	}
	expect(tries, 'the script was refused').toBeLessThan(40);

	const nadia = await personAt(browser, '2001:db8:77::1');
	await joinGhent(nadia, 'Nadia');
	// The join page shows the group's name too: only the group's own page means she is in.
	await expect(nadia).toHaveURL(new RegExp(`/g/${gent}$`));
	await nadia.context().close();
});
