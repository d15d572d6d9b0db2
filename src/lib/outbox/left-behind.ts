// What a person left in the outbox when their session ended without a sign-out (it expired, was
// ended elsewhere, the account was deleted): their waiting or refused items, with their text.
// Someone else on the phone never sees or sends them (outbox.svelte.ts reads the signed-in
// person's only, the server turns away the rest). They wait for their writer to sign in again,
// but not for ever: once the server says someone else, or no one, is signed in, the service
// worker removes those older than the age limit of kept pages. While their writer is the one
// signed in, nothing of theirs is removed, however old.
import { keptTooOld, personKeyOf } from '$lib/pwa/shared-phone';
import type { OutboxItem } from './items';
import { allItems, forget, outboxDatabase } from './store';

/** Whether an item goes, now that the server said `person` (a person key, or 'none') is signed in. */
export function leftBehind(
	item: Pick<OutboxItem, 'at'>,
	ownerKey: string,
	person: string,
	now: number
): boolean {
	return ownerKey !== person && keptTooOld(item.at, now);
}

/** Removes the items left behind (see above); never opens an outbox that was never made. */
export async function dropLeftBehind(person: string, now = Date.now()): Promise<void> {
	const known = await indexedDB.databases?.();
	if (known && !known.some((database) => database.name === outboxDatabase)) return;
	for (const item of await allItems()) {
		if (leftBehind(item, await personKeyOf(String(item.owner)), person, now)) await forget(item.id);
	}
}
