// One client per language (issue 13): Paraglide compiles every message as a function holding its
// Dutch, French and English words, so each page's scripts carried all three (12.5 KB of the group
// feed's 72). Build-time only, used by vite.config.ts:
//
// - In the client build each message is the marker's language's words, and Paraglide's runtime
//   is a few lines that give the same answer (the scripts are the page's language's copy, so there
//   is nothing to find out: no cookie, no strategy, no <html lang> to read).
// - Once the client is written, every script is minified again once per language with the marker
//   set to that language: the other two languages' words are dead code and go. The base language's
//   scripts stay where SvelteKit put them (_app/immutable/…); the others go to
//   _app/immutable/<language>/…, the same files in the same layout, so their relative imports hold.
// - The server points each page at its language's scripts ($lib/i18n-assets).
// - A script gets its own copy of the words it shows (`m.app_name` becomes an import of
//   messages/app_name.js for that script alone), so words that several pages show travel inside
//   each page's scripts instead of as tiny scripts of their own, each a request with its own headers
//   and gzip dictionary (the group feed loaded eight of them).
//
// The server build is left as it is: it renders every language.
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { transform } from 'esbuild';
import type { Plugin } from 'vite';

/** What a message in the client build asks for its language: set only in the per-language copies. */
export const languageMarker = 'globalThis.__KRING_LANGUAGE__';

/** What Paraglide's compiled message (message-modules) imports to find its language. */
const paraglideImport = "import { getLocale, experimentalStaticLocale } from '../runtime.js';";

/**
 * How such a message picks its language: one `if` per language, the base language last. E.g.
 * `((inputs = {}, options = {}) => {⏎ const locale = experimentalStaticLocale ?? options.locale ??
 * getLocale()⏎ if (locale === "fr") return fr_app_name(inputs)⏎ … return nl_app_name(inputs)⏎})`.
 */
const paraglideChoice =
	/\(\(inputs(?: = \{\})?, options = \{\}\) => \{\s*const locale = experimentalStaticLocale \?\? options\.locale \?\? getLocale\(\)\s*((?:if \(locale === "[\w-]+"\) return [\w$]+\(inputs\)\s*)*)return ([\w$]+)\(inputs\)\s*\}\)/;

/**
 * The message as the marker's language's words themselves: `(MARKER === "fr" ? fr_app_name :
 * MARKER === "en" ? en_app_name : nl_app_name)`, which each language's copy minifies to the one
 * function, without the wrapper that picked it on every call.
 */
function wordsOfMarkerLanguage(choices: string, base: string): string {
	const others = [...choices.matchAll(/if \(locale === ("[\w-]+")\) return ([\w$]+)\(inputs\)/g)];
	return `(${others.map(([, language, words]) => `${languageMarker} === ${language} ? ${words} : `).join('')}${base})`;
}

/** A compiled message, or a script's own copy of one (`…/messages/app_name.js?words-for=12`). */
const messageModule =
	/\/src\/lib\/paraglide\/messages\/(?!_index\.js)[^/?]+\.js(\?words-for=\d+)?$/;

