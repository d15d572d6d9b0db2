// "Deploys like hosted": a new database prepared as Supabase prepares a project (roles, auth,
// extensions: local-supabase/bootstrap), then the Supabase CLI itself pushes every migration and
// the seed as the non-superuser postgres, as `supabase db push` does to a hosted project. A
// smoke check then reads as a signed-in member (my groups, a feed) and as anon (nothing but the
// organisations, public on purpose).
// What this cannot reproduce of a hosted project is in README, "Hosted Supabase and deployment".
import { createHash, randomBytes } from 'node:crypto';
import { readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient } from '@supabase/supabase-js';
import pg from 'pg';
import { afterAll, beforeAll, expect, test } from 'vitest';
import ws from 'ws';
import { supabaseCli } from '../../local-supabase/migrations';
import type { Platform } from '../../local-supabase/platform';
import { freePort } from '../../local-supabase/ports';

const ghent = 'b187c24e-c692-5358-a6d3-adf9a325f2eb';
const dataDir = path.join(tmpdir(), `kring-deploy-${randomBytes(6).toString('hex')}`);
let platform: Platform;
let superuser: pg.Client;

beforeAll(async () => {
	// The CLI, never the fallback runner: a migration the CLI cannot apply must fail here.
	delete process.env.KRING_MIGRATIONS;
	const { startPlatform } = await import('../../local-supabase/platform');
	platform = await startPlatform({
		dataDir,
		apiPort: await freePort(),
		dbPort: await freePort(),
		reset: true
	});
	superuser = new pg.Client({ connectionString: platform.dbUrl });
	await superuser.connect();
}, 180_000);

afterAll(async () => {
	await superuser?.end();
	await platform?.stop();
	await rm(dataDir, { recursive: true, force: true });
});

function api(accessToken?: string) {
	return createClient(platform.apiUrl, platform.anonKey, {
		auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
		realtime: { transport: ws as never },
		global: accessToken ? { headers: { Authorization: `Bearer ${accessToken}` } } : undefined
	});
}

test('the Supabase CLI is installed for this platform (CI applies migrations with it)', () => {
	expect(supabaseCli()).toBeDefined();
});

test('the CLI pushed every migration and the seed, and recorded them as hosted projects hold them', async () => {
	const files = (await readdir('supabase/migrations'))
		.filter((file) => file.endsWith('.sql'))
		.sort();
	const { rows } = await superuser.query<{ file: string; statements: number }>(
		`select version || '_' || name || '.sql' as file, cardinality(statements) as statements
		from supabase_migrations.schema_migrations order by version`
	);
	expect(rows.map((row) => row.file)).toEqual(files);
	// The CLI keeps each statement apart; a runner that sent each file whole would keep one.
	expect(rows.filter((row) => row.statements > 1).length).toBeGreaterThan(files.length / 2);

	const seed = await readFile('supabase/seed.sql');
	const { rows: seeds } = await superuser.query(
		'select path, hash from supabase_migrations.seed_files'
	);
	expect(seeds).toEqual([
		{ path: 'supabase/seed.sql', hash: createHash('sha256').update(seed).digest('hex') }
	]);
	const { rows: owners } = await superuser.query<{ owner: string }>(
		`select distinct pg_get_userbyid(relowner) as owner from pg_class
		where relnamespace in ('public'::regnamespace, 'supabase_migrations'::regnamespace)`
	);
	expect(owners).toEqual([{ owner: 'postgres' }]);
});

test('a seeded member signs in and reads their groups and a feed', async () => {
	const { data: session, error } = await api().auth.signInWithPassword({
		email: 'moderator@kring.test',
		password: 'kring-demo'
	});
	if (error) throw error;
	const member = api(session.session.access_token);

	const groups = await member.rpc('my_groups');
	if (groups.error) throw groups.error;
	expect(groups.data.map((group: { name: string }) => group.name)).toContain('Praatgroep Gent');

	const feed = await member.rpc('group_feed', { target_group: ghent });
	if (feed.error) throw feed.error;
	expect(feed.data.length).toBeGreaterThan(0);
});

// Public on purpose: the organisation pages are for everyone ("anyone reads organisations").
const publicOnPurpose = ['organisations'];

test('anon reads nothing from any table or view in public but what is public on purpose', async () => {
	const { rows } = await superuser.query<{ relname: string }>(
		`select relname from pg_class
		where relnamespace = 'public'::regnamespace and relkind in ('r', 'v', 'm', 'p')
		order by relname`
	);
	expect(rows.length).toBeGreaterThan(10);
	const read: string[] = [];
	for (const { relname } of rows) {
		const { data, error } = await api().from(relname).select('*').limit(1);
		// Refused (no privilege) or empty (RLS) both read nothing; any other error is a failure.
		if (error && error.code !== '42501') throw new Error(`${relname}: ${error.message}`);
		if (data && data.length > 0) read.push(relname);
	}
	expect(read).toEqual(publicOnPurpose);
});
