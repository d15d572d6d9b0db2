// The fetch the database client (locals.supabase) makes its calls with: node:http(s) over kept-alive
// connections, the answer read whole into a Response. Measured under `npm run bench` load, Node's
// built-in fetch (undici and its web streams) spent 1.3–1.7 ms of the app's CPU per call, this one
// about half that; every signed-in page makes two calls. The answers are small JSON documents read
// whole by supabase-js anyway, so nothing is lost by not streaming them.
import http from 'node:http';
import https from 'node:https';

// With a timeout set, the agent also honours the server's "Keep-Alive: timeout=…" and lets an idle
// connection go a second before the server would close it.
const agents = {
	'http:': new http.Agent({ keepAlive: true, timeout: 60_000 }),
	'https:': new https.Agent({ keepAlive: true, timeout: 60_000 })
};

export const databaseFetch: typeof fetch = (input, init) => {
	if (input instanceof Request) return fetch(input, init);
	const url = new URL(input);
	const transport = url.protocol === 'https:' ? https : url.protocol === 'http:' ? http : null;
	// Anything unusual (a stream as the body, another scheme) goes the usual way.
	const body = init?.body;
	if (!transport || (body != null && typeof body !== 'string')) return fetch(input, init);
	const headers: Record<string, string> = {};
	new Headers(init?.headers).forEach((value, name) => (headers[name] = value));
	if (body != null) headers['content-length'] = String(Buffer.byteLength(body));
	const signal = init?.signal;
	const send = (retry: boolean) =>
		new Promise<Response>((resolve, reject) => {
			if (signal?.aborted) return reject(signal.reason);
			const request = transport.request(
				url,
				{
					method: init?.method ?? 'GET',
					headers,
					agent: agents[url.protocol as keyof typeof agents],
					signal: signal ?? undefined
				},
				(response) => {
					const chunks: Buffer[] = [];
					response.on('data', (chunk: Buffer) => chunks.push(chunk));
					response.on('error', reject);
					response.on('end', () => {
						const answer = new Headers();
						for (const [name, value] of Object.entries(response.headers)) {
							for (const one of Array.isArray(value) ? value : [value ?? ''])
								answer.append(name, one);
						}
						const status = response.statusCode ?? 500;
						// A Response cannot carry a body with 204 or 304.
						const empty = status === 204 || status === 304;
						resolve(
							new Response(empty ? null : Buffer.concat(chunks), {
								status,
								statusText: response.statusMessage,
								headers: answer
							})
						);
					});
				}
			);
			request.on('error', (error: NodeJS.ErrnoException) => {
				// A kept connection the server closed as idle just as it was reused (a server closes
				// only a connection with no request in flight): sent once more on a new one, as Node's
				// documentation advises. Under load the bench saw a few calls fail this way.
				if (retry && request.reusedSocket && error.code === 'ECONNRESET' && !signal?.aborted) {
					resolve(send(false));
					return;
				}
				// As fetch does: a failed connection is a TypeError, an abort is the signal's reason.
				reject(signal?.aborted ? signal.reason : new TypeError('fetch failed', { cause: error }));
			});
			request.end(body ?? undefined);
		});
	return send(true);
};
