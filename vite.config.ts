import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import path from 'node:path';
import { defineConfig, type Rollup } from 'vite';
import { oneLanguagePerClient } from './src/lib/i18n-build';
import { appRootWithoutClassApi } from './src/lib/kit-root-build';
import settings from './project.inlang/settings.json' with { type: 'json' };

/** What SvelteKit loads on every page: the root layout, and the error page with it. */
const everyPage = ['src/routes/+layout.svelte', 'src/routes/+error.svelte'].map((file) =>
	path.resolve(file)
);
const messages = path.resolve('src/lib/paraglide/messages');
let graph: Rollup.GetModuleInfo | undefined;
let everyPageNeeds = new Set<string>();

/**
 * Whether a script is one the root layout or the error page imports, so one that every page loads
 * anyway: Vite's loader of style sheets, the PWA's side of the page, what keeps text typed before
 * start-up, Paraglide's runtime. Not their components, nor their styles (a component's style sheet
 * goes with its script), nor their words: in the browser's build each script has its own copy of
 * the words it shows (src/lib/i18n-build.ts), which goes where the script goes.
 */
function everyPageLoads(id: string, getModuleInfo: Rollup.GetModuleInfo): boolean {
	if (graph !== getModuleInfo) {
		graph = getModuleInfo;
		everyPageNeeds = new Set();
		const todo = [...everyPage];
		for (let next = todo.pop(); next; next = todo.pop()) {
			const info = getModuleInfo(next);
			for (const imported of info?.importedIds ?? []) {
				if (imported.startsWith(`${messages}/`) || everyPageNeeds.has(imported)) continue;
				todo.push(everyPageNeeds.add(imported) && imported);
			}
		}
	}
	return (
		id === '\0vite/preload-helper.js' ||
		(everyPageNeeds.has(id) && /\.(js|ts)$/.test(id) && !id.endsWith(`${messages}.js`))
	);
}

/**
 * What the forms of nearly every page with scripts use (`Sending`, its check of a field's length
 * and its refresh after an answer): in SvelteKit's script too, rather than as small scripts of
 * their own on every such page. 0.4 KB gzipped less on every signed-in route (issue 13).
 */
const formsNeed =
	/\/src\/lib\/(sending\.svelte|components\/length-counter|background-refresh)\.ts$/;

export default defineConfig({
	build: {
		// No list of every route's scripts in the entry that every page loads (1.7 KB gzipped of
		// its 5.5, issue 13): a route's own scripts come with it when it is opened (its style sheets
		// are still listed, so they arrive with it). The first page's are named in its HTML anyway.
		modulePreload: false,
		rollupOptions: {
			output: {
				// Svelte's runtime as one script, not cut into the many small ones Rollup would make of
				// it: every page needs most of it, and each script costs its own headers and loses
				// gzip's shared dictionary. 2.3–2.8 KB gzipped less on every signed-in route (issue 13).
				// SvelteKit's client the same way (its router, `$app/state`, `$app/paths`,
				// `$app/forms`): 1.3–1.4 KB less on every signed-in route; and with it the small scripts
				// of the root layout, which came as four scripts of their own: 0.7–0.8 KB less (the
				// words the root layout and the error page show come with them, as every script's own
				// words do). The outbox's scripts stay one (Rollup cut one off once the report menu's
				// form was loaded apart: a script more on every signed-in page).
				manualChunks: (id, { getModuleInfo }) =>
					id.includes('/node_modules/svelte/src/')
						? 'svelte'
						: id.includes('/node_modules/@sveltejs/kit/src/') ||
							  everyPageLoads(id, getModuleInfo) ||
							  formsNeed.test(id)
							? 'kit'
							: /\/src\/lib\/outbox\/(outbox\.svelte|store|items)\.ts$/.test(id)
								? 'outbox'
								: undefined
			}
		}
	},
	plugins: [
		sveltekit(),
		// The browser starts the app with Svelte 5's `hydrate`, not Svelte 4's class API
		// (src/lib/kit-root-build.ts).
		appRootWithoutClassApi(),
		paraglideVitePlugin({
			project: './project.inlang',
			outdir: './src/lib/paraglide',
			// The chosen language is remembered in a cookie; a first visit follows the languages the
			// request lists, else Dutch. In the browser the page keeps the language the server chose
			// (custom-page, src/hooks.client.ts), whatever the phone's own list says.
			// `npm run check` compiles the same messages before Vite runs: keep its --strategy the same.
			strategy: ['cookie', 'custom-page', 'preferredLanguage', 'baseLocale']
		}),
		// A page downloads its own language's words only: one copy of the client per language, which
		// the server points each page at (src/lib/i18n-build.ts, src/lib/i18n-assets.ts).
		oneLanguagePerClient({ languages: settings.locales, baseLanguage: settings.baseLocale }),
		// The service worker (src/service-worker.ts, Workbox) gets the list of the build's files to
		// precache. The web app manifest is a route of its own (src/routes/manifest), one per
		// language; the page registers the worker itself ($lib/pwa/app.svelte.ts), so that an
		// update waits for the member's tap.
		SvelteKitPWA({
			strategies: 'injectManifest',
			srcDir: 'src',
			filename: 'service-worker.ts',
			registerType: 'prompt',
			injectRegister: false,
			manifest: false,
			injectManifest: {
				globPatterns: ['client/**/*.{js,css,ico,png,svg,webp,woff2}']
			},
			devOptions: { enabled: false }
		})
	]
});
