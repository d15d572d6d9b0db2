// Lighthouse 12.2.3 (issue 13) in the system Chromium with its default mobile preset (simulated
// slow 4G, 4× CPU slowdown) on the production build and a private platform: the landing page and
// the join page signed out, a group feed and a meetup page signed in. Goals: performance ≥ 95,
// accessibility 100, best practices ≥ 95; LCP, TBT and CLS are kept per page.
// Performance depends on what else the machine runs (its cores are shared), so it is judged only
// when the machine was not busy before the run; accessibility and best practices always.
// `npm run bench` runs it after bench/run.ts, on the build it made; alone:
// `npx tsx bench/lighthouse.ts` (needs `npm run build` first; adds its result to bench/results.json).
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import lighthouse from 'lighthouse';
import pg from 'pg';
import WebSocket from 'ws';
import { freePort } from '../local-supabase/ports';
import { startBuiltApp } from '../scripts/built-app';
import { judgeRatiosUpToLoadPerCore, lighthouseBudget as budget } from './budgets';
import { demoPlaces } from './pages';
import { signInThroughApp } from './people';
import { addToResults, runAlone } from './postgres';

/** Runs per page; the one with the median performance score is kept (Lighthouse's advice: 3–5). */
const runs = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';
/** LIGHTHOUSE_REPORTS=folder keeps every run's full report there (open with the Lighthouse viewer). */
const reportsFolder = process.env.LIGHTHOUSE_REPORTS;
/**
 * LIGHTHOUSE_PAGES="group feed" measures only the pages whose name holds it (to try a change);
 * such a run is printed, not kept in bench/results.json.
 */
const onlyPages = process.env.LIGHTHOUSE_PAGES;

interface Finding {
	id: string;
	title: string;
	/** What the audit points at: an element's HTML, a script's address, a console message. */
	items: string[];
}

export interface LighthousePage {
	page: string;
	path: string;
	signedIn: boolean;
	/** Whether its performance counts against the budget (the demo's pages do). */
	judged: boolean;
	performance: number;
	accessibility: number;
	bestPractices: number;
	lcpMs: number;
	tbtMs: number;
	cls: number;
	fcpMs: number;
	benchmarkIndex: number;
	/** Every run's performance score, in the order run. */
	performanceRuns: number[];
	/** The machine's load average (1 minute) before and after this page's runs. */
	machineLoad: { before: number; after: number };
	/** Accessibility and best-practices audits that did not pass, in the median run. */
	findings: Finding[];
	notRun: string[];
	warnings: string[];
}

