// Work that can wait a moment, out of the task that shows the page. On a cheap phone SvelteKit's
// start-up (hydrating the page, then its effects) is one long task in which a tap waits; what
// need not be done before the page answers (opening the outbox, registering the service worker,
// telling the server what was seen, scrolling a tab into view) goes in a task of its own after it.

/** Runs `work` in a task of its own, after the one running now. */
export function inNextTask(work: () => void): void {
	setTimeout(work, 0);
}

/** Resolves in a task of its own, after the one running now. */
export function nextTask(): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, 0));
}
