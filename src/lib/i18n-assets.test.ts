import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { linksInLanguage, pageInLanguage, policyWithHashes } from './i18n-assets';

const script = `
	Promise.all([
		import("../_app/immutable/entry/start.A1.js"),
		import("../_app/immutable/entry/app.B2.js")
	]);
`;
const html = `<html lang="fr"><head><link href="../_app/immutable/assets/0.C3.css" rel="stylesheet"></head><body><script>${script}</script><script type="application/json" data-sveltekit-fetched>{"a":1}</script></body></html>`;
const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('a page in its language', () => {
	it('takes every built file from the language’s copy and gives the new script hash', () => {
		const page = pageInLanguage(html, 'fr', 'nl');
		expect(page.html).toContain('import("../_app/immutable/fr/entry/start.A1.js")');
		expect(page.html).toContain('import("../_app/immutable/fr/entry/app.B2.js")');
		expect(page.html).toContain('href="../_app/immutable/fr/assets/0.C3.css"');
		expect(page.html).not.toMatch(/_app\/immutable\/(entry|assets)/);
		const moved = script.replaceAll('_app/immutable/', '_app/immutable/fr/');
		expect(page.hashes).toEqual([[hash(script), hash(moved)]]);

		const policy = `script-src 'self' ${hash(script)}; object-src 'none'`;
		expect(policyWithHashes(policy, page.hashes)).toBe(
			`script-src 'self' ${hash(moved)}; object-src 'none'`
		);
	});

	it('leaves a page in the base language as it is', () => {
		expect(pageInLanguage(html, 'nl', 'nl')).toEqual({ html, hashes: [] });
	});

	it('moves the Link header’s files too, once', () => {
		const links = '<../_app/immutable/assets/0.C3.css>; rel="preload"; as="style"; nopush';
		const moved = linksInLanguage(links, 'en', 'nl');
		expect(moved).toBe('<../_app/immutable/en/assets/0.C3.css>; rel="preload"; as="style"; nopush');
		expect(linksInLanguage(moved, 'en', 'nl')).toBe(moved);
		expect(linksInLanguage(links, 'nl', 'nl')).toBe(links);
	});
});
