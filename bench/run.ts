// `npm run bench`: what a member pays for and waits for, measured, printed and kept in
// bench/results.json. Fails when a budget is exceeded. A script, not a test.
import { spawn } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';
import { startBuiltApp } from '../scripts/built-app';
import { measureFeed } from './feed';
import { measureServer } from './server';
import { measurePublicOrganisation } from './public-organisation';
import { javascriptKb } from './budgets';
import { defaultPorts, portInUse } from '../local-supabase/ports';

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

const results: Record<string, unknown> = { measuredAt: new Date().toISOString() };
let overBudget = false;

await run('npx', ['vite', 'build', '--logLevel', 'warn']);
results.javascript = await measureJavaScript();
results.feed = await measureFeedOnItsOwnPlatform();
const server = await measureServer();
results.server = server;
if (server.overBudget) overBudget = true;
const publicPage = await measurePublicOrganisation();
results.publicOrganisation = publicPage;
if (publicPage.overBudget) overBudget = true;
results.devColdStart = await measureDevStart();

await writeFile('bench/results.json', JSON.stringify(results, null, '\t') + '\n');
console.log('\nWrote bench/results.json');
// The impact report adds itself to the file, measured on a platform of its own.
await run('npx', ['tsx', 'bench/impact-report.ts']).catch(() => (overBudget = true));
if (overBudget) {
	console.error('Over budget.');
	process.exit(1);
}

async function measureFeedOnItsOwnPlatform() {
	const app = await startBuiltApp();
	try {
		const feed = await measureFeed(app.platform);
		if (feed.overBudget) overBudget = true;
		return feed;
	} finally {
		await app.stop();
	}
}

async function measureJavaScript() {
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
	try {
		for (const route of routes) {
			const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
			const page = await context.newPage();
			const target = await route.address(page, app.url);
			const scripts = new Map<string, number>();
			page.on('response', async (response) => {
				if (response.request().resourceType() !== 'script') return;
				const body = await response.body().catch(() => undefined);
				if (body) scripts.set(response.url(), gzipSync(body, { level: 9 }).length);
			});
			await page.goto(target, { waitUntil: 'networkidle' });
			const gzipKb = [...scripts.values()].reduce((sum, size) => sum + size, 0) / 1024;
			const budgetKb = javascriptKb[route.name];
			rows.push({ route: route.name, files: scripts.size, gzipKb: round(gzipKb), budgetKb });
			if (!(gzipKb <= budgetKb)) overBudget = true;
			await context.close();
		}
	} finally {
		await browser.close();
		await app.stop();
	}
	console.log('\nGzipped JavaScript loaded per route (production build)');
	console.table(rows);
	return rows;
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

/** Seconds from `npm run dev` to the first page served (the local database is kept, as it is between runs). */
async function measureDevStart() {
	for (const port of [defaultPorts.api, defaultPorts.db, 5173]) {
		if (await portInUse(port)) {
			console.log(
				`\nSkipping the dev start time: port ${port} is in use (is npm run dev running?).`
			);
			return null;
		}
	}
	// Cold: Vite's dependency cache is gone, as after a fresh `npm ci`.
	await rm('node_modules/.vite', { recursive: true, force: true });
	const cold = await timeDevStart();
	const warm = await timeDevStart();
	console.log(`\nnpm run dev → first page served: ${cold} s cold, ${warm} s warm`);
	return { coldSeconds: cold, warmSeconds: warm };
}

async function timeDevStart(): Promise<number> {
	const started = performance.now();
	const dev = spawn('npx', ['tsx', 'local-supabase/dev.ts'], { stdio: 'ignore', detached: true });
	try {
		for (;;) {
			try {
				const response = await fetch('http://127.0.0.1:5173/');
				if (response.ok) return round((performance.now() - started) / 1000);
			} catch {
				// not up yet
			}
			if (performance.now() - started > 120_000)
				throw new Error('npm run dev did not serve a page in 2 minutes');
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
	} finally {
		await new Promise<void>((resolve) => {
			dev.once('exit', () => resolve());
			process.kill(-dev.pid!, 'SIGINT');
		});
	}
}

function run(command: string, args: string[]): Promise<void> {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, { stdio: 'inherit' });
		child.once('exit', (code) =>
			code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} failed`))
		);
	});
}

function round(value: number): number {
	return Math.round(value * 10) / 10;
}
