// `npm run bench`: what a member pays for and waits for, measured, printed and kept in
// bench/results.json. Fails when a budget is exceeded. A script, not a test.
import { spawn } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import { startBuiltApp } from '../scripts/built-app';
import { measureFeed } from './feed';
import { measureServer } from './server';
import { measurePublicOrganisation } from './public-organisation';
import { measureJavaScript } from './route-javascript';
import { defaultPorts, portInUse } from '../local-supabase/ports';

const results: Record<string, unknown> = { measuredAt: new Date().toISOString() };
let overBudget = false;

await run('npx', ['vite', 'build', '--logLevel', 'warn']);
const javascript = await measureJavaScript();
results.javascript = javascript.rows;
results.repeatVisit = javascript.repeatVisit;
if (javascript.overBudget) overBudget = true;
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
