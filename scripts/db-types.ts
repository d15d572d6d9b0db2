// `npm run db:types`: writes src/lib/database.types.ts from a new database built from the migrations
// alone, so the result depends on nothing but supabase/migrations.
import { randomBytes } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startDatabase } from '../local-supabase/database';
import { freePort } from '../local-supabase/ports';
import { generateTypes, typesFile } from '../local-supabase/types';

const dataDir = path.join(tmpdir(), `kring-types-${randomBytes(6).toString('hex')}`);
const database = await startDatabase({ dataDir, port: await freePort(), seed: false });
try {
	await writeFile(typesFile, await generateTypes(database.url));
	console.log(`Wrote ${typesFile}`);
} finally {
	await database.stop();
	await rm(dataDir, { recursive: true, force: true });
}
