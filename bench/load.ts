// Requests per second and latency under load, with autocannon: 10 connections for a few seconds
// per target, fired from a child process (bench/cannon.ts).
import { fork, type ChildProcess } from 'node:child_process';
import type { Options, Result } from 'autocannon';

export interface Target {
	url: string;
	method?: 'GET' | 'POST';
	headers: Record<string, string>;
	body?: string;
}

export interface Load {
	requestsPerSecond: number;
	p50Ms: number;
	p99Ms: number;
	/** Failed connections, timeouts and answers other than 2xx (a redirect to sign-in counts). */
	errors: number;
}

export const connections = 10;
/** BENCH_SECONDS=5 npm run bench for steadier numbers, at the price of a longer run. */
export const secondsPerTarget = Number(process.env.BENCH_SECONDS ?? 2);

/** A slow target gets a longer look: at least this many answers, however long they take. */
const minimumAnswers = 20;

export async function load(target: Target): Promise<Load> {
	let result = await fire(target, { duration: secondsPerTarget });
	if (result.requests.total < minimumAnswers) {
		result = await fire(target, { amount: minimumAnswers });
	}
	return {
		requestsPerSecond: round(result.requests.total / result.duration),
		p50Ms: result.latency.p50,
		p99Ms: result.latency.p99,
		errors: result.errors + result.timeouts + result.non2xx
	};
}

let cannon: ChildProcess | undefined;

function fire(target: Target, length: { duration: number } | { amount: number }): Promise<Result> {
	cannon ??= fork(new URL('./cannon.ts', import.meta.url), [], { execArgv: ['--import', 'tsx'] });
	const options: Options = {
		url: target.url,
		method: target.method ?? 'GET',
		headers: target.headers,
		body: target.body,
		connections,
		...length
	};
	const child = cannon;
	return new Promise((resolve, reject) => {
		const exited = (code: number | null) => reject(new Error(`autocannon exited (${code})`));
		child.once('exit', exited);
		child.once('message', (answer: { result?: Result; error?: string }) => {
			child.off('exit', exited);
			if (answer.result) resolve(answer.result);
			else reject(new Error(answer.error));
		});
		child.send(options);
	});
}

/** Ends the child process that makes the load. */
export function stopLoading(): void {
	cannon?.kill();
	cannon = undefined;
}

/** A short burst first, so the first round does not pay for cold caches and unoptimised code. */
export async function warmUp(target: Target): Promise<void> {
	await fire(target, { duration: 1 });
}

export function round(value: number): number {
	return Math.round(value * 10) / 10;
}