export async function measureLighthouse() {
	const loadBefore = loadavg()[0];
	const app = await startBuiltApp();
	const browser = await startChromium();
	try {
		const db = new pg.Client({ connectionString: app.platform.dbUrl });
		await db.connect();
		const demo = await demoPlaces(db);
		const member = await signInThroughApp(app.url, 'lid@kring.test', 'kring-demo');
		// Signed out first: the member's session then stays in the browser for the rest. The
		// demo group shows 5 posts; a group in use shows a full page of 20, each a few more
		// milliseconds of start-up: measured too, kept beside the others, not judged.
		const pages: Array<{
			page: string;
			path: string;
			signedIn: boolean;
			judged?: false;
			prepare?: () => Promise<unknown>;
		}> = [
			{ page: 'landing', path: '/', signedIn: false },
			{ page: 'join page', path: `/join/${demo.invite}`, signedIn: false },
			{ page: 'group feed', path: `/g/${demo.group}`, signedIn: true },
			{ page: 'meetup page', path: `/m/${demo.meetup}`, signedIn: true },
			{
				page: 'group feed, 20 posts',
				path: `/g/${demo.group}`,
				signedIn: true,
				judged: false,
				prepare: () => fillFeed(db, demo.group)
			}
		];
		const measured: LighthousePage[] = [];
		for (const page of pages.filter((one) => !onlyPages || one.page.includes(onlyPages))) {
			if (page.signedIn) await browser.setCookies(app.url, member.cookie);
			await page.prepare?.();
			const before = loadavg()[0];
			const reports: Report[] = [];
			for (let run = 0; run < runs; run++) {
				reports.push(await audit(browser.port, app.url + page.path, `${page.page}-${run + 1}`));
			}
			const byScore = [...reports].sort((a, b) => a.performance - b.performance);
			const median = byScore[Math.floor(byScore.length / 2)];
			measured.push({
				page: page.page,
				path: page.path.replace(/[0-9a-f-]{36}/g, '…').replace(demo.invite, '…'),
				signedIn: page.signedIn,
				judged: page.judged ?? true,
				...median,
				performanceRuns: reports.map((report) => report.performance),
				machineLoad: { before: round(before), after: round(loadavg()[0]) }
			});
		}
		await db.end();
		const perfJudged = loadBefore <= judgeRatiosUpToLoadPerCore * availableParallelism();
		const over = overBudget(measured, perfJudged);
		print(measured, loadBefore, perfJudged, over);
		return {
			measuredAt: new Date().toISOString(),
			lighthouse: '12.2.3',
			chromium: browser.version,
			preset: 'default mobile: simulated slow 4G, 4× CPU slowdown, Moto G Power screen',
			runsPerPage: runs,
			budget,
			// The machine's load average (1 minute) before and after, on this many cores.
			machineLoad: { before: round(loadBefore), after: round(loadavg()[0]) },
			cores: availableParallelism(),
			performanceJudged: perfJudged,
			overBudget: over.length > 0,
			over,
			pages: measured
		};
	} finally {
		await browser.stop();
		await app.stop();
	}
}

interface Report {
	performance: number;
	accessibility: number;
	bestPractices: number;
	lcpMs: number;
	tbtMs: number;
	cls: number;
	fcpMs: number;
	/** Lighthouse's measure of the CPU it had (a phone-like figure; higher is faster). */
	benchmarkIndex: number;
	findings: Finding[];
	/** Audits Lighthouse could not run, and its warnings. */
	notRun: string[];
	warnings: string[];
}

/**
 * One Lighthouse run, tried again when Lighthouse itself failed (on a busy machine the trace
 * sometimes misses the navigation's start: NO_NAVSTART).
 */
async function audit(port: number, url: string, name: string): Promise<Report> {
	for (let attempt = 1; ; attempt++) {
		try {
			return await auditOnce(port, url, name);
		} catch (error) {
			if (!(error instanceof LighthouseFailed) || attempt === 3) throw error;
			console.log(`${error.message}; trying again`);
		}
	}
}

class LighthouseFailed extends Error {}

