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

test('the API roles have Supabase’s default table privileges, so RLS is what protects', async () => {
	const { rows } = await db().query<{ anon: boolean; authenticated: boolean }>(
		`select has_table_privilege('anon', 'public.profiles', 'select') as anon,
			has_table_privilege('authenticated', 'public.profiles', 'insert') as authenticated`
	);
	expect(rows[0]).toEqual({ anon: true, authenticated: true });
});
