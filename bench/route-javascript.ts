// Gzipped JavaScript per route from the production build, and what a repeat visit to the group
// feed still downloads with a warm service worker: part of `npm run bench` (bench/run.ts), and on
// its own with `npx tsx bench/route-javascript.ts` after `npx vite build` (it then updates only
// its own part of bench/results.json).
import { readFile, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from '@playwright/test';
import { startBuiltApp } from '../scripts/built-app';
import { javascriptKb, repeatVisitKb } from './budgets';

interface RouteBudget {
	name: string;
	/** Gets the page ready (signed in, say) and gives the address to measure, loaded afresh. */
	address: (page: Page, baseUrl: string) => Promise<string>;
}

/** The demo group's invite link, from supabase/seed.sql. */
const demoInvite = '/join/dEmO-k7Qx2LpN9vR4sT8wYz3';
/** How many newcomers the benchmark made join (each needs a name of their own). */
let joined = 0;

const routes: RouteBudget[] = [
	{ name: 'landing', address: async (_, baseUrl) => `${baseUrl}/` },
	// A newcomer's first page in Kring, often on a slow connection.
	{ name: 'join page', address: async (_, baseUrl) => baseUrl + demoInvite },
	{
		name: 'signed-in home',
		address: async (page, baseUrl) => (await joinDemoGroup(page, baseUrl), `${baseUrl}/home`)
	},
	{ name: 'group feed', address: joinDemoGroup },
	{
		name: 'post page',
		address: async (page, baseUrl) =>
			firstLink(page, await joinDemoGroup(page, baseUrl), 'main a[href*="/p/"]')
	},
	{
		name: 'meetup page',
		address: async (page, baseUrl) => firstMeetup(page, await joinDemoGroup(page, baseUrl))
	},
	{
		name: 'host view',
		address: async (page, baseUrl) =>
			`${await firstMeetup(page, await signInAsModerator(page, baseUrl))}/host`
	}
];

export async function measureJavaScript() {
	const app = await startBuiltApp();
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update'
		]
	});
	const rows: Array<{ route: string; files: number; gzipKb: number; budgetKb: number }> = [];
	let overBudget = false;
	let repeatVisit: RepeatVisit | undefined;
	try {
		for (const route of routes) {
			const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
			const page = await context.newPage();
			const target = await route.address(page, app.url);
			// Every script the page asks for, whether the network or the service worker answers (a
			// body the worker gave cannot always be read back, and a body read after the page moved
			// on was lost: home once counted 38 KB of its 64): each is fetched again and gzipped.
			const scripts = new Set<string>();
			page.on('request', (request) => {
				if (request.resourceType() === 'script') scripts.add(request.url());
			});
			await page.goto(target, { waitUntil: 'networkidle' });
			let gzipBytes = 0;
			for (const url of scripts) {
				const response = await context.request.get(url);
				if (!response.ok()) throw new Error(`${url}: ${response.status()}`);
				gzipBytes += gzipSync(await response.body(), { level: 9 }).length;
			}
			const gzipKb = gzipBytes / 1024;
			const budgetKb = javascriptKb[route.name];
			rows.push({ route: route.name, files: scripts.size, gzipKb: round(gzipKb), budgetKb });
			console.log(`${route.name}: ${round(gzipKb)} KB`);
			if (!(gzipKb <= budgetKb)) overBudget = true;
			await context.close();
		}
		repeatVisit = await measureRepeatVisit(browser, app.url);
		if (!(repeatVisit.networkKb <= repeatVisitKb)) overBudget = true;
	} finally {
		await browser.close();
		await app.stop();
	}
	console.log('\nGzipped JavaScript loaded per route (production build)');
	console.table(rows);
	console.log(
		`\nRepeat visit to the group feed with a warm service worker: ${repeatVisit.networkKb} KB over the network in ${repeatVisit.requests} requests (budget ${repeatVisitKb} KB; ${repeatVisit.gzippedKb} KB were it gzipped)`
	);
	return { rows, repeatVisit, overBudget };
}

interface RepeatVisit {
	/** Bytes that came over the network (the page's own requests and its service worker's), in KB. */
	networkKb: number;
	/** The same, were each response gzipped (level 6), beside what the server chose (brotli). */
	gzippedKb: number;
	requests: number;
	/** What they were, largest first. */
	largest: Array<{ url: string; kb: number }>;
}

