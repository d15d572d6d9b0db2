// A page loaded afresh in the background (the outbox sent what waited, a form's answer came) while
// the member may be typing the next one. When its data cannot load for lack of a connection,
// SvelteKit shows its error page or loads the whole page again: the form goes, and the words
// being typed with it. Such a refresh waits for the connection instead, and loads once it is back.

let refreshing = 0;
let installed = false;

/** Runs a refresh (invalidateAll, or a form's `update`) whose page data waits for a connection. */
export async function refreshInBackground<T>(refresh: () => Promise<T>): Promise<T> {
	if (!installed) {
		installed = true;
		// SvelteKit loads a page's data with the window's fetch as it is then, to allow this.
		window.fetch = pageDataWaitsForConnection(window.fetch.bind(window));
	}
	refreshing += 1;
	try {
		return await refresh();
	} finally {
		refreshing -= 1;
	}
}

function pageDataWaitsForConnection(fetch: typeof window.fetch): typeof window.fetch {
	return async (input, init) => {
		const url = input instanceof Request ? input.url : String(input);
		const method = (input instanceof Request ? input.method : init?.method) ?? 'GET';
		const pageData =
			method === 'GET' && new URL(url, location.href).pathname.endsWith('/__data.json');
		if (!refreshing || !pageData) return fetch(input, init);
		for (let tries = 0; ; tries += 1) {
			try {
				// All of it, before SvelteKit reads it: a connection that drops while the data comes
				// fails the reading, which SvelteKit takes for a broken page just the same.
				const response = await fetch(input, init);
				if (!response.body) return response;
				const { status, statusText, headers } = response;
				return new Response(await response.arrayBuffer(), { status, statusText, headers });
			} catch (problem) {
				if (problem instanceof DOMException && problem.name === 'AbortError') throw problem;
				await connectionBack(tries);
			}
		}
	};
}

/** Once the phone says it is online again; when it thinks it is, after a while (at most a minute). */
function connectionBack(tries: number): Promise<void> {
	if (!navigator.onLine) {
		return new Promise((resolve) => addEventListener('online', () => resolve(), { once: true }));
	}
	const seconds = Math.min(60, 2 ** Math.min(tries, 6));
	return new Promise((resolve) => setTimeout(resolve, seconds * 1000));
}
