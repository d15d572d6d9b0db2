// `npm run db:schema`: writes supabase/schema.sql from a new database built from the migrations
// alone, so the result depends on nothing but supabase/migrations.
import { randomBytes } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startDatabase } from '../local-supabase/database';
import { freePort } from '../local-supabase/ports';
import { generateSchema, schemaFile } from '../local-supabase/schema-dump';

const dataDir = path.join(tmpdir(), `kring-schema-${randomBytes(6).toString('hex')}`);
const database = await startDatabase({ dataDir, port: await freePort(), seed: false });
try {
	await writeFile(schemaFile, await generateSchema(database.url));
	console.log(`Wrote ${schemaFile}`);
} finally {
	await database.stop();
	await rm(dataDir, { recursive: true, force: true });
}
