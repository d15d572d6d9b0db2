// Supabase Auth (GoTrue) reads these auth.users columns into Go values that cannot hold NULL
// (internal/models/user.go: `string`, `bool`, `int`, `time.Time`, `uuid.UUID`). A row with a NULL
// in one of them fails every sign-in of that person with a 500 ("converting NULL to string is
// unsupported"), which is what users inserted by SQL (a seed) run into on a hosted project.
import { readFile } from 'node:fs/promises';
import { expect, test } from 'vitest';
import { client, db, signUp } from '../support/platform';

const readAsNotNull = [
	'instance_id',
	'aud',
	'role',
	'confirmation_token',
	'recovery_token',
	'email_change_token_current',
	'email_change_token_new',
	'email_change',
	'email_change_confirm_status',
	'phone_change',
	'phone_change_token',
	'reauthentication_token',
	'is_super_admin',
	'is_sso_user',
	'is_anonymous',
	'created_at',
	'updated_at'
];

async function nullsOf(ids: string[]): Promise<string[]> {
	const { rows } = await db().query<{ found: string }>(
		`select u.id || ': ' || c.column_name as found
		from auth.users u
		cross join unnest($2::text[]) as c(column_name)
		where u.id = any($1::uuid[]) and to_jsonb(u) -> c.column_name = 'null'::jsonb
		order by 1`,
		[ids, readAsNotNull]
	);
	return rows.map((row) => row.found);
}

test('every column GoTrue reads as a plain value still exists in auth.users', async () => {
	const { rows } = await db().query<{ column_name: string }>(
		`select column_name from information_schema.columns
		where table_schema = 'auth' and table_name = 'users'`
	);
	const columns = rows.map((row) => row.column_name);
	expect(readAsNotNull.filter((column) => !columns.includes(column))).toEqual([]);
});

test('the seed’s users hold no NULL where GoTrue reads a string, so their sign-in works on hosted', async () => {
	const seed = await readFile('supabase/seed.sql', 'utf8');
	const users = seed.slice(
		seed.indexOf('insert into auth.users'),
		seed.indexOf('insert into auth.identities')
	);
	const ids = [...users.matchAll(/\(\s*'[0-9a-f-]{36}',\s*'([0-9a-f-]{36})'/g)].map(
		(match) => match[1]
	);
	expect(ids.length).toBeGreaterThan(10);
	const { rows } = await db().query<{ count: number }>(
		'select count(*)::int as count from auth.users where id = any($1::uuid[])',
		[ids]
	);
	expect(rows[0].count).toBe(ids.length);
	expect(await nullsOf(ids)).toEqual([]);
});

test('people the local auth service creates hold no NULL where GoTrue reads a string', async () => {
	const person = await signUp('Gotrue');
	const { data, error } = await client().auth.signInAnonymously({
		options: { data: { nickname: 'Anon' } }
	});
	if (error || !data.user) throw error ?? new Error('anonymous sign-in gave no user');
	expect(await nullsOf([person.id, data.user.id])).toEqual([]);
});
