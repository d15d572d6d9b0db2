import { beforeEach, describe, expect, it, vi } from 'vitest';
import { refreshInBackground } from './background-refresh';

let online = true;
let whenOnline: (() => void) | undefined;
const network = vi.fn<typeof fetch>();
const page = { fetch: ((input, init) => network(input, init)) as typeof fetch };

beforeEach(() => {
	online = true;
	whenOnline = undefined;
	network.mockReset();
	vi.stubGlobal('window', page);
	vi.stubGlobal('location', { href: 'http://kring.test/g/1' });
	vi.stubGlobal('navigator', {
		get onLine() {
			return online;
		}
	});
	vi.stubGlobal('addEventListener', (type: string, listener: () => void) => {
		if (type === 'online') whenOnline = listener;
	});
});

const pageData = () => window.fetch('/g/1/__data.json?x-sveltekit-invalidated=11', {});

describe('refreshInBackground', () => {
	it("loads a page's data again once the connection is back, instead of failing", async () => {
		network.mockRejectedValueOnce(new TypeError('Failed to fetch'));
		network.mockResolvedValueOnce(new Response('{"type":"data"}'));
		const refresh = refreshInBackground(() => {
			online = false;
			return pageData();
		});
		await vi.waitFor(() => expect(whenOnline).toBeDefined());
		expect(network).toHaveBeenCalledTimes(1);
		online = true;
		whenOnline?.();
		await expect((await refresh).text()).resolves.toBe('{"type":"data"}');
		expect(network).toHaveBeenCalledTimes(2);
	});

	it('loads them again when the connection drops while they come', async () => {
		const broken = new ReadableStream({
			start: (stream) => stream.error(new TypeError('network'))
		});
		network.mockResolvedValueOnce(new Response(broken));
		network.mockResolvedValueOnce(new Response('{"type":"data"}'));
		const refresh = refreshInBackground(() => {
			online = false;
			return pageData();
		});
		await vi.waitFor(() => expect(whenOnline).toBeDefined());
		online = true;
		whenOnline?.();
		await expect((await refresh).text()).resolves.toBe('{"type":"data"}');
		expect(network).toHaveBeenCalledTimes(2);
	});

	it("fails as before outside a refresh, and for anything but a page's data", async () => {
		await refreshInBackground(async () => undefined);
		network.mockRejectedValue(new TypeError('Failed to fetch'));
		await expect(pageData()).rejects.toThrow('Failed to fetch');
		await expect(
			refreshInBackground(() => window.fetch('/g/1?/post', { method: 'POST' }))
		).rejects.toThrow('Failed to fetch');
		expect(network).toHaveBeenCalledTimes(2);
	});
});
