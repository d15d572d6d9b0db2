// What a signed-in page costs the server (issue 9), on the production build and a private
// platform: per page view, the calls, statements and writes behind it; under load, each page
// against its main data call made straight to the gateway by the same person, in the same
// round, so the ratio holds even when the machine is busy with other work; and whether a long
// history makes home or an old feed page slower.
import { availableParallelism, loadavg } from 'node:os';
import pg from 'pg';
import { startBuiltApp } from '../scripts/built-app';
import { deepPosts, historyPosts, makeHistory } from './history';
import {
	connections,
	load,
	round,
	secondsPerTarget,
	stopLoading,
	warmUp,
	type Load,
	type Target
} from './load';
import { demoPages, historyPages, pageTarget, type HistoryCase, type HistoryPage } from './pages';
import { countViews, prepareCounting, type ViewCost } from './views';
import * as budgets from './budgets';

const rounds = 3;

interface PageSummary extends Load {
	page: string;
	path: string;
	dataCall: string | null;
	dataCallLoad: Load | null;
	ratios: number[] | null;
	ratio: number | null;
	perView: ViewCost;
}

interface HistorySide extends Load {
	/** One call alone, median of nine. */
	dataCallMs: number;
}

interface HistorySummary {
	posts: number;
	deepPosts: number;
	home: { unseen: HistorySide; seen: HistorySide } & Slowdown;
	feed: { firstPage: HistorySide; deepPage: HistorySide } & Slowdown;
}

/** How many times fewer requests per second the long history gets, per round and the median. */
interface Slowdown {
	slowdowns: number[];
	slowdown: number;
	dataCallSlowdown: number;
}

export async function measureServer() {
	const loadBefore = loadavg()[0];
	const app = await startBuiltApp();
	const db = new pg.Client({ connectionString: app.platform.dbUrl });
	await db.connect();
	try {
		await prepareCounting(db);
		const pages = await demoPages(app, db);
		console.log('\nPer page view (one at a time, on a quiet platform)');
		const costs = new Map<string, ViewCost>();
		for (const page of pages) {
			costs.set(
				page.name,
				await countViews(app.platform, db, app.url + page.path, page.person?.cookie)
			);
		}
		console.table(Object.fromEntries(costs));
		const pageTargets = new Map<string, Target>();
		for (const page of pages) {
			pageTargets.set(page.name, pageTarget(app, page));
			if (page.dataCall) pageTargets.set(`${page.name} · data`, page.dataCall.target);
		}
		const pageRounds = await loadRounds(pageTargets);

		// Only now the long history: the demo's pages are measured without a big group next to
		// theirs (one big group can change the plans behind everyone's home).
		const history = await makeHistory(app.platform.dbUrl);
		const historyCases = await historyPages(app, history);
		const historyCallMs = {} as Record<HistoryCase, number>;
		const historyTargets = new Map<string, Target>();
		for (const [name, page] of Object.entries(historyCases) as Array<[HistoryCase, HistoryPage]>) {
			historyCallMs[name] = await medianMs(page.data);
			historyTargets.set(`history · ${name}`, pageTarget(app, page));
		}
		const historyRounds = await loadRounds(historyTargets);
		// Ratios are taken within the pages' rounds or within the history's, never across.
		const measured = pageRounds.map((round, index) => new Map([...round, ...historyRounds[index]]));

		const across = (name: string) => measured.map((round) => round.get(name)!);
		/** Per round, how many times more requests per second `fast` answered than `slow`. */
		const ratios = (fast: string, slow: string) =>
			measured.map((round) =>
				round2(round.get(fast)!.requestsPerSecond / round.get(slow)!.requestsPerSecond)
			);
		const summary: PageSummary[] = pages.map((page) => {
			const data = page.dataCall && `${page.name} · data`;
			return {
				page: page.name,
				path: page.path.replace(/[0-9a-f-]{36}/g, '…'),
				...medianLoad(across(page.name)),
				dataCall: page.dataCall?.name ?? null,
				dataCallLoad: data ? medianLoad(across(data)) : null,
				ratios: data ? ratios(page.name, data) : null,
				ratio: data ? median(ratios(page.name, data)) : null,
				perView: costs.get(page.name)!
			};
		});
		const side = (name: HistoryCase): HistorySide => ({
			...medianLoad(across(`history · ${name}`)),
			dataCallMs: historyCallMs[name]
		});
		const historySummary: HistorySummary = {
			posts: historyPosts,
			deepPosts,
			home: {
				unseen: side('homeUnseen'),
				seen: side('homeSeen'),
				slowdowns: ratios('history · homeSeen', 'history · homeUnseen'),
				slowdown: median(ratios('history · homeSeen', 'history · homeUnseen')),
				dataCallSlowdown: round2(historyCallMs.homeUnseen / historyCallMs.homeSeen)
			},
			feed: {
				firstPage: side('feedFirst'),
				deepPage: side('feedDeep'),
				slowdowns: ratios('history · feedFirst', 'history · feedDeep'),
				slowdown: median(ratios('history · feedFirst', 'history · feedDeep')),
				dataCallSlowdown: round2(historyCallMs.feedDeep / historyCallMs.feedFirst)
			}
		};
		const errors = [...pageTargets.keys(), ...historyTargets.keys()].reduce(
			(sum, name) => sum + across(name).reduce((all, one) => all + one.errors, 0),
			0
		);
		printSummary(summary, historySummary, errors);
		const overBudget = overBudgets(summary, historySummary, errors, loadBefore);
		return {
			overBudget,
			connections,
			secondsPerTarget,
			rounds,
			// The machine's load average (1 minute) before and after: other work shares the cores.
			machineLoad: { before: round(loadBefore), after: round(loadavg()[0]) },
			goals:
				'each signed-in page ≥ 0.5× its data call, 0 errors; ≤ 2 HTTP calls from the app and 0 write transactions per view; history slowdowns ≤ 1.5×',
			budgets: { pages: budgets.pages, historySlowdown: budgets.historySlowdown },
			errors,
			pages: summary,
			history: historySummary
		};
	} finally {
		stopLoading();
		await db.end();
		await app.stop();
	}
}

