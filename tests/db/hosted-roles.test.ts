// The local database has the roles and schema owners a hosted Supabase project has (Supabase's
// init scripts and role migrations, github.com/supabase/postgres migrations/db; docs: "Postgres
// Roles"), so what needs a superuser, or a helper in auth, fails here before it fails there.
import pg from 'pg';
import { expect, test } from 'vitest';
import { db, platform } from '../support/platform';

test('the roles have the attributes Supabase gives them', async () => {
	const { rows } = await db().query(
		`select rolname, rolsuper as super, rolinherit as inherit, rolcreaterole as createrole,
			rolcreatedb as createdb, rolreplication as replication, rolbypassrls as bypassrls,
			rolcanlogin as login
		from pg_roles
		where rolname in ('supabase_admin', 'postgres', 'anon', 'authenticated', 'service_role',
			'authenticator', 'supabase_auth_admin')
		order by rolname`
	);
	const role = (
		super_: boolean,
		inherit: boolean,
		create: boolean,
		bypassrls: boolean,
		login: boolean
	) => ({
		super: super_,
		inherit,
		createrole: create,
		createdb: create,
		replication: create,
		bypassrls,
		login
	});
	expect(rows).toEqual([
		{ rolname: 'anon', ...role(false, true, false, false, false) },
		{ rolname: 'authenticated', ...role(false, true, false, false, false) },
		{ rolname: 'authenticator', ...role(false, false, false, false, true) },
		{ rolname: 'postgres', ...role(false, true, true, true, true) },
		{ rolname: 'service_role', ...role(false, true, false, true, false) },
		{ rolname: 'supabase_admin', ...role(true, true, true, true, true) },
		{ rolname: 'supabase_auth_admin', ...role(false, false, false, false, true) }
	]);
});

test('a slow query or a long lock wait through the API is cut off after 8 s, as on Supabase', async () => {
	const { rows } = await db().query<{ rolname: string; rolconfig: string[] }>(
		`select rolname, rolconfig from pg_roles
		where rolname in ('authenticator', 'anon', 'authenticated') order by rolname`
	);
	expect(rows).toEqual([
		{ rolname: 'anon', rolconfig: ['statement_timeout=3s'] },
		{ rolname: 'authenticated', rolconfig: ['statement_timeout=8s'] },
		{ rolname: 'authenticator', rolconfig: ['statement_timeout=8s', 'lock_timeout=8s'] }
	]);
});

test('postgres creates nothing in auth: the schema is supabase_admin’s, its tables supabase_auth_admin’s', async () => {
	const { rows } = await db().query(
		`select pg_get_userbyid(nspowner) as owner,
			has_schema_privilege('postgres', oid, 'CREATE') as postgres_creates,
			has_schema_privilege('postgres', oid, 'USAGE') as postgres_uses,
			pg_has_role('postgres', 'supabase_auth_admin', 'MEMBER') as postgres_is_auth_admin
		from pg_namespace where nspname = 'auth'`
	);
	expect(rows).toEqual([
		{
			owner: 'supabase_admin',
			postgres_creates: false,
			postgres_uses: true,
			postgres_is_auth_admin: false
		}
	]);
	const { rows: owners } = await db().query<{ owner: string }>(
		`select distinct pg_get_userbyid(c.relowner) as owner from pg_class c
		where c.relnamespace = 'auth'::regnamespace and c.relkind in ('r', 'S', 'i')`
	);
	expect(owners).toEqual([{ owner: 'supabase_auth_admin' }]);
});

test('the migrations and the seed ran as postgres, not as a superuser', async () => {
	const { rows } = await db().query<{ owner: string }>(
		`select distinct pg_get_userbyid(c.relowner) as owner from pg_class c
		where c.relnamespace in ('public'::regnamespace, 'private'::regnamespace, 'supabase_migrations'::regnamespace)
		union
		select distinct pg_get_userbyid(p.proowner) from pg_proc p
		where p.pronamespace in ('public'::regnamespace, 'private'::regnamespace)`
	);
	expect(rows).toEqual([{ owner: 'postgres' }]);
});

test('as postgres, a helper in auth or a superuser-only step is refused, as on hosted Supabase', async () => {
	const postgres = new pg.Client({ connectionString: platform().postgresUrl });
	await postgres.connect();
	const attempt = async (sql: string) => {
		await postgres.query('begin');
		try {
			await postgres.query(sql);
			return 'done';
		} catch (error) {
			return (error as { code?: string }).code;
		} finally {
			await postgres.query('rollback');
		}
	};
	try {
		expect(
			await attempt(
				'create function auth.is_admin() returns boolean language sql as $$ select true $$'
			)
		).toBe('42501');
		expect(await attempt('create extension pg_stat_statements')).toBe('42501');
		expect(
			await attempt(
				'create event trigger parity_probe on ddl_command_end execute function pg_catalog.now()'
			)
		).toBe('42501');
		// What migrations do need works: a table in public with a foreign key to auth.users.
		expect(
			await attempt('create table public.parity_probe (id uuid references auth.users (id))')
		).toBe('done');
	} finally {
		await postgres.end();
	}
});
