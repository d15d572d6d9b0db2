// What the Postgres benchmarks share: a planted person's access token, a statement's execution
// time as that person (EXPLAIN ANALYZE, warm), and running one measure alone, on a platform of its
// own, adding its result to bench/results.json.
import { randomBytes } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { SignJWT } from 'jose';
import type pg from 'pg';
import { jwtSecret } from '../local-supabase/keys';
import { startPlatform, type Platform } from '../local-supabase/platform';
import { freePort } from '../local-supabase/ports';

/** An access token for a planted person, signed as the auth service signs the legacy ones. */
export function accessToken(userId: string, minutes = 10): Promise<string> {
	return new SignJWT({ sub: userId, role: 'authenticated', aud: 'authenticated' })
		.setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
		.setExpirationTime(`${minutes}m`)
		.sign(new TextEncoder().encode(jwtSecret));
}

/**
 * Work done in Postgres as the person with that user id (null: anon), as PostgREST would run it,
 * in a transaction that is rolled back.
 */
export async function asPerson<T>(
	db: pg.Client,
	as: string | null,
	work: () => Promise<T>
): Promise<T> {
	await db.query('begin');
	try {
		if (as === null) {
			await db.query('set local role anon');
		} else {
			await db.query(`select set_config('request.jwt.claims', $1, true)`, [
				JSON.stringify({ sub: as, role: 'authenticated' })
			]);
			await db.query('set local role authenticated');
		}
		return await work();
	} finally {
		await db.query('rollback');
	}
}

/**
 * Execution times of a statement in Postgres, fastest first, run `runs` times as the person with
 * that user id (null: anon), warm; and the last run's plan.
 */
export function executionTimes(
	db: pg.Client,
	statement: string,
	params: unknown[],
	{ as, runs = 9, buffers = false }: { as: string | null; runs?: number; buffers?: boolean }
): Promise<{ times: number[]; plan: string }> {
	return asPerson(db, as, async () => {
		const times: number[] = [];
		let plan = '';
		for (let run = 0; run < runs; run++) {
			const result = await db.query<{ 'QUERY PLAN': string }>(
				`explain (analyze${buffers ? ', buffers' : ''}) ${statement}`,
				params
			);
			plan = result.rows.map((row) => row['QUERY PLAN']).join('\n');
			times.push(Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1]));
		}
		return { times: times.sort((a, b) => a - b), plan };
	});
}

/** The middle value of times sorted fastest first. */
export const median = (sorted: number[]) => sorted[sorted.length >> 1];

/** Whether this module is the script `tsx` was asked to run (not imported by bench/run.ts). */
export const runAlone = (moduleUrl: string) =>
	Boolean(process.argv[1]) && moduleUrl === pathToFileURL(path.resolve(process.argv[1])).href;

/** A measure on a platform of its own, in a temporary folder, with no demo data. */
export async function onItsOwnPlatform<T>(
	name: string,
	measure: (platform: Platform) => Promise<T>
): Promise<T> {
	const dataDir = path.join(tmpdir(), `kring-bench-${name}-${randomBytes(6).toString('hex')}`);
	const platform = await startPlatform({
		dataDir,
		apiPort: await freePort(),
		dbPort: await freePort(),
		seed: false
	});
	try {
		return await measure(platform);
	} finally {
		await platform.stop();
		await rm(dataDir, { recursive: true, force: true });
	}
}

/**
 * Adds one measure's result to bench/results.json under `key` (bench/run.ts writes the file
 * first); over budget, says so and exits 1.
 */
export async function addToResults(
	key: string,
	result: { overBudget: boolean },
	overBudgetWords: string
): Promise<void> {
	const file = 'bench/results.json';
	const results = JSON.parse(await readFile(file, 'utf8').catch(() => '{}'));
	results[key] = result;
	await writeFile(file, JSON.stringify(results, null, '\t') + '\n');
	if (result.overBudget) {
		console.error(overBudgetWords);
		process.exit(1);
	}
}