async function auditOnce(port: number, url: string, name: string): Promise<Report> {
	// Lighthouse clears the origin's caches and service workers before each run, not its cookies.
	const result = await lighthouse(url, {
		port,
		logLevel: 'error',
		output: 'json',
		onlyCategories: ['performance', 'accessibility', 'best-practices']
	});
	if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
	const { lhr } = result;
	if (reportsFolder) {
		await mkdir(reportsFolder, { recursive: true });
		await writeFile(path.join(reportsFolder, `${name.replace(/ /g, '-')}.json`), result.report);
	}
	if (lhr.runtimeError) {
		throw new LighthouseFailed(`Lighthouse on ${url}: ${lhr.runtimeError.code}`);
	}
	// A session the app did not take would measure the sign-in page instead.
	if (lhr.finalDisplayedUrl !== url) {
		throw new Error(`Lighthouse asked for ${url} and was shown ${lhr.finalDisplayedUrl}`);
	}
	const score = (category: string) => Math.round((lhr.categories[category]?.score ?? 0) * 100);
	const value = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
	const findings: Finding[] = [];
	for (const category of ['accessibility', 'best-practices']) {
		for (const ref of lhr.categories[category].auditRefs) {
			const found = lhr.audits[ref.id];
			const counts = found.scoreDisplayMode === 'binary' || found.scoreDisplayMode === 'numeric';
			if (ref.weight === 0 || (counts && found.score === 1)) continue;
			if (!counts && found.scoreDisplayMode !== 'error') continue;
			findings.push({ id: ref.id, title: found.title, items: itemsOf(found.details) });
		}
	}
	// Audits Lighthouse could not run. With Chromium 156, Lighthouse 12.2.3's trace engine fails
	// on the trace (frame_sequence): the LCP element, layout shifts and render-blocking requests
	// are missing; they weigh nothing in the scores.
	const notRun = Object.values(lhr.audits)
		.filter((one) => one.scoreDisplayMode === 'error')
		.map((one) => one.id);
	return {
		performance: score('performance'),
		accessibility: score('accessibility'),
		bestPractices: score('best-practices'),
		lcpMs: Math.round(value('largest-contentful-paint')),
		tbtMs: Math.round(value('total-blocking-time')),
		cls: Math.round(value('cumulative-layout-shift') * 1000) / 1000,
		fcpMs: Math.round(value('first-contentful-paint')),
		benchmarkIndex: Math.round(lhr.environment.benchmarkIndex),
		findings,
		notRun,
		warnings: lhr.runWarnings.map(String)
	};
}

/** A few lines of what an audit points at, enough to find it in the code. */
function itemsOf(details: unknown): string[] {
	const items = (details as { items?: Array<Record<string, unknown>> } | undefined)?.items ?? [];
	return items.slice(0, 5).map((item) => {
		const node = item.node as { snippet?: string; selector?: string } | undefined;
		const text = node?.snippet ?? item.description ?? item.source ?? item.url ?? item;
		return String(typeof text === 'object' ? JSON.stringify(text) : text).slice(0, 300);
	});
}

/** The group's feed as a group in use has it: 15 more posts (older ones again), 20 in all. */
async function fillFeed(db: pg.Client, group: string) {
	await db.query(
		`insert into public.posts (group_id, author_id, kind, body, anonymous, created_at)
		select group_id, author_id, kind, body, anonymous, created_at - interval '3 days' - n * interval '1 hour'
		from public.posts, generate_series(1, 3) n
		where group_id = $1 and deleted_at is null and hidden_at is null and pinned_at is null
		limit 15`,
		[group]
	);
}

function overBudget(pages: LighthousePage[], perfJudged: boolean): string[] {
	const over: string[] = [];
	for (const page of pages) {
		if (page.accessibility < budget.accessibility)
			over.push(
				`${page.page}: accessibility ${page.accessibility}, budget ${budget.accessibility}`
			);
		if (page.bestPractices < budget.bestPractices)
			over.push(
				`${page.page}: best practices ${page.bestPractices}, budget ${budget.bestPractices}`
			);
		if (perfJudged && page.judged && page.performance < budget.performance)
			over.push(`${page.page}: performance ${page.performance}, budget ${budget.performance}`);
	}
	return over;
}

function print(pages: LighthousePage[], loadBefore: number, perfJudged: boolean, over: string[]) {
	console.log(
		`\nLighthouse 12.2.3, default mobile preset, median of ${runs} by performance ` +
			`(load average before: ${round(loadBefore)} on ${availableParallelism()} cores)`
	);
	console.table(
		pages.map((page) => ({
			page: page.page,
			performance: page.performance,
			'(runs)': page.performanceRuns.join(' '),
			accessibility: page.accessibility,
			'best practices': page.bestPractices,
			'LCP ms': page.lcpMs,
			'TBT ms': page.tbtMs,
			CLS: page.cls,
			CPU: page.benchmarkIndex,
			load: `${page.machineLoad.before} → ${page.machineLoad.after}`
		}))
	);
	for (const page of pages) {
		for (const finding of page.findings) {
			console.log(`${page.page}: ${finding.id} (${finding.title})`);
			for (const item of finding.items) console.log(`    ${item}`);
		}
	}
	if (!perfJudged) {
		console.log(
			`Performance is not judged: the machine was busy before the run (load ${round(loadBefore)}).`
		);
	}
	if (over.length > 0) console.error(`\nLighthouse below its budgets:\n- ${over.join('\n- ')}`);
	else console.log('\nEvery page within its Lighthouse budgets (bench/budgets.ts).');
}

