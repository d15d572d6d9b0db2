// A read the database did not answer (it is down, or a grant or policy broke) is an outage and is
// shown as one: a 503 page in plain words with the request id, never an empty list or a 404.
import { getRequestEvent } from '$app/server';
import { m } from '$lib/paraglide/messages';
import { error } from '@sveltejs/kit';
import { errorCode, logUnexpected } from './request-log';

export function outage(cause: { code?: string }): never {
	const event = getRequestEvent();
	// supabase-js gives no code when PostgREST could not be reached at all.
	logUnexpected(event, 503, cause.code ? errorCode(cause) : 'database_unreachable');
	error(503, { message: m.error_unavailable(), requestId: event.locals.requestId });
}
