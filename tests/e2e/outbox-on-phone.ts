// The phone's outbox (IndexedDB 'kring-outbox', src/lib/outbox/store.ts) as the journeys plant
// items in it and look into it: what a person left there, or what someone holding the phone put.
import type { Page } from '@playwright/test';

/** Puts items in the phone's outbox as the outbox keeps them (made first if it is not there). */
export async function plantOutboxItems(page: Page, items: Array<Record<string, unknown>>) {
	await page.evaluate(async (items) => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const request = indexedDB.open('kring-outbox', 1);
			request.onupgradeneeded = () =>
				request.result.createObjectStore('items', { keyPath: 'id' }).createIndex('owner', 'owner');
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(request.error);
		});
		const transaction = db.transaction('items', 'readwrite');
		for (const item of items) transaction.objectStore('items').add(item);
		await new Promise((resolve, reject) => {
			transaction.oncomplete = resolve;
			transaction.onerror = () => reject(transaction.error);
		});
		db.close();
	}, items);
}

/** How many items the phone's outbox holds, of anyone. */
export function outboxItemsOnPhone(page: Page): Promise<number> {
	return page.evaluate(
		() =>
			new Promise<number>((resolve, reject) => {
				const request = indexedDB.open('kring-outbox');
				request.onerror = () => reject(request.error);
				request.onsuccess = () => {
					const count = request.result.transaction('items').objectStore('items').count();
					count.onsuccess = () => resolve(count.result);
				};
			})
	);
}
