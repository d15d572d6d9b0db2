// What the outbox keeps of a write made without a connection, and what an answer from the server
// means for it. No browser storage here, so it can be tested on its own.
import type { ActionResult } from '@sveltejs/kit';

export type OutboxKind = 'post' | 'answer' | 'reaction' | 'rsvp';

export interface OutboxItem {
	/** The write's client id: the same on every try, so the database keeps it once. */
	id: string;
	/** The signed-in person who wrote it: only they see it, only as them is it sent. */
	owner: string;
	kind: OutboxKind;
	/** The form action it goes to, as the page would have sent it. */
	action: string;
	/** The page it was written on: where it shows as waiting. */
	page: string;
	/** Where it was written, in words (the group or the meetup). */
	place: string;
	fields: [string, string][];
	/** When it was kept: items are sent in this order, so a later answer stays the last one. */
	at: number;
	/** The server's words when it refused the item; it stays until the person dismisses it. */
	refused?: string;
}

/**
 * sent: it arrived (or had arrived before). refused: the server said no, in words. later: no
 * answer worth believing (no connection, a server error). stop: the session is not the writer's.
 */
export type Outcome =
	{ type: 'sent' } | { type: 'refused'; words: string } | { type: 'later' } | { type: 'stop' };

/** The header that tells the server whose outbox an item comes from (checked in hooks.server.ts). */
export const ownerHeader = 'x-kring-outbox-for';
/**
 * The same for a write sent straight from its form (a form cannot carry a header): a tab still
 * showing someone who is no longer signed in must not write as whoever is signed in now.
 */
export const ownerParameter = 'kring-for';

/**
 * The form actions an outbox item may go to, by route: a post, an answer, a reaction, an RSVP.
 * Anyone holding a shared phone can change what its IndexedDB keeps; an item planted for another
 * form of the account (its email and password, leaving a group) must not go out as its owner.
 */
const outboxActions: Record<string, readonly string[]> = {
	'/(app)/g/[group=uuid]': ['post'],
	'/(app)/g/[group=uuid]/p/[post=uuid]': ['comment', 'react'],
	'/(app)/m/[meetup=uuid]': ['rsvp']
};

/** Whether a request sent by the outbox goes to one of its own form actions (hooks.server.ts). */
export function outboxActionAllowed(routeId: string | null, method: string, url: URL): boolean {
	if (method !== 'POST' || !routeId) return false;
	const names = outboxActions[routeId];
	// SvelteKit takes the action's name from the first '?/name' of the address.
	const action = [...url.searchParams.keys()].find((key) => key.startsWith('/'));
	return Boolean(names && action && names.includes(action.slice(1)));
}

/** What the server's answer to an outbox item means; `fallback` names a refusal without words. */
export function outcomeOf(
	status: number,
	result: ActionResult | undefined,
	fallback: string
): Outcome {
	// 409: signed in as someone else (or no one) since: never send as them, keep it for its writer.
	if (status === 409) return { type: 'stop' };
	if (!result) return { type: 'later' };
	if (result.type === 'success' || result.type === 'redirect') return { type: 'sent' };
	if (result.type === 'failure')
		return { type: 'refused', words: refusalWords(result.data) ?? fallback };
	// A page that is gone or a request the server will never take is a refusal; the rest may pass.
	return status >= 400 && status < 500 && status !== 408 && status !== 429
		? { type: 'refused', words: fallback }
		: { type: 'later' };
}

/** The words of a refusal: beside the field first, then the form's message, then a page's problem. */
export function refusalWords(data: Record<string, unknown> | undefined): string | undefined {
	const form = data?.form as
		{ errors?: Record<string, unknown>; message?: { text?: string } } | undefined;
	for (const errors of Object.values(form?.errors ?? {})) {
		if (Array.isArray(errors) && typeof errors[0] === 'string') return errors[0];
	}
	if (typeof data?.problem === 'string') return data.problem;
	return form?.message?.text;
}

/** How many client ids of writes that went out are remembered per person. */
export const sentKept = 50;

/** The remembered ids of writes that went out, with `id` as the newest, the oldest let go. */
export function withSent(sent: string[], id: string): string[] {
	return [...sent.filter((known) => known !== id), id].slice(-sentKept);
}

/**
 * The item under a client id of its own: a fresh one when `used` says its id is taken. A kept
 * page brings back the id the server gave it each time it opens offline; a second write there
 * would replace the first, or be taken for it by the database once the first went.
 */
export function withFreeId(item: OutboxItem, used: (id: string) => boolean): OutboxItem {
	if (!used(item.id)) return item;
	const id = crypto.randomUUID();
	return {
		...item,
		id,
		fields: item.fields.map(([name, value]) => [name, name === 'client_id' ? id : value])
	};
}

/** Seconds between tries while items wait: short at first, never more than a minute. */
export function retryDelay(tries: number): number {
	return Math.min(60, 2 ** Math.min(tries, 6)) * 1000;
}

/** What the person wrote in it, to copy when it was refused. */
export function writtenText(item: Pick<OutboxItem, 'fields'>): string {
	const field = item.fields.find(([name]) => name === 'body' || name === 'note');
	return field?.[1] ?? '';
}

/** One field's value. */
export function field(item: Pick<OutboxItem, 'fields'>, name: string): string | undefined {
	return item.fields.find(([key]) => key === name)?.[1];
}
