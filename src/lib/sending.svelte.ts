// How a form that only the server checks behaves once JavaScript has arrived, the same on every
// page: it is sent once at a time, what was typed stays after a refusal (a password does not), and
// the first field with a problem comes into view and gets the focus, except on a phone, where the
// keyboard would then cover the words that say what is wrong.
import type { SubmitFunction } from '@sveltejs/kit';
import { tick } from 'svelte';

export class Sending {
	/** True while the form is on its way: its button waits. */
	now = $state(false);
	#reload: boolean;
	#empty: boolean;

	/**
	 * `reload`: after a redirect, load the next page afresh (a new language changes every word).
	 * `empty`: once accepted, the form starts empty again, ready for the next one.
	 */
	constructor({ reload = false, empty = false }: { reload?: boolean; empty?: boolean } = {}) {
		this.#reload = reload;
		this.#empty = empty;
	}

	enhance: SubmitFunction = ({ cancel }) => {
		if (this.now) return cancel();
		this.now = true;
		return async ({ formElement, result, update }) => {
			if (result.type === 'redirect' && this.#reload) {
				window.location.assign(result.location);
				return;
			}
			if (this.#empty && (result.type === 'success' || result.type === 'redirect')) {
				formElement.reset();
			}
			// Still sending until the page shows the answer: a second tap meanwhile would count twice.
			await update({ reset: false });
			this.now = false;
			if (result.type === 'failure') await showFirstProblem(formElement);
		};
	};
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
