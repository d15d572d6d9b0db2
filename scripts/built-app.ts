// The production build of the app on a private local platform (new database in a temporary
// folder, free ports): what the end-to-end tests and the benchmark run against.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startPlatform, type Platform } from '../local-supabase/platform';
import { freePort } from '../local-supabase/ports';

export interface BuiltApp {
	url: string;
	platform: Platform;
	stop(): Promise<void>;
}

export async function startBuiltApp(options: { port?: number } = {}): Promise<BuiltApp> {
	if (!existsSync('build/index.js')) throw new Error('No build found: run `npm run build` first.');
	const port = options.port ?? (await freePort());
	const url = `http://127.0.0.1:${port}`;
	const dataDir = path.join(tmpdir(), `kring-app-${randomBytes(6).toString('hex')}`);
	const platform = await startPlatform({
		dataDir,
		apiPort: await freePort(),
		dbPort: await freePort(),
		siteUrl: url,
		// Every sign-in comes from this one app server's address.
		rateLimit: { signInPerIpPer5Min: 100_000, signInPerEmailPer5Min: 1_000 }
	});

	const app = spawn(process.execPath, ['build'], {
		stdio: ['ignore', 'inherit', 'inherit'],
		env: {
			...process.env,
			HOST: '127.0.0.1',
			PORT: String(port),
			ORIGIN: url,
			PUBLIC_SUPABASE_URL: platform.apiUrl,
			PUBLIC_SUPABASE_ANON_KEY: platform.anonKey
		}
	});
	const killApp = () => app.kill('SIGTERM');
	process.on('exit', killApp);

	let stopped = false;
	const stop = async () => {
		if (stopped) return;
		stopped = true;
		process.off('exit', killApp);
		if (app.exitCode === null) {
			await new Promise<void>((resolve) => {
				app.once('exit', () => resolve());
				app.kill('SIGTERM');
			});
		}
		await platform.stop();
		await rm(dataDir, { recursive: true, force: true });
	};

	await waitForHttp(url, app);
	return { url, platform, stop };
}

async function waitForHttp(url: string, app: ReturnType<typeof spawn>): Promise<void> {
	const deadline = Date.now() + 30_000;
	while (Date.now() < deadline) {
		if (app.exitCode !== null) throw new Error(`The app exited with code ${app.exitCode}`);
		try {
			await fetch(url);
			return;
		} catch {
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
	}
	throw new Error(`The app did not answer at ${url} within 30 s`);
}
