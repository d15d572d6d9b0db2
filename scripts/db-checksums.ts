// `npm run db:checksums`: adds every migration not yet in supabase/migrations.sha256 to its end.
// Lines already there are never rewritten: a listed migration that changed is refused here as
// it is in the test, and the change belongs in a new migration.
import { appendFile } from 'node:fs/promises';
import {
	checksumFile,
	checksumLine,
	listedMigrations,
	migrationFiles,
	sha256
} from '../local-supabase/migration-checksums';

const listed = await listedMigrations();
const files = await migrationFiles();
const changed: string[] = [];
for (const { file, sha256: sum } of listed) {
	if (!files.includes(file)) changed.push(`${file} is gone`);
	else if ((await sha256(file)) !== sum) changed.push(`${file} changed`);
}
if (changed.length > 0) {
	console.error(
		`Landed migrations never change; write a new migration instead:\n${changed.join('\n')}`
	);
	process.exit(1);
}
const known = new Set(listed.map(({ file }) => file));
const added = files.filter((file) => !known.has(file));
for (const file of added) {
	await appendFile(checksumFile, checksumLine({ file, sha256: await sha256(file) }));
}
console.log(added.length > 0 ? `Added to ${checksumFile}:\n${added.join('\n')}` : 'Nothing to add');
