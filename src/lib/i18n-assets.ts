// Each page loads the scripts of its own language only (issue 13; the build makes one copy of the
// client per language, $lib/i18n-build): the base language's at _app/immutable/…, the others'
// at _app/immutable/<language>/…. The page's HTML is pointed at its language's copy here, and its
// Content-Security-Policy follows: SvelteKit hashed its one inline script before the change.
import { createHash } from 'node:crypto';

const builtFiles = /(_app\/immutable\/)(?=(?:entry|nodes|chunks|assets)\/)/g;

/** The hash a Content-Security-Policy names an inline script by. */
function scriptHash(text: string): string {
	return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

export interface LanguageAssets {
	/** The page's HTML with its built files taken from the language's copy. */
	html: string;
	/** Hashes of inline scripts that changed, before → after. */
	hashes: Array<[string, string]>;
}

/** Whether a language's files are in a copy of their own (the base language's are not). */
function ownCopy(language: string, base: string): boolean {
	return language !== base && /^[a-z]{2,3}(-[A-Za-z0-9]+)*$/.test(language);
}

/**
 * A list of built files' addresses (SvelteKit's Link header: the page's style sheets and
 * scripts, fetched early) taken from the language's copy.
 */
export function linksInLanguage(links: string, language: string, base: string): string {
	return ownCopy(language, base) ? links.replace(builtFiles, `$1${language}/`) : links;
}

export function pageInLanguage(html: string, language: string, base: string): LanguageAssets {
	if (!ownCopy(language, base)) return { html, hashes: [] };
	const hashes: Array<[string, string]> = [];
	const moved = (text: string) => linksInLanguage(text, language, base);
	const out = html.replace(
		/(<script(?:\s[^>]*)?>)([\s\S]*?)(<\/script>)/g,
		(whole, open: string, body: string, close: string) => {
			if (/\ssrc=/.test(open)) return moved(whole);
			const changed = moved(body);
			if (changed !== body) hashes.push([scriptHash(body), scriptHash(changed)]);
			return open + changed + close;
		}
	);
	return { html: moved(out), hashes };
}

/** The Content-Security-Policy with the changed inline scripts' new hashes. */
export function policyWithHashes(policy: string, hashes: Array<[string, string]>): string {
	let out = policy;
	for (const [before, after] of hashes) out = out.split(before).join(after);
	return out;
}
