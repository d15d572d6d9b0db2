// Landed migrations never change: a deployed database has run them, and `supabase db push`
// skips a migration it has recorded, so an edit would reach new databases only. Their SHA-256
// sums are kept in supabase/migrations.sha256, in `sha256sum` format, so
// `cd supabase/migrations && sha256sum -c ../migrations.sha256` checks them too.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const migrationsDir = path.join(root, 'supabase', 'migrations');
export const checksumFile = path.join(root, 'supabase', 'migrations.sha256');

export interface Listed {
	file: string;
	sha256: string;
}

export async function migrationFiles(): Promise<string[]> {
	return (await readdir(migrationsDir)).filter((file) => file.endsWith('.sql')).sort();
}

export async function sha256(file: string): Promise<string> {
	return createHash('sha256')
		.update(await readFile(path.join(migrationsDir, file)))
		.digest('hex');
}

export async function listedMigrations(): Promise<Listed[]> {
	if (!existsSync(checksumFile)) return [];
	return (await readFile(checksumFile, 'utf8'))
		.split('\n')
		.filter((line) => line.trim() !== '')
		.map((line) => {
			const match = /^([0-9a-f]{64}) {2}(\S+)$/.exec(line);
			if (!match) throw new Error(`${checksumFile}: not a checksum line: ${line}`);
			return { sha256: match[1], file: match[2] };
		});
}

export function checksumLine({ sha256, file }: Listed): string {
	return `${sha256}  ${file}\n`;
}
