// What SvelteKit's client starts the app with (`new app.root({ target, props, hydrate })`, then
// `root.$set(props)` on every navigation, form result and error). SvelteKit's generated root
// makes it with svelte/legacy's `asClassComponent`, the class API of Svelte 4, on every page;
// this is the part of it SvelteKit uses, in Svelte 5's own terms (issue 13). Put in its place by
// src/lib/kit-root-build.ts, in the browser's build only.
import { flushSync, hydrate, mount, type Component } from 'svelte';

interface RootOptions {
	target: Element;
	props: Record<string, unknown>;
	hydrate?: boolean;
	transformError?: (error: unknown) => unknown;
}

/**
 * One of Root's props, followed wherever Root reads it. As with the class API, the same object
 * given again counts as a change (SvelteKit gives the page's data and form anew to be shown anew);
 * an equal number or string does not.
 */
class Prop {
	/** A new box on every change: `$state.raw` tells its readers when the box is another one. */
	#box: { value: unknown };

	constructor(value: unknown) {
		this.#box = $state.raw({ value });
	}

	get value(): unknown {
		return this.#box.value;
	}

	set value(next: unknown) {
		const current = this.#box.value;
		const primitive = next === null || (typeof next !== 'object' && typeof next !== 'function');
		if (current === next && primitive) return;
		this.#box = { value: next };
	}
}

/**
 * Root as the constructor SvelteKit's client expects. `names` are the props Root takes: each is
 * made before Root first reads it (state made while an effect runs is not followed by that effect).
 */
export function asAppRoot(Root: Component<Record<string, unknown>>, names: string[]) {
	return class AppRoot {
		// Which props there are is fixed; what is followed is each one's value.
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		#props = new Map<string | symbol, Prop>();

		constructor(options: RootOptions) {
			for (const name of names) this.#props.set(name, new Prop(options.props[name]));
			const props = new Proxy({}, { get: (_, name) => this.#props.get(name)?.value });
			(options.hydrate ? hydrate : mount)(Root, {
				target: options.target,
				props,
				intro: false,
				transformError: options.transformError
			});
			// As the class API did: the page's effects run now, before SvelteKit goes on.
			flushSync();
		}

		$set(next: Record<string, unknown>) {
			for (const [name, value] of Object.entries(next)) {
				const prop = this.#props.get(name);
				if (!prop) throw new Error(`Root takes no prop ${name}`);
				prop.value = value;
			}
		}
	};
}
