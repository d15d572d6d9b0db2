// TypeScript types of the public schema, made by @supabase/postgres-meta exactly as
// `supabase gen types typescript` makes them, without Docker.
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';

const require = createRequire(import.meta.url);
const run = promisify(execFile);

export const typesFile = 'src/lib/database.types.ts';

export async function generateTypes(databaseUrl: string): Promise<string> {
	const metaDir = path.dirname(require.resolve('@supabase/postgres-meta/package.json'));
	const { stdout } = await run(process.execPath, [path.join(metaDir, 'dist/server/server.js')], {
		env: {
			PATH: process.env.PATH,
			PG_META_DB_URL: databaseUrl,
			PG_META_GENERATE_TYPES: 'typescript',
			PG_META_GENERATE_TYPES_INCLUDED_SCHEMAS: 'public',
			PG_META_GENERATE_TYPES_DETECT_ONE_TO_ONE_RELATIONSHIPS: 'true',
			PG_META_POSTGREST_VERSION: '12'
		},
		maxBuffer: 16 * 1024 * 1024
	});
	return stdout;
}