/** A short warm-up of each target, then the rounds: every target once per round, in order. */
async function loadRounds(targets: Map<string, Target>): Promise<Array<Map<string, Load>>> {
	for (const target of targets.values()) await warmUp(target);
	const measured: Array<Map<string, Load>> = [];
	for (let number = 1; number <= rounds; number++) {
		const round = new Map<string, Load>();
		for (const [name, target] of targets) round.set(name, await load(target));
		measured.push(round);
		console.log(`\nLoad, round ${number} of ${rounds}`);
		console.table(Object.fromEntries(round));
	}
	return measured;
}

/** The median time of one call made alone, nine times over. */
async function medianMs(target: Target): Promise<number> {
	const times: number[] = [];
	for (let run = 0; run < 9; run++) {
		const started = performance.now();
		const response = await fetch(target.url, {
			method: target.method,
			headers: target.headers,
			body: target.body
		});
		await response.arrayBuffer();
		if (!response.ok) throw new Error(`${target.url} answered ${response.status}`);
		times.push(performance.now() - started);
	}
	return round(median(times));
}

function medianLoad(loads: Load[]): Load {
	return {
		requestsPerSecond: median(loads.map((one) => one.requestsPerSecond)),
		p50Ms: median(loads.map((one) => one.p50Ms)),
		p99Ms: median(loads.map((one) => one.p99Ms)),
		errors: loads.reduce((sum, one) => sum + one.errors, 0)
	};
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
}

function round2(value: number): number {
	return Math.round(value * 100) / 100;
}

