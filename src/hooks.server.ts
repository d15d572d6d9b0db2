import { dev } from '$app/environment';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { m } from '$lib/paraglide/messages';
import { baseLocale, getLocale } from '$lib/paraglide/runtime';
import { linksInLanguage, pageInLanguage, policyWithHashes } from '$lib/i18n-assets';
import { outboxActionAllowed, ownerHeader, ownerParameter } from '$lib/outbox/items';
import { authForwardingFetch } from '$lib/server/client-address';
import { compressed } from '$lib/server/compression';
import { offlineHeaders, wantsOfflineHeaders } from '$lib/server/offline-headers';
import { supabaseSettings } from '$lib/server/env';
import { errorCode, logUnexpected, newRequestId } from '$lib/server/request-log';
import { responseHeaders, withHeaders } from '$lib/server/response-headers';
import { requestClients } from '$lib/server/session';
import { signInAddress, signInFirst } from '$lib/server/sign-in-first';
import type { Cookies, Handle, HandleServerError } from '@sveltejs/kit';

type CookieSerializeOptions = Parameters<Cookies['set']>[2];
import { sequence } from '@sveltejs/kit/hooks';

// Outermost, so that it sends every other handle's response: pages and data compressed for
// browsers that take it (adapter-node sends them as they are). Not a load's own fetch to this
// server: SvelteKit reads that body as it is.
const compression: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	return event.isSubRequest ? response : compressed(event.request, response);
};

const headers: Handle = async ({ event, resolve }) => {
	event.locals.requestId = newRequestId();
	const response = await resolve(event);
	return withHeaders(response, {
		...responseHeaders(event, response),
		'x-request-id': event.locals.requestId
	});
};

// The page in its language, with that language's scripts only ($lib/i18n-assets): the build
// makes one copy of the client per language, without the other two languages' words.
const language: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, async ({ request, locale }) => {
		event.request = request;
		const hashes: Array<[string, string]> = [];
		const response = await resolve(event, {
			// The Link header names the page's style sheets only. Its scripts, named there too, were
			// asked for at once beside the style sheets and took the slow line before the page could
			// show (Lighthouse's mobile preset, group feed: largest paint 1.97 s, 1.16 s without);
			// SvelteKit's start-up script asks for them once the page is read, and the page works
			// without them meanwhile (issue 13).
			preload: ({ type }) => type === 'css',
			transformPageChunk: ({ html }) => {
				const page = pageInLanguage(html.replace('%paraglide.lang%', locale), locale, baseLocale);
				hashes.push(...page.hashes);
				return page.html;
			}
		});
		const changed: Record<string, string> = {};
		const policy = response.headers.get('content-security-policy');
		if (policy && hashes.length > 0) {
			changed['content-security-policy'] = policyWithHashes(policy, hashes);
		}
		const links = response.headers.get('link');
		if (links) changed.link = linksInLanguage(links, locale, baseLocale);
		return withHeaders(response, changed);
	});

const supabase: Handle = async ({ event, resolve }) => {
	const { PUBLIC_SUPABASE_URL, PUBLIC_SUPABASE_ANON_KEY } = supabaseSettings();
	// What @supabase/ssr asks of a response that sets the session's cookies: no cache may keep it,
	// or one person's session could be handed to the next.
	const sessionHeaders: Record<string, string> = {};
	const clients = requestClients(PUBLIC_SUPABASE_URL, PUBLIC_SUPABASE_ANON_KEY, {
		cookies: {
			getAll: () => event.cookies.getAll(),
			setAll: (
				cookies: Array<{ name: string; value: string; options: CookieSerializeOptions }>,
				cacheHeaders: Record<string, string>
			) => {
				Object.assign(sessionHeaders, cacheHeaders);
				for (const { name, value, options } of cookies) {
					// Only the server reads the session, so scripts never need to.
					event.cookies.set(name, value, {
						...options,
						path: '/',
						httpOnly: true,
						sameSite: 'lax',
						secure: !dev && event.url.protocol === 'https:'
					});
				}
			}
		},
		// Auth calls pass the person's address on, so auth's limits hold per person.
		fetch: authForwardingFetch(event, PUBLIC_SUPABASE_URL)
	});
	event.locals.supabase = clients.supabase;
	// Made when first used (signing in or out, the account page): most pages never need it.
	Object.defineProperty(event.locals, 'sessionClient', { get: () => clients.sessionClient });
	event.locals.safeGetSession = clients.safeGetSession;
	// An outbox item (src/lib/outbox) goes only as the person who wrote it: signed in as someone
	// else by now, or as no one, it is turned away untouched and waits on the phone for its writer.
	const outboxFor = event.request.headers.get(ownerHeader);
	if (outboxFor !== null && !outboxActionAllowed(event.route.id, event.request.method, event.url)) {
		// Not a write the outbox makes (an item planted on the phone): refused in words the outbox
		// shows, so the person sees it and can wipe it, and nothing else of theirs waits behind it.
		const refusal = { type: 'error', error: { message: m.error_something_wrong() } };
		return new Response(JSON.stringify(refusal), {
			status: 400,
			headers: { 'content-type': 'application/json' }
		});
	}
	// A write from a page shown for one person, sent when someone else (or no one) is signed in:
	// turned away untouched, and the page's outbox keeps it for its writer.
	const writer =
		outboxFor ??
		(event.request.method === 'POST' ? event.url.searchParams.get(ownerParameter) : null);
	if (writer) {
		const { user } = await clients.safeGetSession();
		if (user?.id !== writer) return new Response(null, { status: 409 });
	}
	if (signInFirst(event.route.id, event.request.method, event.isDataRequest)) {
		const { user } = await clients.safeGetSession();
		// A response, not a thrown redirect, so it gets this app's headers like every other.
		if (!user)
			return new Response(null, { status: 303, headers: { location: signInAddress(event.url) } });
	}

	const response = await resolve(event, {
		filterSerializedResponseHeaders: (name) =>
			name === 'content-range' || name === 'x-supabase-api-version'
	});
	// Who is signed in and which pages the phone may keep, for the service worker.
	if (wantsOfflineHeaders(response)) {
		const { user, unknown } = await clients.safeGetSession();
		Object.assign(
			sessionHeaders,
			offlineHeaders(event, response, user?.id ?? null, getLocale(), unknown)
		);
	}
	return withHeaders(response, sessionHeaders);
};

export const handle = sequence(compression, headers, language, supabase);

/** An error no code expected: logged once, and the page names the request so it can be reported. */
export const handleError: HandleServerError = ({ error, event, status }) => {
	if (status === 404) return { message: m.page_not_found() };
	event.locals.requestId ??= newRequestId();
	logUnexpected(event, status, errorCode(error));
	return { message: m.page_error(), requestId: event.locals.requestId };
};
