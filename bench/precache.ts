// What the service worker precaches per language, from the production build: entries and KiB
// (raw, as on disk) of the list in build/client/service-worker.js, all of it (what every phone
// downloaded before the worker took one language's copy) and what a member of each language
// now gets ($lib/pwa/precache-language). Fails when one language's list holds another
// language's copy. `npx tsx bench/precache.ts` after `npx vite build`.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { copyOf, precacheForLanguage, type PrecacheEntry } from '../src/lib/pwa/precache-language';
import settings from '../project.inlang/settings.json' with { type: 'json' };

const client = path.join(process.argv[2] ?? 'build', 'client');

export async function measurePrecache() {
	const worker = await readFile(path.join(client, 'service-worker.js'), 'utf8');
	const manifest: PrecacheEntry[] = [];
	for (const match of worker.matchAll(/\{"revision":(null|"[^"]*"),"url":"([^"]+)"\}/g)) {
		manifest.push({ url: match[2], revision: match[1] === 'null' ? null : match[1] });
	}
	if (manifest.length === 0) throw new Error('no precache list found in the built worker');
	const kib = async (entries: PrecacheEntry[]) => {
		let bytes = 0;
		for (const entry of entries) bytes += (await stat(path.join(client, entry.url))).size;
		return Math.round(bytes / 1024);
	};
	const rows = [{ language: 'all', entries: manifest.length, kib: await kib(manifest) }];
	for (const language of settings.locales) {
		const list = precacheForLanguage(manifest, language);
		const copy = language === settings.baseLocale ? 'base' : language;
		const strangers = list.filter((entry) => ![null, copy].includes(copyOf(entry.url)));
		if (strangers.length > 0) {
			throw new Error(`${language}: precaches ${strangers[0].url} (another language's copy)`);
		}
		if (!list.some((entry) => entry.url.endsWith('.js') && copyOf(entry.url) === copy)) {
			throw new Error(`${language}: none of its own scripts precached`);
		}
		rows.push({ language, entries: list.length, kib: await kib(list) });
	}
	return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
	console.table(await measurePrecache());
}
