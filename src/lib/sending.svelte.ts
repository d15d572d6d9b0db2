// How a form that only the server checks behaves once JavaScript has arrived, the same on every
// page: it is sent once at a time, what was typed stays after a refusal (a password does not), and
// the first field with a problem comes into view and gets the focus, except on a phone, where the
// keyboard would then cover the words that say what is wrong.
import type { SubmitFunction } from '@sveltejs/kit';
import { tick } from 'svelte';
import { refreshInBackground } from '$lib/background-refresh';
import { fieldTooLong } from '$lib/components/length-counter';

/** Where a write waits when the phone has no connection (src/lib/outbox). */
export interface Outbox {
	/** Whether it takes the write instead of sending it now (no connection, or older ones wait). */
	takesNow(): boolean;
	/** Keeps the write to send later (`unsent`: it never left the phone); false when it cannot. */
	keep(form: HTMLFormElement, action: URL, data: FormData, unsent?: boolean): Promise<boolean>;
	/** A write went out now: its client id is used. */
	sent(data: FormData): void;
	/** A write sent now goes only as the person this page shows (marked on its address). */
	mark(action: URL): void;
}

export class Sending {
	/** True while the form is on its way: its button waits. */
	now = $state(false);
	#reload: boolean;
	#empty: boolean;
	#outbox: Outbox | undefined;

	/**
	 * `reload`: after a redirect, load the next page afresh (a new language changes every word).
	 * `empty`: once accepted, the form starts empty again, ready for the next one.
	 * `outbox`: without a connection the write waits there, and the form is ready for the next.
	 */
	constructor({
		reload = false,
		empty = false,
		outbox
	}: { reload?: boolean; empty?: boolean; outbox?: Outbox } = {}) {
		this.#reload = reload;
		this.#empty = empty;
		this.#outbox = outbox;
	}

	enhance: SubmitFunction = ({ cancel, formElement, action, formData }) => {
		if (this.now) return cancel();
		if (this.#outbox?.takesNow()) {
			cancel();
			// A text over its limit would wait and then be refused, maybe hours later: it stays in
			// its field instead, where the counter already says how much is too much.
			const tooLong = fieldTooLong(formElement);
			if (tooLong) {
				tooLong.setAttribute('aria-invalid', 'true');
				void showFirstProblem(formElement);
				return;
			}
			void this.#keep(formElement, action, formData, true);
			return;
		}
		this.now = true;
		// Only as the person this page shows: signed in as someone else since (a shared phone), the
		// server turns it away unanswered and the outbox below keeps it for them.
		this.#outbox?.mark(action);
		return async ({ formElement, result, update, action, formData }) => {
			// No answer at all (the connection dropped on the way, or the page's person is no longer
			// the one signed in): the outbox keeps it, with the same client id, so if it did arrive the
			// second try changes nothing.
			const lost = result.type === 'error' && result.status === undefined;
			if (lost && (await this.#keep(formElement, action, formData))) {
				this.now = false;
				return;
			}
			if (result.type === 'redirect' && this.#reload) {
				window.location.assign(result.location);
				return;
			}
			if (result.type === 'success' || result.type === 'redirect') {
				this.#outbox?.sent(formData);
				if (this.#empty) formElement.reset();
				// That write is done: the next one from this form is another, even when the page cannot
				// load afresh to bring a new client id.
				newClientId(formElement);
			}
			// Still sending until the page shows the answer: a second tap meanwhile would count twice.
			// Not when the connection goes meanwhile: the page then loads afresh once it is back, and
			// the form is ready for the next one now.
			try {
				await Promise.race([refreshInBackground(() => update({ reset: false })), connectionGone()]);
			} finally {
				this.now = false;
			}
			if (result.type === 'failure') await showFirstProblem(formElement);
		};
	};

	async #keep(form: HTMLFormElement, action: URL, data: FormData, unsent = false) {
		if (!(await this.#outbox?.keep(form, action, data, unsent))) return false;
		if (this.#empty) form.reset();
		newClientId(form);
		return true;
	}
}

/** The next write from this form is another one: it gets a client id of its own. */
function newClientId(form: HTMLFormElement) {
	const clientId = form.querySelector<HTMLInputElement>('input[name="client_id"]');
	if (clientId) clientId.value = crypto.randomUUID();
}

function connectionGone(): Promise<unknown> {
	if (!navigator.onLine) return Promise.resolve();
	return new Promise((resolve) => addEventListener('offline', resolve, { once: true }));
}

async function showFirstProblem(form: HTMLFormElement) {
	// The server sends no password back: the field empties, as it does without JavaScript. A new
	// password it does keep (data-kept, when the current one was wrong) stays as typed.
	const passwords = 'input[type="password"]:not([data-kept])';
	for (const password of form.querySelectorAll<HTMLInputElement>(passwords)) {
		password.value = '';
	}
	await tick();
	const field = form.querySelector<HTMLElement>('[aria-invalid="true"]');
	if (!field) return;
	const { top, bottom } = field.getBoundingClientRect();
	if (top < 0 || bottom > window.innerHeight) {
		field.scrollIntoView({ behavior: 'smooth', block: 'center' });
	}
	if (!/iPhone|iPad|iPod|Android/i.test(navigator.userAgent)) field.focus({ preventScroll: true });
}
