// What the service worker needs to know of each response to keep pages for offline reading
// (src/service-worker.ts): who is signed in, whether the page may be kept, and in what language.
import { createHash } from 'node:crypto';
import type { RequestEvent } from '@sveltejs/kit';
import { offlineHeader, offlineKindOfRoute, personHeader } from '$lib/pwa/offline-rules';
import { personKeySalt } from '$lib/pwa/shared-phone';

/**
 * The name a person's kept pages go under on their phone: not their id itself, which the phone's
 * next user could read in the cache's name and look for elsewhere. The service worker derives the
 * same key (personKeyOf in $lib/pwa/shared-phone) to know whose an outbox item is.
 */
export function personKey(userId: string): string {
	return createHash('sha256')
		.update(personKeySalt + userId)
		.digest('hex')
		.slice(0, 32);
}

/**
 * Only pages say who is signed in. Their root layout has checked the session already, so asking
 * again costs nothing and never renews a session after the response is made (a client
 * navigation's data request may skip that layout: it says nothing).
 */
export function wantsOfflineHeaders(response: Response): boolean {
	return response.headers.get('content-type')?.startsWith('text/html') ?? false;
}

/**
 * `userId` null: no one is signed in. `sessionUnknown`: who is could not be known (Auth could not
 * renew the session): the page then says nothing of a person, and is not kept, so that the phone
 * neither drops nor files anyone's pages and outbox on it.
 */
export function offlineHeaders(
	event: RequestEvent,
	response: Response,
	userId: string | null,
	locale: string,
	sessionUnknown = false
): Record<string, string> {
	if (sessionUnknown) return { 'content-language': locale };
	const headers: Record<string, string> = {
		[personHeader]: userId ? personKey(userId) : 'none',
		'content-language': locale
	};
	const kind = offlineKindOfRoute(event.route.id);
	const page =
		event.request.method === 'GET' &&
		response.status === 200 &&
		!event.isDataRequest &&
		(response.headers.get('content-type')?.startsWith('text/html') ?? false);
	// A signed-in person's landing would be kept as public: there is none (it sends them home).
	if (page && kind && (kind === 'person' ? userId !== null : userId === null)) {
		headers[offlineHeader] = kind;
	}
	return headers;
}
