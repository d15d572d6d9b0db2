// Where a request comes from, as far as limits go, and how Supabase Auth learns it. The address
// is adapter-node's `event.getClientAddress()`: the socket's, or the one a trusted proxy wrote
// (ADDRESS_HEADER, XFF_DEPTH), never a header anyone on the internet can make up. Auth calls pass
// it on in `Sb-Forwarded-For` with the project's secret key, the way hosted Supabase allows for
// server-side calls; without it, every person would share the app server's limits.
import { dev } from '$app/environment';
import { env } from '$env/dynamic/private';
import type { RequestEvent } from '@sveltejs/kit';

/** The client's address; IPv4 written plainly, also when the socket speaks IPv6. */
export function clientAddress(event: Pick<RequestEvent, 'getClientAddress'>): string {
	return event.getClientAddress().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
}

let warned = false;

function secretKey(): string | undefined {
	const key = env.SUPABASE_SECRET_KEY;
	if (key) return key;
	if (!dev) {
		throw new Error(
			'SUPABASE_SECRET_KEY must be set (the project secret key, sb_secret_…): without it auth sees every person at the app server’s address, and its limits lock everyone out at once. See README, "Hosted Supabase and deployment".'
		);
	}
	if (!warned) {
		warned = true;
		console.warn('SUPABASE_SECRET_KEY is not set: auth limits count everyone at this address.');
	}
	return undefined;
}

/**
 * A fetch for the per-request supabase client: calls to auth carry the secret key and the
 * person's address; every other call (the database, under the person's own rights) is untouched.
 */
export function authForwardingFetch(
	event: Pick<RequestEvent, 'getClientAddress'>,
	supabaseUrl: string
): typeof fetch {
	const auth = new URL('/auth/v1/', supabaseUrl).href;
	return (input, init) => {
		const url = input instanceof Request ? input.url : String(input);
		if (!url.startsWith(auth)) return fetch(input, init);
		const key = secretKey();
		if (!key) return fetch(input, init);
		const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : {}));
		// A person's own session stays the bearer; only the key's stand-in bearer changes.
		if (headers.get('authorization') === `Bearer ${headers.get('apikey')}`)
			headers.set('authorization', `Bearer ${key}`);
		headers.set('apikey', key);
		headers.set('sb-forwarded-for', clientAddress(event));
		return fetch(input, { ...init, headers });
	};
}
