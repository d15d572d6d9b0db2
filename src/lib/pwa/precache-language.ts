// The service worker precaches one language's copy of the client (issue 13): the build writes
// every script three times (Dutch in _app/immutable/…, the others in _app/immutable/<language>/…,
// $lib/i18n-build), and a member reads one language. The page registers the worker with its
// language (/service-worker.js?lang=fr); the worker keeps, of the build's list, the files of that
// language's copy and those that belong to no language. Pure, for the worker and its tests.

export interface PrecacheEntry {
	url: string;
	revision: string | null;
}

const immutable = /^\/?_app\/immutable\/([^/]+)\//;
/** A language's own copy, as $lib/i18n-assets names it (never entry, nodes, chunks or assets). */
const languageDirectory = /^[a-z]{2,3}(-[A-Za-z0-9]+)*$/;

/** The language whose copy a built file is in: 'base' for the base language's, null for none. */
export function copyOf(url: string): string | null {
	const match = immutable.exec(url);
	if (!match) return null;
	return languageDirectory.test(match[1]) ? match[1] : 'base';
}

/**
 * The entries a member reading `language` needs: its copy (the base language's when it has no copy
 * of its own, or when the language is missing or unknown) and what is in no copy.
 */
export function precacheForLanguage<T extends PrecacheEntry>(
	manifest: readonly T[],
	language: string | null
): T[] {
	const copies = new Set(manifest.map((entry) => copyOf(entry.url)));
	const wanted = language && language !== 'base' && copies.has(language) ? language : 'base';
	return manifest.filter((entry) => {
		const copy = copyOf(entry.url);
		return copy === null || copy === wanted;
	});
}

/** The page's language, as the worker's address carries it. */
export const languageParameter = 'lang';

/** Where the page registers the worker for its language. */
export function workerUrl(language: string): string {
	const valid = languageDirectory.test(language) ? language : '';
	return valid ? `/service-worker.js?${languageParameter}=${valid}` : '/service-worker.js';
}
