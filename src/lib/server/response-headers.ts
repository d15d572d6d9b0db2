// What every response tells the browser and the caches in between: what may run and embed it
// (the page's own Content-Security-Policy comes from kit.csp in svelte.config.js), where its
// address may travel, and that nothing personal is kept in a shared cache or a back button.
import type { RequestEvent } from '@sveltejs/kit';

/** Pages whose address is itself a key: an invite or claim link, a person's calendar feed. */
const secretAddresses = new Set([
	'/(auth)/join/[code]',
	'/(app)/o/[slug]/admin-invite/[code]',
	'/calendar/[token].ics'
]);

/** Invite pages whose own form posts back to their address (see referrerPolicy()). */
const invitePages = new Set(['/(auth)/join/[code]', '/(app)/o/[slug]/admin-invite/[code]']);

/**
 * A key in the address goes to no other site. The invite page keeps it within Kring
 * ('same-origin', not 'no-referrer'): with no referrer at all, Chromium sends "Origin: null" with
 * the page's own form, and SvelteKit refuses that form as cross-site for a phone without scripts.
 */
function referrerPolicy(route: string): string {
	if (invitePages.has(route)) return 'same-origin';
	return secretAddresses.has(route) ? 'no-referrer' : 'strict-origin-when-cross-origin';
}

/**
 * The one page another site may show in a frame: an organisation's list of open activities for
 * its own website. It sets its own policy (frame-ancestors *) and runs nothing.
 */
const framable = new Set(['/(public)/o/[slug]/embed']);

/** Supabase keeps the session in cookies named sb-<project>-auth-token (split into .0, .1…). */
const sessionCookie = /^sb-.+-auth-token(\.\d+)?$/;

// Kring uses none of these; saying so keeps an injected frame or script from asking for them.
const permissionsPolicy =
	'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()';

/** For a response that is not a page (JSON, a calendar file, a redirect): nothing runs in it. */
const nothingRuns = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

/**
 * A signed-in person's response, or one for an address that is a key: never stored by a shared
 * cache, nor by the browser (after signing out, the back button must not show it again).
 */
export function isPersonal(event: RequestEvent): boolean {
	const route = event.route.id ?? '';
	return (
		route.startsWith('/(app)/') ||
		secretAddresses.has(route) ||
		event.cookies.getAll().some(({ name }) => sessionCookie.test(name))
	);
}

export function responseHeaders(event: RequestEvent, response: Response): Record<string, string> {
	const route = event.route.id ?? '';
	const headers: Record<string, string> = {
		'x-content-type-options': 'nosniff',
		'referrer-policy': referrerPolicy(route),
		'permissions-policy': permissionsPolicy,
		'cross-origin-opener-policy': 'same-origin'
	};
	if (!framable.has(route)) headers['x-frame-options'] = 'DENY';
	// Search engines list the public pages only: not a signed-in page, a sign-in or join page,
	// an address that is a key, nor the list made to sit in another site's frame.
	if (isPersonal(event) || route.startsWith('/(auth)/') || framable.has(route)) {
		headers['x-robots-tag'] = 'noindex';
	}
	if (event.url.protocol === 'https:') {
		headers['strict-transport-security'] = 'max-age=63072000; includeSubDomains';
	}
	const html = response.headers.get('content-type')?.startsWith('text/html') ?? false;
	if (!html && !response.headers.has('content-security-policy')) {
		headers['content-security-policy'] = nothingRuns;
	}
	if (isPersonal(event)) {
		if (!/no-store/.test(response.headers.get('cache-control') ?? '')) {
			headers['cache-control'] = 'private, no-store';
		}
	} else {
		// A public page is the same for everyone who reads it in the same language.
		const vary = response.headers.get('vary');
		headers['vary'] = `${vary ? `${vary}, ` : ''}Cookie, Accept-Language`;
	}
	return headers;
}

/** The response with these headers; a response whose headers are sealed is copied first. */
export function withHeaders(response: Response, headers: Record<string, string>): Response {
	try {
		for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
		return response;
	} catch {
		const copy = new Response(response.body, response);
		for (const [name, value] of Object.entries(headers)) copy.headers.set(name, value);
		return copy;
	}
}
