// The outbox loads how it sends (send.ts) only when something waits. On a weak connection that
// load can fail once; the outbox must try it again later, not give up sending in this tab.
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { OutboxItem } from './items';

const phone = vi.hoisted(() => ({
	items: new Map<string, OutboxItem>(),
	/** How often the browser was asked for send.ts, and how often it failed to bring it. */
	loads: 0,
	failedLoads: 1,
	posted: [] as string[]
}));

vi.mock('$app/navigation', () => ({ invalidateAll: async () => undefined }));

vi.mock('./store', () => ({
	itemsOf: async (owner: string) =>
		[...phone.items.values()].filter((item) => item.owner === owner).sort((a, b) => a.at - b.at),
	keep: async (item: OutboxItem) => void phone.items.set(item.id, item),
	add: async (item: OutboxItem) => void phone.items.set(item.id, item),
	forget: async (id: string) => void phone.items.delete(id),
	sentIds: () => [],
	noteSent: () => undefined,
	forgetSent: () => undefined
}));

vi.mock('./send', () => {
	phone.loads++;
	if (phone.loads <= phone.failedLoads) {
		throw new TypeError('Failed to fetch dynamically imported module: /_app/immutable/send.js');
	}
	return {
		send: async (item: OutboxItem) => {
			phone.posted.push(item.id);
			return { type: 'sent' };
		}
	};
});

const { Outbox } = await import('./outbox.svelte');

beforeEach(() => {
	vi.useFakeTimers({ shouldAdvanceTime: true });
	vi.stubGlobal('navigator', {
		onLine: true
	});
	vi.stubGlobal('location', { pathname: '/g/1' });
	vi.stubGlobal('addEventListener', () => undefined);
	vi.stubGlobal('document', { addEventListener: () => undefined, visibilityState: 'visible' });
});

afterEach(() => {
	vi.clearAllTimers();
	vi.useRealTimers();
	vi.unstubAllGlobals();
});

it('sends what waits once send.ts loads, after its first load failed', async () => {
	phone.items.set('c1', {
		id: 'c1',
		owner: 'person-1',
		kind: 'post',
		action: '/g/1?/post',
		page: '/g/1',
		place: 'Groep',
		fields: [
			['client_id', 'c1'],
			['body', 'een']
		],
		at: 1
	});
	const outbox = new Outbox();
	// Kring opens with an item waiting: the first load of send.ts fails (the connection dropped).
	await outbox.open('person-1');
	expect(phone.loads).toBe(1);
	expect(phone.posted).toEqual([]);
	// The connection is back: the outbox tries again.
	await outbox.flush(true);
	expect(phone.posted).toEqual(['c1']);
	expect(outbox.items).toEqual([]);
});
