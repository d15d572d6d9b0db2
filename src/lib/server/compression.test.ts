import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { chosenEncoding, compressed } from './compression';

const page = `<!doctype html><html lang="nl"><body>${'<p>Hallo, groep! Welkom in Kring.</p>'.repeat(400)}</body></html>`;

function request(acceptEncoding: string | null, init: RequestInit = {}): Request {
	const headers = new Headers(init.headers);
	if (acceptEncoding !== null) headers.set('accept-encoding', acceptEncoding);
	return new Request('http://kring.test/g/feed', { ...init, headers });
}

function htmlResponse(headers: Record<string, string> = {}): Response {
	return new Response(page, {
		headers: {
			'content-type': 'text/html',
			'content-length': String(Buffer.byteLength(page)),
			'x-kring-person': 'abc',
			'x-kring-offline': 'keep',
			...headers
		}
	});
}

describe('compressed', () => {
	it('gzips a page for a request that accepts gzip, identical once decompressed', async () => {
		const response = compressed(request('gzip, deflate'), htmlResponse());
		expect(response.headers.get('content-encoding')).toBe('gzip');
		expect(response.headers.get('content-length')).toBeNull();
		expect(response.headers.get('vary')).toMatch(/accept-encoding/i);
		// The service worker's own headers go along.
		expect(response.headers.get('x-kring-person')).toBe('abc');
		expect(response.headers.get('x-kring-offline')).toBe('keep');
		const body = Buffer.from(await response.arrayBuffer());
		expect(body.length).toBeLessThan(Buffer.byteLength(page) / 5);
		expect(gunzipSync(body).toString('utf8')).toBe(page);
	});

	it('uses brotli when the browser takes it, identical once decompressed', async () => {
		const response = compressed(request('gzip, deflate, br, zstd'), htmlResponse());
		expect(response.headers.get('content-encoding')).toBe('br');
		const body = Buffer.from(await response.arrayBuffer());
		expect(brotliDecompressSync(body).toString('utf8')).toBe(page);
	});

	it('sends a page as it is to a request that takes no compression', async () => {
		for (const accept of [null, 'identity', 'gzip;q=0, br;q=0']) {
			const original = htmlResponse();
			expect(compressed(request(accept), original)).toBe(original);
		}
	});

	it('leaves alone what is not text, already encoded, empty or a HEAD request', () => {
		const image = new Response(new Uint8Array(100), { headers: { 'content-type': 'image/png' } });
		expect(compressed(request('gzip'), image)).toBe(image);
		const encoded = htmlResponse({ 'content-encoding': 'gzip' });
		expect(compressed(request('gzip'), encoded)).toBe(encoded);
		const redirect = new Response(null, { status: 303, headers: { location: '/signin' } });
		expect(compressed(request('gzip'), redirect)).toBe(redirect);
		const head = htmlResponse();
		expect(compressed(request('gzip', { method: 'HEAD' }), head)).toBe(head);
		const noTransform = htmlResponse({ 'cache-control': 'no-transform' });
		expect(compressed(request('gzip'), noTransform)).toBe(noTransform);
	});

	it('makes the ETag weak, and lets a revalidation through for SvelteKit to answer 304', () => {
		const fresh = compressed(request('gzip'), htmlResponse({ etag: '"abc"' }));
		expect(fresh.headers.get('etag')).toBe('W/"abc"');
		const original = htmlResponse({ etag: '"abc"' });
		const again = request('gzip', { headers: { 'if-none-match': 'W/"abc"' } });
		expect(compressed(again, original)).toBe(original);
	});

	it('sends each part of a streamed page as it comes', async () => {
		let sendRest!: () => void;
		const rest = new Promise<void>((resolve) => (sendRest = resolve));
		const encoder = new TextEncoder();
		const streamed = new ReadableStream<Uint8Array>({
			async start(controller) {
				controller.enqueue(encoder.encode('<p>first part</p>'));
				await rest;
				controller.enqueue(encoder.encode('<p>second part</p>'));
				controller.close();
			}
		});
		const response = compressed(
			request('gzip'),
			new Response(streamed, { headers: { 'content-type': 'text/html' } })
		);
		const reader = response.body!.getReader();
		// The first part can be read while the second is still to come.
		const first = await reader.read();
		expect(first.done).toBe(false);
		sendRest();
		const parts = [Buffer.from(first.value!)];
		for (let next = await reader.read(); !next.done; next = await reader.read())
			parts.push(Buffer.from(next.value));
		expect(gunzipSync(Buffer.concat(parts)).toString('utf8')).toBe(
			'<p>first part</p><p>second part</p>'
		);
	});
});

describe('chosenEncoding', () => {
	it('prefers brotli, then gzip, and honours q=0', () => {
		expect(chosenEncoding('gzip, deflate, br')).toBe('br');
		expect(chosenEncoding('gzip')).toBe('gzip');
		expect(chosenEncoding('br;q=0, gzip;q=0.5')).toBe('gzip');
		expect(chosenEncoding('*')).toBe('br');
		expect(chosenEncoding('deflate')).toBeNull();
		expect(chosenEncoding(null)).toBeNull();
	});
});
