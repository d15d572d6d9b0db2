// Someone without an account finds Samen Sterk's public page (from a link someone shared, a search
// engine, or the organisation's own website): on a phone with JavaScript off, they read what is
// open to anyone and put the coffee morning in their calendar; another visitor asks to join a
// group from there, and its moderator lets them in.
import { devices, type APIRequestContext, type Page } from '@playwright/test';
import ical, { type VEvent } from 'node-ical';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { signIn } from './people';

const coffee = 'Open koffieochtend: vragen over je energiefactuur';
/** From the seed: Groupe de parole Bruxelles asks its moderators (Els) before anyone joins. */
const brussels = 'cac359ab-41d2-5d55-9e4e-6ff781f9bc4a';
/** The seed's nicknames: a public page shows none of them. */
const nicknames = ['Els', 'Karim', 'Sofie', 'Ahmed', 'Grace', 'Marie', 'Fatou', 'Nadia', 'Maria'];

const meta = (page: Page, property: string) =>
	page.locator(`head meta[property="${property}"]`).getAttribute('content');

function events(file: string): VEvent[] {
	return Object.values(ical.sync.parseICS(file)).filter(
		(item): item is VEvent => item?.type === 'VEVENT'
	);
}

test('a visitor without an account and without JavaScript finds an open meetup and adds it to their calendar', async ({
	browser,
	request
}) => {
	const context = await browser.newContext({
		...devices['Pixel 7'],
		locale: 'nl-BE',
		javaScriptEnabled: false,
		acceptDownloads: true
	});
	const page = await context.newPage();
	try {
		const response = await page.goto('/o/samen-sterk');
		expect(response?.status()).toBe(200);
		expect(response?.headers()['x-robots-tag']).toBeUndefined();
		expect(response?.headers()['cache-control']).toBe('public, max-age=300');
		await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
		await expect(page.getByRole('heading', { level: 1, name: 'Samen Sterk vzw' })).toBeVisible();
		// No script at all: the page works as it is sent.
		await expect(page.locator('script')).toHaveCount(0);
		await expect(page.locator('link[rel=modulepreload]')).toHaveCount(0);

		const activity = page.getByRole('listitem').filter({
			has: page.getByRole('heading', { level: 3, name: coffee })
		});
		await expect(activity).toContainText('Wijkcentrum De Sleutel, Sleutelstraat 4, 9000 Gent');
		await expect(activity).toContainText('Gratis');
		await expect(activity).toContainText('Kinderopvang');
		await expect(activity).toContainText('Hulp bij vervoer');
		await expect(activity).toContainText('Rolstoeltoegankelijk');
		await expect(activity).toContainText(/zaterdag .*10:00–12:00/);
		// Meetups for the group or the organisation only are not here.
		await expect(page.locator('main')).not.toContainText('Praatcafé');
		await expect(page.locator('main')).not.toContainText('Pique-nique');
		const text = (await page.locator('body').innerText()) + (await page.content());
		for (const nickname of nicknames) expect(text).not.toMatch(new RegExp(`\\b${nickname}\\b`));

		// A link preview: title, description, page and a picture that previewers can fetch.
		expect(await meta(page, 'og:title')).toBe('Samen Sterk vzw');
		expect(await meta(page, 'og:type')).toBe('website');
		expect(await meta(page, 'og:description')).toMatch(/^Een vereniging waar mensen in armoede/);
		const address = new URL('/o/samen-sterk', page.url()).href;
		expect(await meta(page, 'og:url')).toBe(address);
		await expect(page.locator('link[rel=canonical]')).toHaveAttribute('href', address);
		const image = await meta(page, 'og:image');
		expect(image).toBe(new URL('/o/samen-sterk/preview.png', page.url()).href);
		expect(await meta(page, 'og:image:width')).toBe('1200');
		expect(await meta(page, 'og:image:height')).toBe('630');
		expect(await meta(page, 'og:image:alt')).toBe('De letters SS op de kleur van Samen Sterk vzw');
		const picture = await request.get(image!);
		expect(picture.headers()['content-type']).toBe('image/png');
		const png = await picture.body();
		expect([...png.subarray(1, 4)].map((byte) => String.fromCharCode(byte)).join('')).toBe('PNG');
		expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);

		// The meetup goes into the calendar, from a plain link.
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('link', { name: `Zet in mijn agenda: ${coffee}` }).click()
		]);
		const [event] = events(await readFile((await download.path())!, 'utf8'));
		expect(event.summary).toBe(coffee);
		expect(event.location).toBe('Wijkcentrum De Sleutel, Sleutelstraat 4, 9000 Gent');
		expect(event.start.getTime()).toBeGreaterThan(Date.now());

		// Or every open activity, as a calendar to subscribe to.
		const feed = await request.get(
			await page
				.getByRole('link', { name: 'Alle open activiteiten in je agenda' })
				.getAttribute('href')
				.then((href) => new URL(href!, page.url()).href)
		);
		expect(feed.headers()['content-type']).toBe('text/calendar; charset=utf-8');
		expect(events(await feed.text()).map((item) => item.summary)).toEqual([coffee]);
	} finally {
		await context.close();
	}
});

