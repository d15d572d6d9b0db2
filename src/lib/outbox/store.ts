// The outbox on the phone: one IndexedDB store of items, read by their writer only.
import { withSent, type OutboxItem } from './items';

export const outboxDatabase = 'kring-outbox';

let opened: Promise<IDBDatabase> | undefined;

function database(): Promise<IDBDatabase> {
	opened ??= new Promise((resolve, reject) => {
		const request = indexedDB.open(outboxDatabase, 1);
		request.onupgradeneeded = () =>
			request.result.createObjectStore('items', { keyPath: 'id' }).createIndex('owner', 'owner');
		request.onsuccess = () => resolve(request.result);
		request.onerror = () => {
			opened = undefined;
			reject(request.error);
		};
	});
	return opened;
}

async function run<T>(
	mode: IDBTransactionMode,
	act: (items: IDBObjectStore) => IDBRequest<T>
): Promise<T> {
	const transaction = (await database()).transaction('items', mode);
	const request = act(transaction.objectStore('items'));
	// Done only once the transaction is: a put that is not yet on disk is not kept.
	return new Promise((resolve, reject) => {
		transaction.oncomplete = () => resolve(request.result);
		transaction.onerror = transaction.onabort = () => reject(transaction.error);
	});
}

/** One person's items, oldest first. */
export async function itemsOf(owner: string): Promise<OutboxItem[]> {
	const items = await run('readonly', (store) => store.index('owner').getAll(owner));
	return (items as OutboxItem[]).sort((a, b) => a.at - b.at);
}

/** Everyone's items (the service worker's look for what a person left: ./left-behind). */
export async function allItems(): Promise<OutboxItem[]> {
	return (await run('readonly', (store) => store.getAll())) as OutboxItem[];
}

/** Keeps a new item; fails (ConstraintError) rather than replace one kept under its id. */
export const add = (item: OutboxItem) => run('readwrite', (store) => store.add(item));

/** Keeps a changed item (refused, or tried again) over itself. */
export const keep = (item: OutboxItem) => run('readwrite', (store) => store.put(item));

export const forget = (id: string) => run('readwrite', (store) => store.delete(id));

// The client ids of the person's writes that went out from this phone, the last few only: a
// kept page that brings one back gets a fresh one. A small list, read at once: localStorage.
const sentKey = (owner: string) => `kring-outbox-sent-${owner}`;

export function sentIds(owner: string): string[] {
	try {
		const sent: unknown = JSON.parse(localStorage.getItem(sentKey(owner)) ?? '[]');
		return Array.isArray(sent) ? sent.filter((id) => typeof id === 'string') : [];
	} catch {
		return [];
	}
}

export function noteSent(owner: string, id: string) {
	try {
		localStorage.setItem(sentKey(owner), JSON.stringify(withSent(sentIds(owner), id)));
	} catch {
		// No storage: the database still takes each id once.
	}
}

export function forgetSent(owner: string) {
	try {
		localStorage.removeItem(sentKey(owner));
	} catch {
		// Nothing was kept.
	}
}
