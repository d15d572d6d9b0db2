// SvelteKit's generated root (.svelte-kit/generated/root.js) wraps the app's Root component in
// svelte/legacy's `asClassComponent`, for its client's `new app.root(…)` and `root.$set(…)`: the
// class API of Svelte 4 on every page. In the browser's build this plugin has the root made by
// $lib/kit-root.svelte instead (issue 13). The server's build keeps SvelteKit's.
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

/** What SvelteKit 2 writes (@sveltejs/kit/src/core/sync/write_root.js) for Svelte 5. */
const generatedRoot = /\/\.svelte-kit\/generated\/root\.js$/;
const legacyWrap = 'export default asClassComponent(Root);';
/** Root's props, as root.svelte beside it takes them: `let { stores, page, …, data_0 = null } = $props();` */
const rootProps = /let \{([^}]*)\} = \$props\(\);/;

export function appRootWithoutClassApi(): Plugin {
	return {
		name: 'kring:app-root',
		enforce: 'pre',
		transform(code, id, options) {
			if (options?.ssr || !generatedRoot.test(id)) return;
			const props = rootProps.exec(readFileSync(id.replace(/\.js$/, '.svelte'), 'utf8'));
			// A SvelteKit that writes its root otherwise must be looked at, not silently kept.
			if (!code.includes(legacyWrap) || !props) {
				this.error(`${id} is not written as src/lib/kit-root-build.ts expects`);
			}
			const names = props[1].split(',').map((prop) => prop.split('=')[0].trim());
			return {
				code: [
					"import Root from './root.svelte';",
					"import { asAppRoot } from '$lib/kit-root.svelte';",
					`export default asAppRoot(Root, ${JSON.stringify(names)});`
				].join('\n'),
				map: null
			};
		}
	};
}
