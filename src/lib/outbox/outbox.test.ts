// The outbox's queue, with the phone's storage, the network and the browser faked: what it keeps,
// under which client id, and who sends it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OutboxItem, Outcome } from './items';

const phone = vi.hoisted(() => ({
	items: new Map<string, OutboxItem>(),
	sent: new Map<string, string[]>(),
	/** Every client id that went to the server, in order. */
	posted: [] as string[],
	answer: { type: 'sent' } as Outcome
}));

vi.mock('$app/navigation', () => ({ invalidateAll: async () => undefined }));

vi.mock('./store', () => ({
	itemsOf: async (owner: string) =>
		[...phone.items.values()]
			.filter((item) => item.owner === owner)
			.map((item) => structuredClone(item))
			.sort((a, b) => a.at - b.at),
	keep: async (item: OutboxItem) => void phone.items.set(item.id, structuredClone(item)),
	add: async (item: OutboxItem) => {
		if (phone.items.has(item.id)) throw new DOMException('Key already exists', 'ConstraintError');
		phone.items.set(item.id, structuredClone(item));
	},
	forget: async (id: string) => void phone.items.delete(id),
	sentIds: (owner: string) => phone.sent.get(owner) ?? [],
	noteSent: (owner: string, id: string) =>
		void phone.sent.set(owner, [...(phone.sent.get(owner) ?? []), id]),
	forgetSent: (owner: string) => void phone.sent.delete(owner)
}));

vi.mock('./send', () => ({
	send: async (item: OutboxItem) => {
		await new Promise((resolve) => setTimeout(resolve, 5));
		if (phone.answer.type === 'sent') phone.posted.push(clientId(item) ?? '');
		return phone.answer;
	}
}));

const { Outbox } = await import('./outbox.svelte');

const me = 'person-1';
let online = false;
let locks: Pick<LockManager, 'request'> | undefined;
let persist: ReturnType<typeof vi.fn<() => Promise<boolean>>>;

/** Web Locks as the browser gives them: one holder of a name at a time, across tabs. */
function webLocks(): Pick<LockManager, 'request'> {
	const held = new Map<string, Promise<unknown>>();
	const request = (name: string, act: () => Promise<unknown>) => {
		const mine = (held.get(name) ?? Promise.resolve()).then(act);
		held.set(
			name,
			mine.catch(() => undefined)
		);
		return mine;
	};
	return { request } as Pick<LockManager, 'request'>;
}

function clientId(item: Pick<OutboxItem, 'fields'>) {
	return item.fields.find(([name]) => name === 'client_id')?.[1];
}

/** A form as a kept page shows it: the client id the server gave that page. */
function write(outbox: InstanceType<typeof Outbox>, clientId: string, body: string) {
	const form = { dataset: { outbox: 'post', place: 'Groep' } } as unknown as HTMLFormElement;
	const data = new FormData();
	data.set('client_id', clientId);
	data.set('body', body);
	return outbox.keep(form, new URL('http://kring.test/g/1?/post'), data);
}