/**
 * A member opens their group's feed again, the service worker installed and its files
 * precached: what the phone still downloads. Counted as the browser received it (compressed
 * where it was), for the page's requests and the worker's own; what the worker answers from its
 * caches costs nothing.
 */
async function measureRepeatVisit(browser: Browser, baseUrl: string): Promise<RepeatVisit> {
	const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
	try {
		const page = await context.newPage();
		const feed = await joinDemoGroup(page, baseUrl);
		await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
		// Once through the worker, so that what the browser keeps by itself is warm too.
		await page.goto(feed, { waitUntil: 'networkidle' });
		const received: Array<Promise<{ url: string; bytes: number; gzipped: number } | null>> = [];
		context.on('requestfinished', (request) =>
			received.push(
				(async () => {
					const response = await request.response();
					if (!response || response.fromServiceWorker()) return null;
					const sizes = await request.sizes();
					const body = await response.body().catch(() => Buffer.alloc(0));
					return {
						url: request.url(),
						bytes: sizes.responseBodySize + sizes.responseHeadersSize,
						gzipped: gzipSync(body, { level: 6 }).length + sizes.responseHeadersSize
					};
				})()
			)
		);
		await page.goto(feed, { waitUntil: 'networkidle' });
		const counted = (await Promise.all(received)).filter((entry) => entry !== null);
		const bytes = counted.reduce((sum, entry) => sum + entry.bytes, 0);
		const gzipped = counted.reduce((sum, entry) => sum + entry.gzipped, 0);
		return {
			networkKb: round(bytes / 1024),
			gzippedKb: round(gzipped / 1024),
			requests: counted.length,
			largest: counted
				.sort((a, b) => b.bytes - a.bytes)
				.slice(0, 5)
				.map((entry) => ({ url: new URL(entry.url).pathname, kb: round(entry.bytes / 1024) }))
		};
	} finally {
		await context.close();
	}
}

/**
 * Joins the demo group the way a newcomer does: invite link, nickname, rules. Returns the feed's
 * address. Each newcomer takes a name of their own: the group refuses one that is taken.
 */
async function joinDemoGroup(page: Page, baseUrl: string): Promise<string> {
	// Once the page's scripts run: a box ticked before that can be unticked by them (a busy machine).
	await page.goto(baseUrl + demoInvite, { waitUntil: 'networkidle' });
	await page.locator('input[name=nickname]').fill(`Bench ${String.fromCharCode(65 + joined++)}`);
	await page.locator('input[name=accept_rules]').check();
	await Promise.all([page.waitForURL(/\/g\//), page.locator('main form button').last().click()]);
	return page.url();
}

/** Signs in as the demo moderator (Els, who hosts in Ghent). Returns home's address. */
async function signInAsModerator(page: Page, baseUrl: string): Promise<string> {
	await page.goto(`${baseUrl}/signin`);
	await page.locator('input[name=email]').fill('moderator@kring.test');
	await page.locator('input[name=password]').fill('kring-demo');
	await Promise.all([page.waitForURL(/\/home$/), page.locator('main form button').last().click()]);
	return page.url();
}

/** The first meetup linked from a page (the demo's weekly praatcafé). */
function firstMeetup(page: Page, from: string): Promise<string> {
	return firstLink(page, from, 'main a[href^="/m/"]');
}

async function firstLink(page: Page, from: string, selector: string): Promise<string> {
	await page.goto(from);
	const href = await page.locator(selector).first().getAttribute('href');
	if (!href) throw new Error(`nothing like ${selector} linked from ${from}`);
	return new URL(href, from).href;
}

function round(value: number): number {
	return Math.round(value * 10) / 10;
}

// Run on its own: only this part of the benchmark, on the build that is there.
if (import.meta.url === `file://${process.argv[1]}`) {
	const measured = await measureJavaScript();
	const results = JSON.parse(await readFile('bench/results.json', 'utf8').catch(() => '{}'));
	results.javascript = measured.rows;
	results.repeatVisit = measured.repeatVisit;
	await writeFile('bench/results.json', JSON.stringify(results, null, '\t') + '\n');
	if (measured.overBudget) {
		console.error('Over budget.');
		process.exit(1);
	}
}
