// supabase/migrations (and, on a new database, supabase/seed.sql) applied as on a hosted project:
// by the Supabase CLI itself, `supabase db push --include-all`, connected as the non-superuser
// postgres. So the migration history is what hosted projects hold, and a migration the CLI
// cannot apply fails here first. Where the CLI's binary is not installed (a platform
// @supabase/cli-* has no package for), the runner below applies them the same way, as postgres.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const migrationsDir = path.join(root, 'supabase', 'migrations');
const seedFile = path.join(root, 'supabase', 'seed.sql');
const require = createRequire(import.meta.url);

/** The Supabase CLI's binary, from the npm package `supabase` installs for this platform. */
export function supabaseCli(): string | undefined {
	const arch = process.arch === 'x64' ? 'x64' : process.arch;
	for (const suffix of [`${process.platform}-${arch}`, `${process.platform}-${arch}-musl`]) {
		try {
			const pkg = path.dirname(require.resolve(`@supabase/cli-${suffix}/package.json`));
			const binary = path.join(
				pkg,
				'bin',
				process.platform === 'win32' ? 'supabase.exe' : 'supabase'
			);
			if (existsSync(binary)) return binary;
		} catch {
			// not installed for this platform
		}
	}
	return undefined;
}

export interface PushOptions {
	/** For reading what is applied (supabase_migrations may not exist yet). */
	superuserUrl: string;
	/** What the migrations and the seed run as. */
	postgresUrl: string;
	/** Apply supabase/seed.sql too, as `db push --include-seed` does. */
	seed: boolean;
	log?: (line: string) => void;
}

/** Applies every migration not yet recorded (and the seed when asked); returns the files applied. */
export async function pushMigrations(options: PushOptions): Promise<string[]> {
	const log = options.log ?? (() => {});
	const pending = await pendingMigrations(options.superuserUrl);
	if (pending.length === 0 && !options.seed) return [];
	const cli = supabaseCli();
	const started = Date.now();
	if (cli && process.env.KRING_MIGRATIONS !== 'runner') {
		await cliPush(cli, options.postgresUrl, options.seed);
		log(`supabase db push: ${pending.length} migrations in ${Date.now() - started} ms`);
	} else {
		if (!cli)
			log('the Supabase CLI is not installed for this platform: applying migrations without it');
		await runnerPush(options.postgresUrl, pending, options.seed);
		log(`migrations runner: ${pending.length} migrations in ${Date.now() - started} ms`);
	}
	for (const file of pending) log(`applied ${file}`);
	if (options.seed) log('seed applied');
	if (pending.length > 0) await notifyPostgrest(options.superuserUrl);
	return pending;
}

async function migrationFiles(): Promise<string[]> {
	if (!existsSync(migrationsDir)) return [];
	return (await readdir(migrationsDir)).filter((file) => file.endsWith('.sql')).sort();
}

async function pendingMigrations(superuserUrl: string): Promise<string[]> {
	const rows = await query<{ version: string }>(
		superuserUrl,
		`select version from supabase_migrations.schema_migrations
		where to_regclass('supabase_migrations.schema_migrations') is not null`
	).catch((error: { code?: string }) => {
		// 3F000/42P01: no history yet (a new database).
		if (error.code === '3F000' || error.code === '42P01') return [];
		throw error;
	});
	const done = new Set(rows.map((row) => row.version));
	return (await migrationFiles()).filter((file) => !done.has(file.split('_')[0]));
}

function cliPush(cli: string, postgresUrl: string, seed: boolean): Promise<void> {
	// The CLI insists on TLS unless told; the local Postgres has none.
	const url = `${postgresUrl}${postgresUrl.includes('?') ? '&' : '?'}sslmode=disable`;
	const args = ['db', 'push', '--db-url', url, '--include-all', '--yes'];
	if (seed) args.push('--include-seed');
	return new Promise((resolve, reject) => {
		execFile(
			cli,
			args,
			{
				cwd: root,
				// No asking GitHub for a newer release nor sending telemetry: CI reaches only the npm
				// registry, and a push should not wait on either.
				env: {
					...process.env,
					SUPABASE_NO_UPDATE_NOTIFIER: '1',
					SUPABASE_TELEMETRY_DISABLED: '1',
					DO_NOT_TRACK: '1'
				},
				maxBuffer: 16 * 1024 * 1024
			},
			(error, stdout, stderr) => {
				if (!error) return resolve();
				reject(
					new Error(
						`supabase db push failed:\n${stderr.trim() || stdout.trim() || error.message}`,
						{
							cause: error
						}
					)
				);
			}
		);
	});
}

/** What the CLI does, without it: each migration in one transaction, recorded as the CLI records it. */
async function runnerPush(postgresUrl: string, pending: string[], seed: boolean): Promise<void> {
	const client = new pg.Client({ connectionString: postgresUrl });
	client.on('error', () => {});
	await client.connect();
	try {
		// The CLI's history tables, as `supabase db push` makes them.
		await client.query(`create schema if not exists supabase_migrations;
			create table if not exists supabase_migrations.schema_migrations (
				version text not null primary key, statements text[], name text);
			create table if not exists supabase_migrations.seed_files (
				path text not null primary key, hash text not null)`);
		for (const file of pending) {
			const [version, ...rest] = file.replace(/\.sql$/, '').split('_');
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
		}
		if (seed && existsSync(seedFile)) {
			const sql = await readFile(seedFile, 'utf8');
			await client.query('begin');
			await client.query(sql);
			await client.query(
				'insert into supabase_migrations.seed_files (path, hash) values ($1, $2)',
				['supabase/seed.sql', createHash('sha256').update(sql).digest('hex')]
			);
			await client.query('commit');
		}
	} finally {
		await client.end();
	}
}

async function notifyPostgrest(superuserUrl: string): Promise<void> {
	// PostgREST caches the schema; tell it when it changed under a running server.
	await query(superuserUrl, "notify pgrst, 'reload schema'");
}

async function query<Row extends pg.QueryResultRow>(url: string, sql: string): Promise<Row[]> {
	const client = new pg.Client({ connectionString: url });
	client.on('error', () => {});
	await client.connect();
	try {
		return (await client.query<Row>(sql)).rows;
	} finally {
		await client.end();
	}
}
