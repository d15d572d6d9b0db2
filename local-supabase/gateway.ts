// One API port, as Supabase's gateway: checks the apikey, then routes /rest/v1 to PostgREST and
// /auth/v1 to the auth service, answering its own errors in Supabase's JSON shapes.
import http from 'node:http';

export interface GatewayOptions {
	port: number;
	apiKeys: string[];
	/** Secret keys (`sb_secret_…`, not JWTs) and the service-role JWT each stands for. */
	secretKeys: Map<string, string>;
	postgrestUrl: string;
	auth: (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>;
}

/** One routed request as the gateway saw it: what the benchmark counts per page view. */
export interface GatewayCall {
	service: 'rest' | 'auth';
	method: string;
	path: string;
	/** performance.now() when the request arrived and when its response was sent. */
	startedAt: number;
	endedAt: number;
}

export interface Gateway {
	url: string;
	/** Tells `listener` of every routed request once answered; returns the way to stop. */
	observe(listener: (call: GatewayCall) => void): () => void;
	stop(): Promise<void>;
}

const corsHeaders = {
	'access-control-allow-origin': '*',
	'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS, HEAD',
	'access-control-allow-headers':
		'authorization, apikey, content-type, accept, accept-profile, content-profile, prefer, range, x-client-info, x-supabase-api-version',
	'access-control-expose-headers': 'content-range, content-location, x-supabase-api-version',
	'access-control-max-age': '3600'
};

function sendJson(res: http.ServerResponse, status: number, body: object): void {
	res.writeHead(status, { ...corsHeaders, 'content-type': 'application/json; charset=utf-8' });
	res.end(JSON.stringify(body));
}

function apiKeyOf(req: http.IncomingMessage, url: URL): string | undefined {
	const header = req.headers['apikey'];
	return (
		(Array.isArray(header) ? header[0] : header) ?? url.searchParams.get('apikey') ?? undefined
	);
}

export function startGateway(options: GatewayOptions): Promise<Gateway> {
	const postgrest = new URL(options.postgrestUrl);
	const keys = new Set(options.apiKeys);
	const observers = new Set<(call: GatewayCall) => void>();

	const server = http.createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://gateway');
		if (req.method === 'OPTIONS') {
			res.writeHead(204, corsHeaders);
			return res.end();
		}
		const service = url.pathname.startsWith('/rest/v1')
			? 'rest'
			: url.pathname.startsWith('/auth/v1')
				? 'auth'
				: undefined;
		if (!service) return sendJson(res, 404, { message: 'no Route matched with those values' });
		if (observers.size > 0) {
			const [method, path, startedAt] = [req.method ?? 'GET', url.pathname, performance.now()];
			res.once('finish', () => {
				const call: GatewayCall = { service, method, path, startedAt, endedAt: performance.now() };
				for (const observer of observers) observer(call);
			});
		}

		const apikey = apiKeyOf(req, url);
		if (!apikey) {
			return sendJson(res, 401, {
				message: 'No API key found in request',
				hint: 'No `apikey` request header or url param was found.'
			});
		}
		if (!keys.has(apikey) && !options.secretKeys.has(apikey)) {
			return sendJson(res, 401, {
				message: 'Invalid API key',
				hint: 'Double check your Supabase `anon` or `service_role` API key.'
			});
		}
		// A REST request with only an apikey acts as that key's role, as on hosted Supabase. A secret
		// key is no JWT: as on hosted Supabase, it stands for the service role's.
		const serviceRole = options.secretKeys.get(apikey);
		if (serviceRole && [undefined, `Bearer ${apikey}`].includes(req.headers.authorization))
			req.headers.authorization = `Bearer ${serviceRole}`;
		else if (service === 'rest' && !req.headers.authorization)
			req.headers.authorization = `Bearer ${apikey}`;
		const forwarded = req.headers['x-forwarded-for'];
		const client = req.socket.remoteAddress ?? '';
		req.headers['x-forwarded-for'] = forwarded ? `${forwarded}, ${client}` : client;

		const prefix = service === 'rest' ? '/rest/v1' : '/auth/v1';
		const rest = url.pathname.slice(prefix.length) || '/';
		req.url = rest + url.search;

		if (service === 'auth') {
			for (const [name, value] of Object.entries(corsHeaders)) res.setHeader(name, value);
			options.auth(req, res).catch(() => {
				if (!res.headersSent)
					sendJson(res, 500, {
						code: 500,
						error_code: 'unexpected_failure',
						msg: 'Unexpected failure'
					});
				else res.end();
			});
			return;
		}

		const upstream = http.request(
			{
				host: postgrest.hostname,
				port: postgrest.port,
				method: req.method,
				path: req.url,
				headers: { ...req.headers, host: postgrest.host }
			},
			(upstreamRes) => {
				res.writeHead(upstreamRes.statusCode ?? 502, { ...upstreamRes.headers, ...corsHeaders });
				upstreamRes.pipe(res);
			}
		);
		upstream.on('error', () => {
			if (!res.headersSent) {
				sendJson(res, 502, {
					message: 'An invalid response was received from the upstream server'
				});
			} else res.destroy();
		});
		req.pipe(upstream);
	});

	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port, '127.0.0.1', () =>
			resolve({
				url: `http://127.0.0.1:${options.port}`,
				observe: (listener) => {
					observers.add(listener);
					return () => observers.delete(listener);
				},
				stop: () =>
					new Promise<void>((done) => {
						server.close(() => done());
						server.closeAllConnections();
					})
			})
		);
	});
}
