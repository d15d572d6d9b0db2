// Pages and data compressed on their way out (issue 13: adapter-node sends what SvelteKit renders
// as it is, 36 KB for a group's feed where 11 would do). The build's own files are compressed
// already (adapter-node's precompress); this is for what the server renders: HTML and JSON.
// Brotli when the browser takes it, else gzip. Each piece is flushed as it comes, so a page that
// streams (a promise in its load) still arrives in parts.
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import zlib from 'node:zlib';

/** What is worth compressing: text the server rendered. */
const compressible = /^(text\/|application\/(json|javascript|manifest\+json|xml)|image\/svg\+xml)/;

type Encoding = 'br' | 'gzip';

/** The encoding to use for a request, or null when it takes neither (or refuses them with q=0). */
export function chosenEncoding(acceptEncoding: string | null): Encoding | null {
	if (!acceptEncoding) return null;
	const accepted = new Map<string, number>();
	for (const part of acceptEncoding.toLowerCase().split(',')) {
		const [name, ...parameters] = part.trim().split(';');
		const q = parameters.map((p) => p.trim()).find((p) => p.startsWith('q='));
		accepted.set(name.trim(), q ? Number(q.slice(2)) : 1);
	}
	const weight = (name: string) => accepted.get(name) ?? accepted.get('*') ?? 0;
	if (weight('br') > 0) return 'br';
	if (weight('gzip') > 0) return 'gzip';
	return null;
}

/**
 * The response compressed for the request, or the response itself when there is nothing to gain:
 * no body, already encoded, not text, a HEAD request, or a sender that asked for no transform.
 */
export function compressed(request: Request, response: Response): Response {
	const encoding = chosenEncoding(request.headers.get('accept-encoding'));
	const type = response.headers.get('content-type') ?? '';
	if (
		!encoding ||
		!response.body ||
		request.method === 'HEAD' ||
		response.status === 204 ||
		response.status === 206 ||
		response.status === 304 ||
		response.headers.has('content-encoding') ||
		response.headers.has('content-range') ||
		/\bno-transform\b/.test(response.headers.get('cache-control') ?? '') ||
		!compressible.test(type) ||
		revalidated(request, response)
	)
		return response;

	const compressor =
		encoding === 'br'
			? zlib.createBrotliCompress({
					flush: zlib.constants.BROTLI_OPERATION_FLUSH,
					params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 }
				})
			: zlib.createGzip({ flush: zlib.constants.Z_SYNC_FLUSH });
	const body = Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>).pipe(compressor);
	compressor.on('error', () => body.destroy());

	const headers = new Headers(response.headers);
	headers.set('content-encoding', encoding);
	headers.delete('content-length');
	const vary = headers.get('vary');
	if (!vary) headers.set('vary', 'Accept-Encoding');
	else if (!/\baccept-encoding\b/i.test(vary) && vary.trim() !== '*')
		headers.set('vary', `${vary}, Accept-Encoding`);
	// The compressed bytes differ from the plain ones: a strong validator would claim they match.
	// (A later request with this tag is let through as it is: see revalidated().)
	const etag = headers.get('etag');
	if (etag && !etag.startsWith('W/')) headers.set('etag', `W/${etag}`);

	return new Response(Readable.toWeb(body) as ReadableStream<Uint8Array>, {
		status: response.status,
		statusText: response.statusText,
		headers
	});
}

/**
 * The browser already holds this page (its If-None-Match names the page's ETag, weak or not):
 * SvelteKit answers 304 after the hooks, comparing with the ETag as it made it, so the response
 * goes back untouched for that.
 */
function revalidated(request: Request, response: Response): boolean {
	const etag = response.headers.get('etag');
	const ifNoneMatch = request.headers.get('if-none-match');
	if (!etag || !ifNoneMatch) return false;
	const strip = (tag: string) => tag.trim().replace(/^W\//, '');
	return ifNoneMatch.split(',').some((tag) => strip(tag) === strip(etag));
}
