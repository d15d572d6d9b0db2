// The outbox: a post, answer, reaction or RSVP made without a connection waits on the phone and is
// sent when the connection is back, in the order it was made, by the form action it was meant
// for. Each keeps its client id on every try, so the database takes it once however often it
// goes. It flushes when Kring opens, on the `online` event, when the app comes back into view
// and on a short timer while items wait (Background Sync exists only in Chromium).
import { invalidateAll } from '$app/navigation';
import { refreshInBackground } from '$lib/background-refresh';
import { nextTask } from '$lib/next-task';
import { ownerParameter, retryDelay, withFreeId, type OutboxItem } from './items';
import { add, forget, forgetSent, itemsOf, keep, noteSent, sentIds } from './store';

/**
 * Two tabs of Kring must not send the same items at once (an older RSVP arriving after a newer
 * one would win): Web Locks, in Chromium and Safari from 15.4. Without them each tab sends alone.
 */
async function oneTabAtATime(name: string, act: () => Promise<boolean>): Promise<boolean> {
	const locks = navigator.locks as LockManager | undefined;
	return locks ? await locks.request(name, act) : act();
}

/**
 * Asks that the site's storage stay: under pressure a phone may otherwise wipe it whole, the
 * outbox with it. A refusal changes nothing; the item is kept either way.
 */
function keepStorage() {
	navigator.storage?.persist?.().catch(() => undefined);
}

let sending: Promise<typeof import('./send')> | undefined;
/**
 * How an item is sent: loaded once, and only when something waits. A load that failed (the
 * connection dropped, no service worker to answer) is tried again on the next flush: kept as
 * failed, this tab would never send again until reloaded.
 */
const sender = () =>
	(sending ??= import('./send').catch((problem: unknown) => {
		sending = undefined;
		throw problem;
	}));

export class Outbox {
	/**
	 * The signed-in person's items, oldest first; no one else's are ever read. Raw: each change is
	 * a new array of plain objects, which IndexedDB can store (it cannot clone a state proxy).
	 */
	items = $state.raw<OutboxItem[]>([]);
	waiting = $derived(this.items.filter((item) => !item.refused));
	#owner: string | null = null;
	#sending = false;
	#tries = 0;
	#timer: ReturnType<typeof setTimeout> | undefined;
	#listening = false;