function printSummary(pages: PageSummary[], history: HistorySummary, errors: number) {
	console.log('\nSigned-in pages against their data calls (medians of the rounds; costs per view)');
	console.table(
		pages.map((page) => ({
			page: page.page,
			'req/s': page.requestsPerSecond,
			'p50 ms': page.p50Ms,
			'p99 ms': page.p99Ms,
			errors: page.errors,
			'data call': page.dataCall ?? '',
			'its req/s': page.dataCallLoad?.requestsPerSecond ?? '',
			ratio: page.ratio ?? '',
			calls: `${page.perView.authCalls} + ${page.perView.restCalls}`,
			levels: page.perView.levels,
			statements: `${page.perView.statements} (+${page.perView.statementsInFunctions})`,
			writes: `${page.perView.writeStatements} / ${page.perView.writeTransactions} tx`
		}))
	);
	console.log(`\nHistory: ${history.posts} posts, the old page ${history.deepPosts} deep`);
	const row = (name: string, side: HistorySide) => ({
		'': name,
		'req/s': side.requestsPerSecond,
		'p50 ms': side.p50Ms,
		'p99 ms': side.p99Ms,
		errors: side.errors,
		'data call ms': side.dataCallMs
	});
	console.table([
		row('home, 200k unseen', history.home.unseen),
		row('home, all seen', history.home.seen),
		row('feed, first page', history.feed.firstPage),
		row('feed, old page', history.feed.deepPage)
	]);
	console.log(
		`home slower by ${history.home.slowdown}× (its data call ${history.home.dataCallSlowdown}×); ` +
			`the old feed page by ${history.feed.slowdown}× (${history.feed.dataCallSlowdown}×); goal ≤ 1.5×`
	);
	if (errors > 0) console.log(`\n${errors} requests failed under load (goal: none).`);
}

/** Prints every budget of bench/budgets.ts the pages exceed (or fall below); true when any. */
function overBudgets(
	pages: PageSummary[],
	history: HistorySummary,
	errors: number,
	loadBefore: number
): boolean {
	const over: string[] = [];
	const judgeRatios = loadBefore <= budgets.judgeRatiosUpToLoadPerCore * availableParallelism();
	if (!judgeRatios) {
		console.log(
			`\nThe ratios are not judged: the machine was busy before the run (load ${round(loadBefore)} on ${availableParallelism()} cores).`
		);
	}
	for (const page of pages) {
		const budget = budgets.pages[page.page];
		if (!budget) {
			over.push(`${page.page}: no budget in bench/budgets.ts`);
			continue;
		}
		const view = page.perView;
		const most = (what: string, measured: number, allowed: number) => {
			if (measured > allowed) over.push(`${page.page}: ${what} ${measured}, budget ${allowed}`);
		};
		most('calls (auth + REST)', view.authCalls + view.restCalls, budget.calls);
		most('levels', view.levels, budget.levels);
		most('SQL statements', view.statements, budget.statements);
		most('SQL statements in functions', view.statementsInFunctions, budget.statementsInFunctions);
		most('write statements', view.writeStatements, budget.writeStatements);
		most('write transactions', view.writeTransactions, budget.writeTransactions);
		if (judgeRatios && page.ratio !== null && page.ratio < budget.minRatio) {
			over.push(`${page.page}: ratio ${page.ratio}, budget at least ${budget.minRatio}`);
		}
	}
	if (errors > budgets.errorsUnderLoad) {
		over.push(`${errors} requests failed under load, budget ${budgets.errorsUnderLoad}`);
	}
	for (const [name, slowdown] of [
		['home with 200k unseen posts', history.home.slowdown],
		['a feed page 150k deep', history.feed.slowdown]
	] as const) {
		if (slowdown > budgets.historySlowdown) {
			over.push(`${name}: ${slowdown}× slower, budget ${budgets.historySlowdown}×`);
		}
	}
	const short = pages.filter((page) => page.ratio !== null && page.ratio < budgets.ratioGoal);
	if (short.length > 0) {
		console.log(
			`\nRatio goal ${budgets.ratioGoal}× not reached yet by: ${short.map((page) => `${page.page} ${page.ratio}`).join(', ')}`
		);
	}
	if (over.length > 0) console.error(`\nOver budget (bench/budgets.ts):\n- ${over.join('\n- ')}`);
	else console.log('\nEvery page within its budgets (bench/budgets.ts).');
	return over.length > 0;
}
