// When the database cannot answer, Kring says so: a page in plain words with a code to pass on,
// never an empty group that looks as if everyone left. The app runs here on a platform of its
// own, so its database can be broken on purpose and its log read.
import { devices, type Browser, type Page } from '@playwright/test';
import pg from 'pg';
import { startBuiltApp, type BuiltApp } from '../../scripts/built-app';
import type { UnexpectedError } from '../../src/lib/server/request-log';
import { expect, test } from './fixtures';
import { gent, signIn } from './people';

let app: BuiltApp;
const log: string[] = [];

test.beforeAll(async () => {
	test.setTimeout(120_000);
	app = await startBuiltApp({ onOutput: (text) => log.push(...text.split('\n')) });
});
test.afterAll(async () => app?.stop());

const loggedErrors = () =>
	log.filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as UnexpectedError);

async function asDatabaseOwner<Row>(sql: string): Promise<Row[]> {
	const db = new pg.Client({ connectionString: app.platform.dbUrl });
	await db.connect();
	try {
		return (await db.query(sql)).rows as Row[];
	} finally {
		await db.end();
	}
}

/**
 * A grant lost in a deployment: signed-in people may call none of the database's functions,
 * whatever the pages call them. Gives back the grants to restore.
 */
async function loseTheGrants(): Promise<string[]> {
	const callable = await asDatabaseOwner<{ fn: string }>(
		`select p.oid::regprocedure::text as fn from pg_proc p
		 where p.pronamespace = 'public'::regnamespace
		   and has_function_privilege('authenticated', p.oid, 'execute')`
	);
	await asDatabaseOwner('revoke execute on all functions in schema public from authenticated');
	return callable.map(({ fn }) => `grant execute on function ${fn} to authenticated;`);
}

async function karimsPhone(browser: Browser): Promise<Page> {
	const context = await browser.newContext({
		...devices['Pixel 7'],
		locale: 'nl-BE',
		baseURL: app.url
	});
	return context.newPage();
}

test('when the group cannot be read, a member sees that Kring cannot load it, with a code to pass on', async ({
	browser
}) => {
	const page = await karimsPhone(browser);
	await signIn(page, 'lid@kring.test');
	await page.goto(`/g/${gent}`);
	await expect(page.getByRole('article').first()).toBeVisible();

	const grants = await loseTheGrants();
	try {
		const response = await page.goto(`/g/${gent}`);
		expect(response?.status()).toBe(503);
		await expect(
			page.getByRole('heading', {
				level: 1,
				name: 'Kring kan dit nu niet laden. Probeer het zo opnieuw.'
			})
		).toBeVisible();
		await expect(page.getByRole('article')).toHaveCount(0);
		await expect(page.getByRole('link', { name: 'Opnieuw proberen' })).toBeVisible();

		const code = response!.headers()['x-request-id'];
		expect(code).toMatch(/^[2-9a-z]{5}-[2-9a-z]{5}$/);
		await expect(page.getByText(`Geef dan deze code door aan je moderator: ${code}`)).toBeVisible();

		// One line in the log for it, with the same code, and nothing about the person.
		const lines = loggedErrors().filter((line) => line.request_id === code);
		expect(lines).toEqual([
			{
				time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
				level: 'error',
				request_id: code,
				method: 'GET',
				route: '/(app)/g/[group=uuid]',
				status: 503,
				code: '42501'
			}
		]);
	} finally {
		await asDatabaseOwner(grants.join('\n'));
	}
	await page.getByRole('link', { name: 'Opnieuw proberen' }).click();
	await expect(page.getByRole('article').first()).toBeVisible();
});

test('the health endpoint answers 200 while the database answers, 503 when it does not', async ({
	request
}) => {
	const healthy = await request.get(`${app.url}/healthz`);
	expect(healthy.status()).toBe(200);
	expect(healthy.headers()['cache-control']).toBe('no-store');

	// The platform (PostgREST and Postgres behind it) stops; the app keeps running.
	await app.platform.stop();
	const down = await request.get(`${app.url}/healthz`);
	expect(down.status()).toBe(503);
	expect(down.headers()['cache-control']).toBe('no-store');
	expect(loggedErrors().at(-1)).toMatchObject({
		route: '/healthz',
		status: 503,
		code: 'database_unreachable'
	});
});
