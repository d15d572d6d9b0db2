import { readFile } from 'node:fs/promises';
import { expect, test } from 'vitest';
import { generateTypes, typesFile } from '../../local-supabase/types';
import { platform } from '../support/platform';

test('the committed database types match what the migrations produce (run `npm run db:types`)', async () => {
	const committed = await readFile(typesFile, 'utf8');
	expect(committed).toBe(await generateTypes(platform().dbUrl));
});
