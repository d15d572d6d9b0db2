// How the service worker answers a page (network first) and keeps late answers from bringing a
// previous person's pages back. Pure, so it is tested without a worker. Of this, the pages load
// only keptBecauseAttribute (in the offline banner, loaded when shown): keep it out of
// offline-rules, which every page loads.
import { savedAtAttribute, savedAtHeader } from './offline-rules';

/** How long a page may take before its kept copy is shown: a weak signal must not hang Kring. */
export const pageTimeoutMs = 4000;

/**
 * Why a kept copy is shown instead of the network's answer: no network, a network too slow, or the
 * server answered with an error (the phone's connection works, Kring's server does not).
 */
export type KeptBecause = 'offline' | 'slow' | 'server';
/** The attribute on <html> of a kept page shown, saying why (read by the offline banner). */
export const keptBecauseAttribute = 'data-kring-kept-because';

/** A kept page as shown: <html> says since when and why, for the banner. */
export async function withSavedAt(response: Response, because: KeptBecause): Promise<Response> {
	const savedAt = Number(response.headers.get(savedAtHeader));
	if (!Number.isFinite(savedAt) || savedAt <= 0) return response;
	const html = await response.text();
	const marked = html.replace(
		/<html(\s|>)/,
		`<html ${savedAtAttribute}="${savedAt}" ${keptBecauseAttribute}="${because}"$1`
	);
	return new Response(marked, { status: 200, headers: response.headers });
}

/**
 * What a page opened through the worker shows: the network's answer, unless it is slower than
 * timeoutMs or a server error (a proxy's 502 while the server restarts) and a kept copy exists.
 * With nothing kept, the network is waited for; with no network at all, the offline page.
 */
export async function pageAnswer(
	network: Promise<Response>,
	kept: (because: KeptBecause) => Promise<Response | undefined>,
	offline: () => Promise<Response>,
	timeoutMs = pageTimeoutMs
): Promise<Response> {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const slow = new Promise<'slow'>(
		(resolve) => (timer = setTimeout(() => resolve('slow'), timeoutMs))
	);
	try {
		const first = await Promise.race([network, slow]);
		if (first === 'slow') return (await kept('slow')) ?? (await network);
		if (first.status >= 500) return (await kept('server')) ?? first;
		return first;
	} catch {
		return (await kept('offline')) ?? (await offline());
	} finally {
		clearTimeout(timer);
	}
}

/**
 * Counts the changes of who is signed in on this phone. A request remembers the count it began
 * under; what its answer would change (who is signed in, a kept page) is dropped once the count
 * moved on, so a late answer for A cannot put A's page back after B, or no one, signed in. All
 * such work runs one at a time, so nothing slips in between the check and the change.
 */
export class PersonTurns {
	#turn = 0;
	#queue: Promise<unknown> = Promise.resolve();

	start(): number {
		return this.#turn;
	}

	change(): void {
		this.#turn++;
	}

	current(started: number): boolean {
		return started === this.#turn;
	}

	/** Runs work after what was queued before, if no change of person came since `started`. */
	run(started: number, work: () => Promise<unknown>): Promise<void> {
		const next = this.#queue.then(async () => {
			if (this.current(started)) await work();
		});
		this.#queue = next.catch(() => undefined);
		return next;
	}
}