/**
 * The system Chromium, headless, listening for Lighthouse on a free port, with a profile of its
 * own. As root it needs --no-sandbox; the machine has no outside network.
 */
async function startChromium() {
	const port = await freePort();
	const profile = await mkdtemp(path.join(tmpdir(), 'kring-lighthouse-'));
	const chromium = spawn(
		chromiumPath,
		[
			'--headless=new',
			`--remote-debugging-port=${port}`,
			`--user-data-dir=${profile}`,
			'--no-sandbox',
			'--no-first-run',
			'--no-default-browser-check',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--disable-dev-shm-usage',
			// As the journeys' phone (playwright.config.ts): the signed-out pages in Dutch.
			'--accept-lang=nl-BE,nl',
			'about:blank'
		],
		{ stdio: 'ignore' }
	);
	const kill = () => chromium.kill('SIGKILL');
	process.on('exit', kill);
	let info: { Browser: string; webSocketDebuggerUrl: string } | undefined;
	const deadline = Date.now() + 30_000;
	while (!info) {
		if (chromium.exitCode !== null) throw new Error(`Chromium exited with ${chromium.exitCode}`);
		if (Date.now() > deadline) throw new Error('Chromium did not listen within 30 s');
		try {
			info = await (await fetch(`http://127.0.0.1:${port}/json/version`)).json();
		} catch {
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
	}
	const browserUrl = info.webSocketDebuggerUrl;
	return {
		port,
		version: info.Browser,
		/**
		 * Puts a Cookie header's cookies in the browser for the app's address, as signing in
		 * there would (Chromium leaves a Cookie header Lighthouse adds to its requests out).
		 */
		async setCookies(appUrl: string, cookieHeader: string) {
			const cookies = cookieHeader.split('; ').map((pair) => {
				const at = pair.indexOf('=');
				return { name: pair.slice(0, at), value: pair.slice(at + 1), url: appUrl, httpOnly: true };
			});
			await browserCommand(browserUrl, 'Storage.setCookies', { cookies });
		},
		async stop() {
			process.off('exit', kill);
			if (chromium.exitCode === null) {
				await new Promise<void>((resolve) => {
					chromium.once('exit', () => resolve());
					chromium.kill('SIGTERM');
				});
			}
			await rm(profile, { recursive: true, force: true });
		}
	};
}

/** One DevTools protocol command to the browser itself. */
async function browserCommand(browserUrl: string, method: string, params: object): Promise<void> {
	const socket = new WebSocket(browserUrl);
	try {
		await new Promise((resolve, reject) => {
			socket.once('open', resolve);
			socket.once('error', reject);
		});
		socket.send(JSON.stringify({ id: 1, method, params }));
		const reply = await new Promise<{ error?: { message: string } }>((resolve) =>
			socket.once('message', (data) => resolve(JSON.parse(String(data))))
		);
		if (reply.error) throw new Error(`${method}: ${reply.error.message}`);
	} finally {
		socket.close();
	}
}

function round(value: number): number {
	return Math.round(value * 10) / 10;
}

if (runAlone(import.meta.url) && onlyPages) {
	await measureLighthouse();
} else if (runAlone(import.meta.url)) {
	await addToResults(
		'lighthouse',
		await measureLighthouse(),
		'Lighthouse: a page is below its budget (bench/budgets.ts).'
	);
}
