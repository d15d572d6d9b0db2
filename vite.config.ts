import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

export default defineConfig({
	plugins: [
		sveltekit(),
		paraglideVitePlugin({
			project: './project.inlang',
			outdir: './src/lib/paraglide',
			// The chosen language is remembered in a cookie; a first visit follows the phone's language.
			// `npm run check` compiles the same messages before Vite runs: keep its --strategy the same.
			strategy: ['cookie', 'preferredLanguage', 'baseLocale']
		})
	]
});
