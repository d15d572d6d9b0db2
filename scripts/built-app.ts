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

export interface BuiltAppOptions {
	port?: number;
	/**
	 * Auth's limits per client address as supabase/config.toml sets them. Otherwise they are lifted:
	 * the journeys and the benchmark sign in far more often, from one address, than people do.
	 */
	configuredAuthLimits?: boolean;
	/** More environment for the app, e.g. adapter-node's ADDRESS_HEADER and XFF_DEPTH. */
	env?: Record<string, string>;
	/** Also hands what the app writes to stdout (its log) to the caller. */
	onOutput?: (text: string) => void;
}

export async function startBuiltApp(options: BuiltAppOptions = {}): Promise<BuiltApp> {
	if (!existsSync('build/index.js')) throw new Error('No build found: run `npm run build` first.');
	const port = options.port ?? (await freePort());
	const url = `http://127.0.0.1:${port}`;
	const dataDir = path.join(tmpdir(), `kring-app-${randomBytes(6).toString('hex')}`);
	const platform = await startPlatform({
		dataDir,
		apiPort: await freePort(),
		dbPort: await freePort(),
		siteUrl: url,
		rateLimit: options.configuredAuthLimits
			? undefined
			: { sign_in_sign_ups: 100_000, anonymous_users: 100_000, token_refresh: 100_000 }
	});

	const app = spawn(process.execPath, ['build'], {
		stdio: ['ignore', options.onOutput ? 'pipe' : 'inherit', 'inherit'],
		env: {
			...process.env,
			HOST: '127.0.0.1',
			PORT: String(port),
			ORIGIN: url,
			PUBLIC_SUPABASE_URL: platform.apiUrl,
			PUBLIC_SUPABASE_ANON_KEY: platform.anonKey,
			SUPABASE_SECRET_KEY: platform.secretKey,
			...options.env
		}
	});
	app.stdout?.on('data', (chunk: Buffer) => {
		process.stdout.write(chunk);
		options.onOutput?.(chunk.toString('utf8'));
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
