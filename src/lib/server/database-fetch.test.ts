import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { databaseFetch } from './database-fetch';

describe('databaseFetch answers as fetch does', () => {
	let server: http.Server;
	let base: string;
	const connections = new Set<number>();

	beforeAll(async () => {
		server = http.createServer((request, response) => {
			connections.add(request.socket.remotePort ?? 0);
			let body = '';
			request.on('data', (chunk) => (body += chunk));
			request.on('end', () => {
				if (request.url === '/empty') {
					response.writeHead(204, { 'content-range': '*/0' }).end();
					return;
				}
				if (request.url === '/slow') return; // never answers
				// Closes a kept connection when it is used again, as a server closing it as idle would.
				if (request.url === '/once-per-connection') {
					const socket = request.socket as typeof request.socket & { used?: boolean };
					if (socket.used) {
						socket.destroy();
						return;
					}
					socket.used = true;
				}
				response.writeHead(request.url === '/refused' ? 403 : 200, {
					'content-type': 'application/json',
					'x-two': ['a', 'b']
				});
				response.end(
					JSON.stringify({
						method: request.method,
						authorization: request.headers.authorization,
						body
					})
				);
			});
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});
	afterAll(() => {
		server.closeAllConnections();
		server.close();
	});

	test('sends the method, headers and body, and gives status, headers and body back', async () => {
		const response = await databaseFetch(`${base}/rpc`, {
			method: 'POST',
			headers: new Headers({ authorization: 'Bearer t', 'content-type': 'application/json' }),
			body: '{"ä":1}'
		});
		expect(response.status).toBe(200);
		expect(response.ok).toBe(true);
		expect(response.headers.get('content-type')).toBe('application/json');
		expect(response.headers.get('x-two')).toBe('a, b');
		expect(await response.json()).toEqual({
			method: 'POST',
			authorization: 'Bearer t',
			body: '{"ä":1}'
		});
	});

	test('an error status is an answer, not a failure; 204 has no body', async () => {
		const refused = await databaseFetch(new URL(`${base}/refused`), { headers: { a: 'b' } });
		expect(refused.status).toBe(403);
		expect(refused.ok).toBe(false);
		const empty = await databaseFetch(`${base}/empty`, { method: 'HEAD' });
		expect(empty.status).toBe(204);
		expect(empty.headers.get('content-range')).toBe('*/0');
		expect(await empty.text()).toBe('');
	});

	test('keeps the connection for the next call', async () => {
		connections.clear();
		for (let call = 0; call < 3; call++) await (await databaseFetch(`${base}/again`)).text();
		expect(connections.size).toBe(1);
	});

	test('a kept connection closed as it is reused: sent again on a new one', async () => {
		connections.clear();
		const first = await databaseFetch(`${base}/once-per-connection`, { method: 'POST', body: '1' });
		expect(first.status).toBe(200);
		await first.text();
		const second = await databaseFetch(`${base}/once-per-connection`, {
			method: 'POST',
			body: '2'
		});
		expect(second.status).toBe(200);
		expect(await second.json()).toEqual(expect.objectContaining({ body: '2' }));
		expect(connections.size).toBe(2);
	});

	test('an abort and a refused connection fail as with fetch', async () => {
		const controller = new AbortController();
		const pending = databaseFetch(`${base}/slow`, { signal: controller.signal });
		controller.abort(new Error('gave up'));
		await expect(pending).rejects.toThrow('gave up');
		await expect(databaseFetch('http://127.0.0.1:1/')).rejects.toThrow(TypeError);
	});
});
