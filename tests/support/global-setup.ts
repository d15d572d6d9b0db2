// Starts a private local platform for the database, contract and auth tests: a new database in a
// temporary folder, on free ports, so a running `npm run dev` is never touched.
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startPlatform } from '../../local-supabase/platform';
import { freePort } from '../../local-supabase/ports';

export interface PlatformInfo {
	apiUrl: string;
	dbUrl: string;
	anonKey: string;
	serviceRoleKey: string;
	jwtSecret: string;
}

declare module 'vitest' {
	export interface ProvidedContext {
		platform: PlatformInfo;
	}
}

export default async function setup(project: TestProject) {
	const dataDir = path.join(tmpdir(), `kring-test-${randomBytes(6).toString('hex')}`);
	const platform = await startPlatform({
		dataDir,
		apiPort: await freePort(),
		dbPort: await freePort(),
		// Tests sign in far more often than people do; the rate-limit test lowers them itself.
		rateLimit: { signInPerIpPer5Min: 100_000, signInPerEmailPer5Min: 1_000 }
	});
	const { apiUrl, dbUrl, anonKey, serviceRoleKey, jwtSecret } = platform;
	project.provide('platform', { apiUrl, dbUrl, anonKey, serviceRoleKey, jwtSecret });
	return async () => {
		await platform.stop();
		await rm(dataDir, { recursive: true, force: true });
	};
}
