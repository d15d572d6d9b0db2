// The local platform behaves like Supabase where the app and tools can tell: gateway, migrations, roles.
import { readdir } from 'node:fs/promises';
import { expect, test } from 'vitest';
import { db, platform } from '../support/platform';

test('the gateway refuses a request without an apikey, in Supabase’s words', async () => {
	const response = await fetch(`${platform().apiUrl}/rest/v1/profiles`);
	expect(response.status).toBe(401);
	expect(await response.json()).toMatchObject({ message: 'No API key found in request' });
});

test('the gateway refuses an unknown apikey', async () => {
	const response = await fetch(`${platform().apiUrl}/rest/v1/profiles`, {
		headers: { apikey: 'nope' }
	});
	expect(response.status).toBe(401);
	expect(await response.json()).toMatchObject({ message: 'Invalid API key' });
});

test('the gateway answers unknown routes with a JSON 404', async () => {
	const response = await fetch(`${platform().apiUrl}/storage/v1/bucket`, {
		headers: { apikey: platform().anonKey }
	});
	expect(response.status).toBe(404);
	expect(await response.json()).toMatchObject({ message: 'no Route matched with those values' });
});

test('every migration is applied and recorded as the Supabase CLI records it', async () => {
	const files = (await readdir('supabase/migrations'))
		.filter((file) => file.endsWith('.sql'))
		.sort();
	const { rows } = await db().query<{ version: string; name: string }>(
		'select version, name from supabase_migrations.schema_migrations order by version'
	);
	expect(rows.map((row) => `${row.version}_${row.name}.sql`)).toEqual(files);
});

test('every table in public has row level security enabled', async () => {
	const { rows } = await db().query<{ relname: string }>(
		`select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
		where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relrowsecurity`
	);
	expect(rows).toEqual([]);
});

test('new tables give the API roles Supabase’s default privileges, so RLS is what protects', async () => {
	// Supabase's project setup grants select, insert, update and delete on every new table in
	// public; migrations take away what a table does not need (and truncate and the like from
	// all of them).
	const { rows } = await db().query<{ grantee: string; privilege_type: string }>(
		`select a.grantee::regrole::text as grantee, a.privilege_type
		from pg_default_acl d, aclexplode(d.defaclacl) a
		where d.defaclrole = 'postgres'::regrole and d.defaclnamespace = 'public'::regnamespace
			and d.defaclobjtype = 'r' and a.grantee in ('anon'::regrole, 'authenticated'::regrole)
		order by 1, 2`
	);
	const privileges = ['DELETE', 'INSERT', 'SELECT', 'UPDATE'];
	expect(rows).toEqual(
		['anon', 'authenticated'].flatMap((grantee) =>
			privileges.map((privilege_type) => ({ grantee, privilege_type }))
		)
	);
});
