// Text typed in a form survives the reload that applies a new version: saved just before it,
// put back in the same fields just after, then forgotten. Loaded only then ($lib/pwa/app, and
// src/hooks.client.ts before the new page starts).
//
// A field is found again by its form's address and what the form is about (its hidden fields),
// not by the form's place on the page: a "Melden" menu opened before the reload added a form
// that is not there after it, and every later form would have moved up by one.
import { typedTextKey as key } from './offline-rules';

interface TypedField {
	path: string;
	/** The form's address and hidden fields (its client id aside, which is new on every load). */
	form: string;
	/** Which of the forms alike it is, in page order. */
	nth: number;
	name: string;
	value: string;
}

function signature(form: HTMLFormElement): string {
	const hidden = [...form.querySelectorAll<HTMLInputElement>('input[type="hidden"][name]')]
		.filter((input) => input.name !== 'client_id')
		.map((input) => `${input.name}=${input.value}`)
		.sort();
	return [form.getAttribute('action') ?? '', ...hidden].join('\n');
}

function textFields(): Array<{
	form: string;
	nth: number;
	field: HTMLInputElement | HTMLTextAreaElement;
}> {
	const alike = new Map<string, number>();
	return [...document.forms].flatMap((form) => {
		const key = signature(form);
		const nth = alike.get(key) ?? 0;
		alike.set(key, nth + 1);
		return [
			...form.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(
				'textarea[name], input[name]:is([type=text], [type=email], [type=search], :not([type]))'
			)
		].map((field) => ({ form: key, nth, field }));
	});
}

export function saveTypedText(): void {
	const typed: TypedField[] = textFields()
		.filter(({ field }) => field.value !== field.defaultValue)
		.map(({ form, nth, field }) => ({
			path: location.pathname,
			form,
			nth,
			name: field.name,
			value: field.value
		}));
	if (typed.length) sessionStorage.setItem(key, JSON.stringify(typed));
}

/**
 * Put back into the page as the server wrote it, before its scripts take over (those then keep
 * it, $lib/typed-before-start): there every menu's form is in the page, closed or not. A menu
 * that held typed words is opened again.
 */
export function restoreTypedText(): void {
	const saved = sessionStorage.getItem(key);
	if (!saved) return;
	sessionStorage.removeItem(key);
	const typed = JSON.parse(saved) as TypedField[];
	const fields = textFields();
	for (const entry of typed) {
		if (entry.path !== location.pathname) continue;
		const found = fields.find(
			({ form, nth, field }) =>
				form === entry.form && nth === entry.nth && field.name === entry.name
		);
		if (!found) continue;
		found.field.value = entry.value;
		const menu = found.field.closest('details');
		if (menu) menu.open = true;
		found.field.dispatchEvent(new Event('input', { bubbles: true }));
	}
}
