import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: {
		// Svelte's version in a global of every page is for tools to read: 0.1 KB less (issue 13).
		discloseVersion: false,
		// Runes mode for every component of Kring's, also one that happens to use no rune: a single
		// component in legacy mode turns on Svelte's legacy mode for the whole page (issue 13).
		// Libraries keep their own mode.
		runes: ({ filename }) => (filename.split(/[/\\]/).includes('node_modules') ? undefined : true)
	},
	kit: {
		adapter: adapter(),
		// @vite-pwa/sveltekit builds src/service-worker.ts (with the precache list) and the page
		// registers it ($lib/pwa), so that an update is applied only when the member asks.
		serviceWorker: { register: false },
		// What a page may load and run: only Kring's own files. SvelteKit adds the hash of the one
		// inline script it writes to each page; hashes rather than nonces, so that a public page
		// kept by a cache does not carry a nonce that many have seen. No inline style sheets either
		// (app.html's wrapper takes its style from app.css); style attributes only, for SvelteKit's
		// route announcer, which has one and cannot run code through it.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self'],
				'style-src-attr': ['unsafe-inline'],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'manifest-src': ['self'],
				'worker-src': ['self'],
				'form-action': ['self'],
				'object-src': ['none'],
				'base-uri': ['none'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
