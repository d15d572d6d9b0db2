/** Where a signed-out person who asked for a page of the signed-in area is sent, to come back. */
export function signInAddress(url: URL): string {
	return `/signin?redirectTo=${encodeURIComponent(url.pathname + url.search)}`;
}

/**
 * Whether a request is sent to sign in before any load runs when there is no session: the pages
 * of the signed-in area. Their page load starts beside the (app) layout's guard, so without this
 * a signed-out visit (a notification's link opened on a new phone) asked the database for the
 * page as anon, was refused, and was logged as an outage. Only pages asked for: a client
 * navigation's data request and a form's POST are left to the layout's guard and the actions,
 * which answer them in SvelteKit's own form (an enhanced form reads JSON, not a redirect).
 */
export function signInFirst(routeId: string | null, method: string, isDataRequest: boolean) {
	return (
		(method === 'GET' || method === 'HEAD') &&
		!isDataRequest &&
		routeId !== null &&
		routeId.startsWith('/(app)/')
	);
}

/** Whether a page to come back to is an organisation's admin invite, which needs an e-mail account. */
export function isAdminInvite(path: string): boolean {
	return /^\/o\/[^/?#]+\/admin-invite\/[^/?#]+\/?(?:[?#]|$)/.test(path);
}
