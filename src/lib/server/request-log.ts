// What the app writes to stdout: one JSON line per unexpected error, for whatever collects the
// logs of the app's instances. It holds what helps find the fault and nothing about a person:
// the route's pattern (never its address, which can hold a secret link), never a message body,
// and never a database's message (it can quote what someone typed).
import type { RequestEvent } from '@sveltejs/kit';

export interface UnexpectedError {
	time: string;
	level: 'error';
	request_id: string;
	method: string;
	route: string | null;
	status: number;
	code: string;
}

// A request's loads run side by side, and an outage fails each of them: one line says it.
const logged = new WeakSet<App.Locals>();

/** Logs the first unexpected error of a request; later ones in the same request add nothing. */
export function logUnexpected(event: RequestEvent, status: number, code: string): void {
	if (logged.has(event.locals)) return;
	logged.add(event.locals);
	const line: UnexpectedError = {
		time: new Date().toISOString(),
		level: 'error',
		request_id: event.locals.requestId,
		method: event.request.method,
		route: event.route.id,
		status,
		code
	};
	process.stdout.write(`${JSON.stringify(line)}\n`);
}

// Letters and digits that are not mistaken for each other when read out over the phone.
const readable = '23456789abcdefghjkmnpqrstuvwxyz';

/** A request id short enough to pass on by hand ("k7qx2-lpn9v"), unique enough to find one line. */
export function newRequestId(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(10));
	const letters = Array.from(bytes, (byte) => readable[byte % readable.length]).join('');
	return `${letters.slice(0, 5)}-${letters.slice(5)}`;
}

/** A short, stable name for what went wrong: a database or Node error code, or the error's kind. */
export function errorCode(error: unknown): string {
	if (error && typeof error === 'object') {
		const { code, name } = error as { code?: unknown; name?: unknown };
		if (typeof code === 'string' && /^[\w.-]{1,40}$/.test(code)) return code;
		if (typeof name === 'string' && /^\w{1,40}$/.test(name)) return name;
	}
	return 'unknown';
}
