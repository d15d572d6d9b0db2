// The local stand-in for the Supabase platform: Postgres, PostgREST and auth behind one
// gateway, like `supabase start` without Docker. Used by `npm run stack`, `npm run dev` and tests.
import pg from 'pg';
import { createAuthService } from './auth/index';
import { configPath, supabaseConfig, type AuthRateLimits } from './config';
import { authAdmin, databaseUrl, startDatabase } from './database';
import { startGateway, type Gateway } from './gateway';
import { apiKeys, jwtSecret, postgrestJwks, secretKey, signingKeys, type SigningKey } from './keys';
import { freePort } from './ports';
import { startPostgrest } from './postgrest';

export interface PlatformOptions {
	dataDir: string;
	apiPort: number;
	dbPort: number;
	/** Where the app runs; auth uses it as its site URL (supabase/config.toml's otherwise). */
	siteUrl?: string;
	/** Start from an empty database: bootstrap, migrations and seed. */
	reset?: boolean;
	seed?: boolean;
	/** Replaces some of supabase/config.toml's auth limits per client address. */
	rateLimit?: Partial<AuthRateLimits>;
	log?: (line: string) => void;
}

export interface Platform {
	apiUrl: string;
	/** The superuser supabase_admin: for the platform's own setup and test fixtures. */
	dbUrl: string;
	/** postgres, as on a hosted project (not a superuser): what people and their tools use. */
	postgresUrl: string;
	anonKey: string;
	serviceRoleKey: string;
	/** For the app's server: auth calls that pass a person's address on. */
	secretKey: string;
	jwtSecret: string;
	/** The private key access tokens are signed with (for tests that make tokens of their own). */
	signingKey: SigningKey;
	/** Every request through the API gateway, as it is answered (the benchmark counts them). */
	observeGateway: Gateway['observe'];
	stop(): Promise<void>;
}

export async function startPlatform(options: PlatformOptions): Promise<Platform> {
	const log = options.log ?? (() => {});
	const apiUrl = `http://127.0.0.1:${options.apiPort}`;
	const keys = { ...(await apiKeys()), secretKey };
	const signing = await signingKeys(configPath(supabaseConfig().auth.signing_keys_path));
	const stops: Array<() => Promise<void>> = [];
	const stop = async () => {
		for (const step of stops.reverse()) await step().catch(() => {});
	};

	try {
		const database = await startDatabase({
			dataDir: options.dataDir,
			port: options.dbPort,
			reset: options.reset,
			seed: options.seed,
			log
		});
		stops.push(database.stop);

		const postgrest = await startPostgrest({
			dbPort: options.dbPort,
			port: await freePort(),
			adminPort: await freePort(),
			jwks: postgrestJwks(signing, jwtSecret),
			log
		});
		stops.push(postgrest.stop);

		// As Supabase Auth on a hosted project: the owner of the auth tables, not a superuser, so a
		// trigger on auth.users that needs more fails here as it would there.
		const pool = new pg.Pool({
			connectionString: databaseUrl(options.dbPort, authAdmin),
			max: 10
		});
		// An idle connection that Postgres ends (a test stopping the database, a restart) is said,
		// not thrown: unhandled, it failed whatever test was running in the same process then.
		pool.on('error', (error) => log(`auth pool: ${error.message}`));
		stops.push(() => pool.end());
		const auth = createAuthService({
			pool,
			signingKeys: signing,
			jwtSecret,
			apiUrl,
			siteUrl: options.siteUrl ?? supabaseConfig().auth.site_url,
			rateLimit: options.rateLimit,
			secretKeys: [secretKey]
		});
		stops.push(auth.close);

		const gateway = await startGateway({
			port: options.apiPort,
			apiKeys: [keys.anonKey, keys.serviceRoleKey],
			secretKeys: new Map([[secretKey, keys.serviceRoleKey]]),
			postgrestUrl: postgrest.url,
			auth: auth.handle
		});
		stops.push(gateway.stop);

		return {
			apiUrl,
			dbUrl: database.url,
			postgresUrl: database.postgresUrl,
			...keys,
			jwtSecret,
			signingKey: signing[0],
			observeGateway: gateway.observe,
			stop
		};
	} catch (error) {
		await stop();
		throw error;
	}
}

/** The lines `supabase status` prints, so people and scripts can find the platform. */
export function statusLines(platform: Platform): string[] {
	return [
		`API URL: ${platform.apiUrl}`,
		`DB URL: ${platform.postgresUrl}`,
		`Superuser DB URL: ${platform.dbUrl}`,
		`anon key: ${platform.anonKey}`,
		`service_role key: ${platform.serviceRoleKey}`,
		`secret key: ${platform.secretKey}`
	];
}
