import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

export default defineConfig({
	plugins: [
		sveltekit(),
		paraglideVitePlugin({
			project: './project.inlang',
			outdir: './src/lib/paraglide',
			// The chosen language is remembered in a cookie; a first visit follows the languages the
			// request lists, else Dutch. In the browser the page keeps the language the server chose
			// (custom-page, src/hooks.client.ts), whatever the phone's own list says.
			// `npm run check` compiles the same messages before Vite runs: keep its --strategy the same.
			strategy: ['cookie', 'custom-page', 'preferredLanguage', 'baseLocale']
		})
	]
});
