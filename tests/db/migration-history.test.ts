// Landed migrations never change again (see local-supabase/migration-checksums.ts): a
// deployed database has run them, and `supabase db push` would silently skip an edit.
import { expect, test } from 'vitest';
import { listedMigrations, migrationFiles, sha256 } from '../../local-supabase/migration-checksums';

test('no listed migration has changed or disappeared (change a function with a new migration)', async () => {
	const listed = await listedMigrations();
	const files = await migrationFiles();
	expect(listed.length).toBeGreaterThan(0);
	const now = await Promise.all(
		listed.map(async ({ file }) => ({
			file,
			sha256: files.includes(file) ? await sha256(file) : 'gone'
		}))
	);
	expect(now).toEqual(listed);
});

test('every migration is listed in supabase/migrations.sha256 (run `npm run db:checksums`)', async () => {
	const listed = new Set((await listedMigrations()).map(({ file }) => file));
	expect((await migrationFiles()).filter((file) => !listed.has(file))).toEqual([]);
});
