// How LengthCounter counts, and how a form asks whether one of its texts is over its limit.

/** As the schemas count: zod's max after trim, in UTF-16 units like String.length. */
export function lengthOf(text: string): number {
	return text.trim().length;
}

/** The first field of the form whose counter says it is too long (LengthCounter marks it). */
export function fieldTooLong(form: HTMLFormElement): HTMLElement | null {
	const id = form.querySelector<HTMLElement>('[data-length-over]')?.dataset.lengthOver;
	return id ? document.getElementById(id) : null;
}
