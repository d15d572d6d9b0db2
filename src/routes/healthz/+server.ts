// For the load balancer: 200 when the database answers, 503 when it does not. The question goes
// the way every page's does (PostgREST with the public key) and is answered by Postgres itself:
// the smallest read of a table anyone may read.
import { errorCode, logUnexpected } from '$lib/server/request-log';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const { error } = await event.locals.supabase
		.from('organisations')
		.select('id', { head: true })
		.limit(1)
		.abortSignal(AbortSignal.timeout(3_000));
	if (error) logUnexpected(event, 503, error.code ? errorCode(error) : 'database_unreachable');
	return new Response(error ? 'unavailable\n' : 'ok\n', {
		status: error ? 503 : 200,
		headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }
	});
};
