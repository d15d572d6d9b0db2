// Reading requests and writing responses the way GoTrue does, errors included.
import type http from 'node:http';
import net from 'node:net';

const maxBodyBytes = 100 * 1024;

/** An error GoTrue would answer with: the HTTP status and its machine-readable code. */
export class AuthError extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		message: string,
		readonly extra: Record<string, unknown> = {}
	) {
		super(message);
	}
}

export const badRequest = (code: string, message: string) => new AuthError(400, code, message);

export function readJson(req: http.IncomingMessage): Promise<Record<string, unknown>> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		// A body over the limit is read to its end and dropped, so the client still gets its answer.
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size <= maxBodyBytes) chunks.push(chunk);
		});
		req.on('error', () => reject(badRequest('bad_json', 'Could not read the request body')));
		req.on('end', () => {
			if (size > maxBodyBytes) {
				return reject(new AuthError(413, 'request_too_large', 'Request body is too large'));
			}
			const text = Buffer.concat(chunks).toString('utf8');
			if (text.trim() === '') return resolve({});
			try {
				const body: unknown = JSON.parse(text);
				if (typeof body !== 'object' || body === null || Array.isArray(body)) {
					return reject(badRequest('bad_json', 'Request body must be a JSON object'));
				}
				resolve(body as Record<string, unknown>);
			} catch {
				reject(badRequest('bad_json', 'Could not parse request body as JSON'));
			}
		});
	});
}

export function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
	res.statusCode = status;
	res.setHeader('content-type', 'application/json');
	res.end(JSON.stringify(body));
}

/**
 * Clients that send `X-Supabase-Api-Version: 2024-01-01` (supabase-js does) get
 * `{ code, message }`; older ones get `{ code: <status>, error_code, msg }` — as GoTrue answers.
 */
export function sendError(
	req: http.IncomingMessage,
	res: http.ServerResponse,
	error: AuthError
): void {
	const version = req.headers['x-supabase-api-version'];
	if (typeof version === 'string' && version >= '2024-01-01') {
		res.setHeader('x-supabase-api-version', '2024-01-01');
		sendJson(res, error.status, { code: error.code, message: error.message, ...error.extra });
	} else {
		sendJson(res, error.status, {
			code: error.status,
			error_code: error.code,
			msg: error.message,
			...error.extra
		});
	}
}

export function bearerToken(req: http.IncomingMessage): string | undefined {
	const header = req.headers.authorization;
	const match = typeof header === 'string' ? /^Bearer (\S+)$/i.exec(header) : null;
	return match?.[1];
}

/**
 * The address limits and sessions count against. A request made with a secret key (the app's
 * server) may name the person's address in `Sb-Forwarded-For`; its leftmost value counts when it
 * is an IP address, as GoTrue reads it. Otherwise: the address the gateway saw, the last entry of
 * X-Forwarded-For, which the gateway appends (earlier entries come from the client and could be
 * made up to dodge the limits).
 */
export function clientAddress(req: http.IncomingMessage, secretKeys: readonly string[]): string {
	const forwarded = req.headers['sb-forwarded-for'];
	const apikey = req.headers['apikey'];
	if (typeof forwarded === 'string' && typeof apikey === 'string' && secretKeys.includes(apikey)) {
		const named = forwarded.split(',')[0].trim();
		if (net.isIP(named)) return named;
	}
	const seen = req.headers['x-forwarded-for'];
	const last = (Array.isArray(seen) ? seen.at(-1) : seen)?.split(',').at(-1)?.trim();
	return last || req.socket.remoteAddress || 'unknown';
}
