// Text typed in a form survives the reload that applies a new version: saved just before it,
// put back in the same fields just after, then forgotten. Loaded only then ($lib/pwa/app).
import { typedTextKey as key } from './offline-rules';

interface TypedField {
	path: string;
	form: number;
	name: string;
	value: string;
}

function textFields(): Array<{ form: number; field: HTMLInputElement | HTMLTextAreaElement }> {
	return [...document.forms].flatMap((form, index) =>
		[
			...form.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(
				'textarea[name], input[name]:is([type=text], [type=email], [type=search], :not([type]))'
			)
		].map((field) => ({ form: index, field }))
	);
}

export function saveTypedText(): void {
	const typed: TypedField[] = textFields()
		.filter(({ field }) => field.value !== field.defaultValue)
		.map(({ form, field }) => ({
			path: location.pathname,
			form,
			name: field.name,
			value: field.value
		}));
	if (typed.length) sessionStorage.setItem(key, JSON.stringify(typed));
}

export function restoreTypedText(): void {
	const saved = sessionStorage.getItem(key);
	if (!saved) return;
	sessionStorage.removeItem(key);
	const typed = JSON.parse(saved) as TypedField[];
	const fields = textFields();
	for (const entry of typed) {
		if (entry.path !== location.pathname) continue;
		const found = fields.find(
			({ form, field }) => form === entry.form && field.name === entry.name
		);
		if (!found) continue;
		found.field.value = entry.value;
		found.field.dispatchEvent(new Event('input', { bubbles: true }));
	}
}
