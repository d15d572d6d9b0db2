// Hosted Supabase refuses an UPDATE or DELETE without a WHERE through its API (pg-safeupdate,
// loaded for authenticator), also inside the functions PostgREST calls; the local Postgres has
// no safeupdate. So every function the migrations leave is read for such a statement.
import { expect, test } from 'vitest';
import { writeStatements } from '../../local-supabase/safeupdate';
import { db } from '../support/platform';

test('no function updates or deletes without a WHERE (safeupdate refuses it on hosted Supabase)', async () => {
	const { rows } = await db().query<{ name: string; body: string }>(
		`select p.oid::regprocedure::text as name, p.prosrc as body
		from pg_proc p join pg_language l on l.oid = p.prolang
		where p.pronamespace in ('public'::regnamespace, 'private'::regnamespace)
			and l.lanname in ('sql', 'plpgsql')
		order by 1`
	);
	expect(rows.length).toBeGreaterThan(50);
	const writes = rows.flatMap(({ name, body }) =>
		writeStatements(body).map((write) => ({ ...write, statement: `${name}: ${write.statement}` }))
	);
	// The functions do write: a reader that found none would prove nothing.
	expect(writes.length).toBeGreaterThan(20);
	const found = writes.filter((write) => !write.hasWhere).map((write) => write.statement);
	expect(found).toEqual([]);
});
