// How the service worker answers a page (network first). Pure, so it is tested without a worker.

/** How long a page may take before its kept copy is shown: a weak signal must not hang Kring. */
export const pageTimeoutMs = 4000;

/**
 * What a page opened through the worker shows: the network's answer, unless it is slower than
 * timeoutMs or a server error (a proxy's 502 while the server restarts) and a kept copy exists.
 * With nothing kept, the network is waited for; with no network at all, the offline page.
 */
export async function pageAnswer(
	network: Promise<Response>,
	kept: () => Promise<Response | undefined>,
	offline: () => Promise<Response>,
	timeoutMs = pageTimeoutMs
): Promise<Response> {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const slow = new Promise<'slow'>(
		(resolve) => (timer = setTimeout(() => resolve('slow'), timeoutMs))
	);
	try {
		const first = await Promise.race([network, slow]);
		if (first === 'slow') return (await kept()) ?? (await network);
		if (first.status >= 500) return (await kept()) ?? first;
		return first;
	} catch {
		return (await kept()) ?? (await offline());
	} finally {
		clearTimeout(timer);
	}
}