test('the public page has no accessibility problems, and search engines find it', async ({
	page,
	request
}) => {
	await page.goto('/o/samen-sterk');
	await expect(page.getByRole('heading', { level: 1, name: 'Samen Sterk vzw' })).toBeVisible();
	await expectNoAxeViolations(page);

	const robots = await request.get('/robots.txt');
	expect(await robots.text()).toContain(`Sitemap: ${new URL('/sitemap.xml', page.url()).href}`);
	const sitemap = await (await request.get('/sitemap.xml')).text();
	expect(sitemap).toContain(`<loc>${new URL('/o/samen-sterk', page.url()).href}</loc>`);
	expect((await request.get('/o/bestaat-niet')).status()).toBe(404);
	// Signing in is not for search engines.
	expect((await request.get('/signin')).headers()['x-robots-tag']).toBe('noindex');
});

test("the organisation's own website shows its open activities in a frame, in its colour", async ({
	page,
	request,
	baseURL
}) => {
	const embed = new URL('/o/samen-sterk/embed', baseURL).href;
	// The organisation's own website, on another origin: only the list may sit in its frame.
	const website = createServer((_, response) => {
		response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
		response.end(
			`<!doctype html><html lang="nl"><title>Samen Sterk</title><iframe title="Activiteiten" src="${embed}"></iframe>`
		);
	});
	await new Promise<void>((resolve) => website.listen(0, '127.0.0.1', resolve));
	try {
		const { port } = website.address() as AddressInfo;
		await page.goto(`http://localhost:${port}/`);
	} finally {
		website.close();
	}
	const frame = page.frameLocator('iframe');
	const title = frame.getByRole('heading', {
		level: 1,
		name: 'Open activiteiten van Samen Sterk vzw'
	});
	await expect(title).toBeVisible();
	await expect(title).toHaveCSS('background-color', 'rgb(47, 111, 78)');
	await expect(frame.getByRole('link', { name: coffee })).toHaveAttribute(
		'href',
		new URL(`/o/samen-sterk#activity-`, baseURL).href + (await activityId(request, baseURL!))
	);
	await expect(frame.locator('script')).toHaveCount(0);
	// Read on someone else's website, by the same people: as accessible as Kring's own pages.
	await expectNoAxeViolations(page);

	const headers = (await request.get(embed)).headers();
	expect(headers['x-frame-options']).toBeUndefined();
	expect(headers['content-security-policy']).toMatch(/frame-ancestors \*/);
	expect(headers['x-robots-tag']).toBe('noindex');
	const publicPage = (await request.get('/o/samen-sterk')).headers();
	expect(publicPage['x-frame-options']).toBe('DENY');
	expect(publicPage['content-security-policy']).toContain("frame-ancestors 'none'");
});

/** The coffee morning's id, from the public calendar. */
async function activityId(request: APIRequestContext, baseURL: string) {
	const feed = await request.get(new URL('/o/samen-sterk/activities.ics', baseURL).href);
	return events(await feed.text())[0].uid.replace(/@kring$/, '');
}

test('a visitor asks to join a group from the public page, and its moderator lets them in', async ({
	browser,
	page
}) => {
	const visitor = await (
		await browser.newContext({ ...devices['Pixel 7'], locale: 'nl-BE' })
	).newPage();
	await visitor.goto('/o/samen-sterk');
	await visitor.getByRole('link', { name: 'Ik wil meedoen: Groupe de parole Bruxelles' }).click();
	await expect(visitor).toHaveURL(new RegExp(`/ask/${brussels}$`));
	await visitor.getByLabel('Bijnaam').fill('Yasmina');
	await visitor.getByLabel('Ik ga akkoord met deze afspraken').check();
	await visitor.getByRole('button', { name: 'Vraag versturen' }).click();
	await expect(visitor.locator('main').getByRole('status')).toContainText('Je vraag is verstuurd.');

	await signIn(page, 'moderator@kring.test');
	await page.goto(`/g/${brussels}/manage`);
	await page.getByRole('button', { name: 'Yasmina toelaten' }).click();
	await expect(page.getByRole('button', { name: 'Yasmina toelaten' })).toHaveCount(0);

	await visitor.reload();
	await expect(visitor.locator('main').getByRole('status')).toContainText(
		'Je doet mee met deze groep.'
	);
	await visitor.context().close();
});
