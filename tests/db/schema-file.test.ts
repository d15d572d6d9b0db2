import { readFile } from 'node:fs/promises';
import { expect, test } from 'vitest';
import { generateSchema, schemaFile } from '../../local-supabase/schema-dump';
import { platform } from '../support/platform';

test('supabase/schema.sql is the schema the migrations produce (run `npm run db:schema`)', async () => {
	const committed = await readFile(schemaFile, 'utf8');
	expect(committed).toBe(await generateSchema(platform().dbUrl));
});