/** How Kring's code imports the messages (one import, `m.app_name()` where a word is shown). */
const messagesImport = /^import \{ m \} from ['"]\$lib\/paraglide\/messages(?:\.js)?['"];?$/m;

/**
 * The script with `m.app_name` replaced by an import of its own copy of that message. Only names
 * that are messages are replaced; `m` stays imported while the script uses it otherwise.
 */
function ownCopyOfWords(code: string, messagesDir: string, copy: number): string | undefined {
	if (!messagesImport.test(code)) return;
	const names = new Set<string>();
	let rest = code.replace(/\bm\.([A-Za-z_$][\w$]*)\b/g, (use, name: string) => {
		if (!existsSync(path.join(messagesDir, `${name}.js`))) return use;
		names.add(name);
		return `__words_${name}`;
	});
	if (names.size === 0) return;
	if (!/\bm\b/.test(rest.replace(messagesImport, ''))) rest = rest.replace(messagesImport, '');
	const imports = [...names].map(
		(name) =>
			`import { ${name} as __words_${name} } from ${JSON.stringify(`${path.join(messagesDir, name)}.js?words-for=${copy}`)};`
	);
	return `${imports.join('\n')}\n${rest}`;
}

/** Paraglide's runtime, compiled beside its messages: in the client build it is replaced. */
const paraglideRuntime = /\/src\/lib\/paraglide\/runtime\.js$/;

/**
 * What the browser uses of Paraglide's runtime, for a copy of the client that is one language's:
 * the page's language is the copy's. 0.1 KB gzipped instead of 1.5 on every page. The custom
 * strategy src/hooks.client.ts defines is for `npm run dev`, which runs the whole runtime. A
 * script that needs more of it fails the build ("… is not exported by …").
 */
function clientRuntime(languages: readonly string[], baseLanguage: string): string {
	return [
		`export const baseLocale = ${JSON.stringify(baseLanguage)};`,
		`export const locales = ${JSON.stringify(languages)};`,
		`export const getLocale = () => ${languageMarker};`,
		'export const isLocale = (value) => locales.includes(value);',
		'export const defineCustomClientStrategy = () => {};'
	].join('\n');
}

export function oneLanguagePerClient(options: {
	languages: readonly string[];
	baseLanguage: string;
	appDir?: string;
}): Plugin {
	const appDir = options.appDir ?? '_app';
	let ssr = true;
	let messagesDir = '';
	let copies = 0;
	return {
		name: 'kring:one-language-per-client',
		apply: 'build',
		configResolved(config) {
			ssr = Boolean(config.build.ssr);
			messagesDir = path.join(config.root, 'src/lib/paraglide/messages');
		},
		load(id, loadOptions) {
			if (ssr || loadOptions?.ssr || !paraglideRuntime.test(id)) return;
			return { code: clientRuntime(options.languages, options.baseLanguage), map: null };
		},
		transform(code, id, transformOptions) {
			if (ssr || transformOptions?.ssr) return;
			if (!messageModule.test(id)) {
				if (id.includes('/node_modules/') || !/\.(svelte|ts|js)$/.test(id)) return;
				const code_ = ownCopyOfWords(code, messagesDir, ++copies);
				return code_ === undefined ? undefined : { code: code_, map: null };
			}
			if (!paraglideChoice.test(code) || !code.includes(paraglideImport)) {
				// A new Paraglide compiles messages differently: fail rather than ship three languages.
				throw new Error(`${id}: no choice of language like ${paraglideChoice} to replace`);
			}
			// The message no longer imports the runtime: a script of words only needs no other script.
			return {
				code: code
					.replace(paraglideImport, '')
					.replace(paraglideChoice, (_, choices: string, base: string) =>
						wordsOfMarkerLanguage(choices, base)
					),
				map: null
			};
		},
		writeBundle: {
			sequential: true,
			async handler(output) {
				if (ssr || !output.dir) return;
				const immutable = path.join(output.dir, appDir, 'immutable');
				const files = await filesUnder(immutable);
				const sources = new Map<string, string>();
				for (const file of files) {
					if (file.endsWith('.js')) sources.set(file, await readFile(file, 'utf8'));
				}
				// The other languages first, from the scripts as built; the base language last, in place.
				const languages = [
					...options.languages.filter((language) => language !== options.baseLanguage),
					options.baseLanguage
				];
				for (const language of languages) {
					const target =
						language === options.baseLanguage ? immutable : path.join(immutable, language);
					for (const file of files) {
						const destination = path.join(target, path.relative(immutable, file));
						await mkdir(path.dirname(destination), { recursive: true });
						const source = sources.get(file);
						if (source === undefined) {
							if (destination !== file) await copyFile(file, destination);
							continue;
						}
						const { code } = await transform(source, {
							format: 'esm',
							minify: true,
							treeShaking: true,
							charset: 'utf8',
							define: { [languageMarker]: JSON.stringify(language) }
						});
						if (code.includes('__KRING_LANGUAGE__')) {
							throw new Error(`${destination}: the language was not set everywhere`);
						}
						await writeFile(destination, code);
					}
				}
			}
		}
	};
}

async function filesUnder(directory: string): Promise<string[]> {
	const entries = await readdir(directory, { withFileTypes: true, recursive: true });
	return entries
		.filter((entry) => entry.isFile())
		.map((entry) => path.join(entry.parentPath, entry.name));
}
