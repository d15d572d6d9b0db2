import { describe, expect, it } from 'vitest';
import { copyOf, precacheForLanguage, workerUrl } from './precache-language';

const built = [
	'_app/immutable/entry/start.Ab1.js',
	'_app/immutable/nodes/0.Cd2.js',
	'_app/immutable/chunks/words.Ef3.js',
	'_app/immutable/assets/app.Gh4.css',
	'_app/immutable/fr/entry/start.Ab1.js',
	'_app/immutable/fr/nodes/0.Cd2.js',
	'_app/immutable/fr/chunks/words.Ef3.js',
	'_app/immutable/fr/assets/app.Gh4.css',
	'_app/immutable/en/entry/start.Ab1.js',
	'_app/immutable/en/nodes/0.Cd2.js',
	'_app/immutable/en/chunks/words.Ef3.js',
	'_app/immutable/en/assets/app.Gh4.css',
	'_app/version.json',
	'favicon.ico',
	'icons/icon-192.png'
].map((url) => ({ url, revision: url.includes('immutable') ? null : 'r1' }));

const urls = (language: string | null) =>
	precacheForLanguage(built, language).map((entry) => entry.url);

describe('the precache of one language', () => {
	it('holds that language’s copy and the files of no language, no other language’s scripts', () => {
		for (const language of ['nl', 'fr', 'en']) {
			const kept = urls(language);
			expect(kept.filter((url) => copyOf(url) === null)).toEqual([
				'_app/version.json',
				'favicon.ico',
				'icons/icon-192.png'
			]);
			const copy = language === 'nl' ? 'base' : language;
			const own = kept.filter((url) => copyOf(url) !== null);
			expect(own).toHaveLength(4);
			expect(own.every((url) => copyOf(url) === copy)).toBe(true);
		}
		expect(urls('fr')).toContain('_app/immutable/fr/nodes/0.Cd2.js');
		expect(urls('fr')).not.toContain('_app/immutable/nodes/0.Cd2.js');
		expect(urls('nl')).not.toContain('_app/immutable/en/nodes/0.Cd2.js');
	});

	it('falls back to the base language’s copy for no language or one without a copy', () => {
		expect(urls(null)).toEqual(urls('nl'));
		expect(urls('de')).toEqual(urls('nl'));
		expect(urls('base')).toEqual(urls('nl'));
	});

	it('reads a leading slash too', () => {
		expect(copyOf('/_app/immutable/fr/chunks/a.js')).toBe('fr');
		expect(copyOf('/_app/immutable/chunks/a.js')).toBe('base');
		expect(copyOf('/_app/version.json')).toBeNull();
	});

	it('registers the worker with the page’s language, only a well-formed one', () => {
		expect(workerUrl('fr')).toBe('/service-worker.js?lang=fr');
		expect(workerUrl('')).toBe('/service-worker.js');
		expect(workerUrl('fr&x=1')).toBe('/service-worker.js');
	});
});
