// One try at sending an outbox item, as `use:enhance` would have sent its form. Loaded only when
// something waits, so a page with an empty outbox does not carry it.
import { deserialize } from '$app/forms';
import { m } from '$lib/paraglide/messages';
import { outcomeOf, ownerHeader, type OutboxItem, type Outcome } from './items';

export async function send(item: OutboxItem): Promise<Outcome> {
	const body = new FormData();
	for (const [name, value] of item.fields) body.append(name, value);
	try {
		const response = await fetch(item.action, {
			method: 'POST',
			body,
			// Whose it is, too: the server refuses it for anyone else (hooks.server.ts).
			headers: {
				accept: 'application/json',
				'x-sveltekit-action': 'true',
				[ownerHeader]: item.owner
			}
		});
		const result = await response.text().then(deserialize, () => undefined);
		return outcomeOf(response.status, result, m.error_something_wrong());
	} catch {
		return { type: 'later' };
	}
}
