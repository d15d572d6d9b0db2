// The app served by a spec itself, on an address of its own, so that the next build can replace it
// on the same address while the phone keeps its service worker (app-updates-on-tap,
// update-keeps-what-was-typed). The same platform as the other journeys.
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { secretKey } from '../../local-supabase/keys';
import { freePort } from '../../local-supabase/ports';
import { expect } from './fixtures';
import { e2ePlatform } from './platform-file';

export async function ownApp() {
	const port = await freePort();
	const origin = `http://127.0.0.1:${port}`;
	let app: ChildProcess | undefined;

	async function stop() {
		const running = app;
		app = undefined;
		if (!running || running.exitCode !== null) return;
		await new Promise<void>((resolve) => {
			running.once('exit', () => resolve());
			running.kill('SIGTERM');
		});
	}

	/** Serves `build` (a folder like build/) until `stop`. */
	async function start(build: string) {
		const { apiUrl, anonKey } = await e2ePlatform();
		app = spawn(process.execPath, [build], {
			stdio: ['ignore', 'ignore', 'inherit'],
			env: {
				...process.env,
				HOST: '127.0.0.1',
				PORT: String(port),
				ORIGIN: origin,
				PUBLIC_SUPABASE_URL: apiUrl,
				PUBLIC_SUPABASE_ANON_KEY: anonKey,
				SUPABASE_SECRET_KEY: secretKey
			}
		});
		await expect
			.poll(
				() =>
					fetch(`${origin}/healthz`).then(
						(response) => response.status,
						() => 0
					),
				{ timeout: 30_000 }
			)
			.toBe(200);
	}

	return { origin, start, stop };
}

/**
 * The next build, in a folder beside build/ (so that it finds the app's node_modules as build/
 * does): this one with a service worker that differs and says so when asked ('which-build'), as
 * any new build's does (its precache list names the new files). Removed by `forgetNextBuild`.
 */
export async function nextBuild(): Promise<string> {
	const next = await mkdtemp('build-next-');
	await cp('build', next, { recursive: true });
	const worker = path.join(next, 'client', 'service-worker.js');
	const marker = `\nself.addEventListener('message', (event) => { if (event.data === 'which-build') event.ports[0].postMessage('next'); });\n`;
	await writeFile(worker, (await readFile(worker, 'utf8')) + marker);
	// The compressed copies would still be the old worker.
	for (const name of await readdir(path.join(next, 'client'))) {
		if (/^service-worker\.js\.(gz|br)$/.test(name)) await rm(path.join(next, 'client', name));
	}
	return next;
}

export async function forgetNextBuild(next: string): Promise<void> {
	if (next) await rm(next, { recursive: true, force: true });
}