	/**
	 * A write sent now from this person's page goes only as them: signed in as someone else since
	 * (a shared phone), the server turns it away (hooks.server.ts) and it waits here for them.
	 */
	mark(action: URL) {
		if (this.#owner) action.searchParams.set(ownerParameter, this.#owner);
	}

	/** The signed-in layout names its person; the outbox then holds and sends theirs only. */
	async open(owner: string | null) {
		if (owner === this.#owner) return;
		this.#owner = owner;
		this.items = [];
		this.#tries = 0;
		clearTimeout(this.#timer);
		if (!this.#listening) {
			this.#listening = true;
			addEventListener('online', () => this.flush(true));
			document.addEventListener('visibilitychange', () => {
				if (document.visibilityState === 'visible') void this.flush(true);
			});
		}
		if (!owner) return;
		const reading = this.#read(owner);
		this.#reading = reading;
		if (await reading) await this.flush();
	}

	/** The phone's items of the person shown, once read (start-up leaves that for later). */
	#reading: Promise<boolean> = Promise.resolve(true);

	/** Resolves once the phone's items of the person shown were read (signing out waits for it). */
	async read(): Promise<void> {
		await this.#reading;
	}

	async #read(owner: string): Promise<boolean> {
		// Reading the phone's storage waits until the page is shown (the first use of IndexedDB
		// is a long moment on a slow phone); a write made before then is kept all the same.
		await nextTask();
		if (owner !== this.#owner) return false;
		const items = await itemsOf(owner).catch(() => []);
		if (owner !== this.#owner) return false;
		this.items = items;
		return true;
	}

	/** Whether a write waits here instead of going now: no connection, or older ones wait still. */
	takesNow(): boolean {
		return this.#owner !== null && (!navigator.onLine || this.waiting.length > 0);
	}

	/**
	 * Keeps a form's write to send later. The form says what it is (`data-outbox`) and where
	 * (`data-place`). False when it cannot: no one known, or no storage on this phone. `unsent`: it
	 * never left the phone, so it takes a client id of its own. The page's may be one that went
	 * out long ago from a kept copy of the page (only the last few are remembered), and the
	 * database would take the write for that earlier one.
	 */
	async keep(form: HTMLFormElement, action: URL, data: FormData, unsent = false): Promise<boolean> {
		const owner = this.#owner;
		const kind = form.dataset.outbox as OutboxItem['kind'] | undefined;
		const id = data.get('client_id');
		if (!owner || !kind || typeof id !== 'string') return false;
		let item: OutboxItem = {
			id,
			owner,
			kind,
			action: action.pathname + action.search,
			page: location.pathname,
			place: form.dataset.place ?? '',
			fields: [...data].filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
			at: Date.now()
		};
		// Never over a waiting item, nor under the id of one that went (a kept page brings its id back).
		const sent = sentIds(owner);
		item = withFreeId(
			item,
			(taken) => unsent || sent.includes(taken) || this.items.some((kept) => kept.id === taken)
		);
		try {
			await add(item).catch(async (error: unknown) => {
				// Another tab keeps one under this id.
				if (!(error instanceof DOMException && error.name === 'ConstraintError')) throw error;
				item = withFreeId(item, () => true);
				await add(item);
			});
		} catch {
			return false;
		}
		if (!this.items.length) keepStorage();
		const added = item;
		this.items = [...this.items.filter((kept) => kept.id !== added.id), added];
		void this.flush();
		return true;
	}

	/** Sends what waits, oldest first, until all went or the connection fails again. */
	async flush(fresh = false) {
		if (fresh) this.#tries = 0;
		if (this.#sending || !this.#owner || !this.waiting.length || !navigator.onLine) {
			return this.#later();
		}
		const owner = this.#owner;
		this.#sending = true;
		clearTimeout(this.#timer);
		let sent = false;
		try {
			sent = await oneTabAtATime(`kring-outbox-${owner}`, () => this.#send(owner));
		} catch {
			// The phone's storage failed: what is kept stays, and the timer tries again.
		} finally {
			this.#sending = false;
		}
		// What arrived shows on the page as it is now, no longer as waiting. Not awaited: without a
		// connection again, it loads once the connection is back (and the form being typed in stays).
		if (sent) refreshInBackground(invalidateAll).catch(() => undefined);
		this.#later();
	}

	/** Sends what waits as the phone keeps it now: another tab may have sent some meanwhile. */
	async #send(owner: string): Promise<boolean> {
		const { send } = await sender();
		const items = await itemsOf(owner);
		if (owner !== this.#owner) return false;
		// What another tab sent meanwhile arrived too: this page shows it afresh as well.
		let sent = this.items.some((item) => !items.some((kept) => kept.id === item.id));
		this.items = items;
		let next: OutboxItem | undefined;
		while ((next = this.waiting[0]) && next.owner === this.#owner) {
			const outcome = await send(next);
			if (outcome.type === 'later' || outcome.type === 'stop') break;
			const done = next;
			if (outcome.type === 'sent') {
				noteSent(done.owner, done.id);
				await forget(done.id);
				this.items = this.items.filter((item) => item.id !== done.id);
				sent = true;
				this.#tries = 0;
			} else {
				const refused = { ...done, refused: outcome.words };
				await keep(refused);
				this.items = this.items.map((item) => (item.id === done.id ? refused : item));
			}
		}
		return sent;
	}

	#later() {
		clearTimeout(this.#timer);
		if (this.waiting.length && this.#owner) {
			this.#timer = setTimeout(() => this.flush(), retryDelay(this.#tries++));
		}
	}

	/** The person read a refusal and took their text: it leaves the phone. */
	async dismiss(id: string) {
		await forget(id).catch(() => undefined);
		this.items = this.items.filter((item) => item.id !== id);
	}

	/** A refused item goes into the queue again (the refusal may have been a passing fault). */
	async retry(id: string) {
		const item = this.items.find((kept) => kept.id === id);
		if (!item) return;
		const again = { ...item, refused: undefined, at: Date.now() };
		await keep(again).catch(() => undefined);
		this.items = [...this.items.filter((kept) => kept.id !== id), again];
		await this.flush(true);
	}

	/** Signing out: the person was told what still waits; it leaves this phone with them. */
	async clear() {
		// At once, before anything waits: signing out with nothing waiting does not wait for this.
		if (this.#owner) forgetSent(this.#owner);
		await Promise.all(this.items.map((item) => forget(item.id))).catch(() => undefined);
		this.items = [];
	}

	/** A write went out straight from its form: a kept page that brings its id back gets another. */
	sent(data: FormData) {
		const id = data.get('client_id');
		if (this.#owner && typeof id === 'string') noteSent(this.#owner, id);
	}
}

export const outbox = new Outbox();