beforeEach(() => {
	// The outbox's retry timer must not outlive a test.
	vi.useFakeTimers({ shouldAdvanceTime: true });
	phone.items.clear();
	phone.sent.clear();
	phone.posted.length = 0;
	phone.answer = { type: 'sent' };
	online = false;
	locks = undefined;
	persist = vi.fn(async () => false);
	vi.stubGlobal('navigator', {
		storage: { persist: () => persist() },
		get onLine() {
			return online;
		},
		get locks() {
			return locks;
		}
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

it('forgets the ids of the writes that went out as soon as signing out begins', async () => {
	const outbox = new Outbox();
	await outbox.open(me);
	const data = new FormData();
	data.set('client_id', 'went-out');
	outbox.sent(data);
	expect(phone.sent.get(me)).toEqual(['went-out']);
	// Signing out with nothing waiting lets the page go without waiting for the outbox.
	void outbox.clear();
	expect(phone.sent.has(me)).toBe(false);
});

describe('a kept page that brings back the same client id', () => {
	it('gives a write that never left the phone an id of its own, even one no longer remembered as sent', async () => {
		const outbox = new Outbox();
		await outbox.open(me);
		// The page's id went out more than the remembered few writes ago: it is not in the list.
		const form = { dataset: { outbox: 'post', place: 'Groep' } } as unknown as HTMLFormElement;
		const data = new FormData();
		data.set('client_id', 'long-ago-id');
		data.set('body', 'nieuw');
		expect(await outbox.keep(form, new URL('http://kring.test/g/1?/post'), data, true)).toBe(true);
		const [kept] = [...phone.items.values()];
		expect(kept.id).not.toBe('long-ago-id');
		expect(clientId(kept)).toBe(kept.id);
	});

	it('keeps a second write made there beside the first, each with an id of its own', async () => {
		const outbox = new Outbox();
		await outbox.open(me);
		expect(await write(outbox, 'server-id', 'een')).toBe(true);
		expect(await write(outbox, 'server-id', 'twee')).toBe(true);

		const kept = [...phone.items.values()];
		expect(kept.map((item) => item.fields.find(([name]) => name === 'body')?.[1])).toEqual([
			'een',
			'twee'
		]);
		expect(new Set(kept.map((item) => item.id)).size).toBe(2);
		for (const item of kept) expect(clientId(item)).toBe(item.id);
		expect(outbox.items).toHaveLength(2);
	});

	it('never puts a write over one another tab keeps under that id', async () => {
		const other = new Outbox();
		await other.open(me);
		await write(other, 'server-id', 'een');
		const outbox = new Outbox();
		await outbox.open(me);
		outbox.items = [];
		expect(await write(outbox, 'server-id', 'twee')).toBe(true);
		expect(phone.items.size).toBe(2);
	});

	it('sends a second write made there after the first went, under a new id', async () => {
		const outbox = new Outbox();
		await outbox.open(me);
		await write(outbox, 'server-id', 'een');
		online = true;
		await outbox.flush(true);
		expect(phone.posted).toEqual(['server-id']);

		online = false;
		await write(outbox, 'server-id', 'twee');
		online = true;
		await outbox.flush(true);
		expect(phone.posted).toHaveLength(2);
		expect(phone.posted[1]).not.toBe('server-id');
		expect(phone.items.size).toBe(0);
	});

	it('keeps the same id on every try of one item', async () => {
		const outbox = new Outbox();
		await outbox.open(me);
		await write(outbox, 'server-id', 'een');
		online = true;
		phone.answer = { type: 'later' };
		await outbox.flush(true);
		await outbox.flush(true);
		phone.answer = { type: 'sent' };
		await outbox.flush(true);
		expect(phone.posted).toEqual(['server-id']);
	});
});

describe('two tabs that flush at once', () => {
	it('send each item once, in order', async () => {
		locks = webLocks();
		const one = new Outbox();
		await one.open(me);
		await write(one, 'c1', 'komt');
		await write(one, 'c2', 'komt niet');
		const two = new Outbox();
		await two.open(me);
		expect(two.items).toHaveLength(2);

		online = true;
		await Promise.all([one.flush(true), two.flush(true)]);
		expect(phone.posted).toEqual(['c1', 'c2']);
		expect(phone.items.size).toBe(0);
		expect(two.items).toEqual([]);
	});

	it('still send without Web Locks (an older Safari)', async () => {
		const one = new Outbox();
		await one.open(me);
		await write(one, 'c1', 'een');
		online = true;
		await one.flush(true);
		expect(phone.posted).toEqual(['c1']);
	});
});

describe('the storage the outbox lives in', () => {
	it('is asked to stay when the first item comes in, and a refusal changes nothing', async () => {
		const outbox = new Outbox();
		await outbox.open(me);
		expect(persist).not.toHaveBeenCalled();
		expect(await write(outbox, 'c1', 'een')).toBe(true);
		expect(persist).toHaveBeenCalledTimes(1);
		expect(await write(outbox, 'c2', 'twee')).toBe(true);
		expect(persist).toHaveBeenCalledTimes(1);
		expect(phone.items.size).toBe(2);
	});
});
