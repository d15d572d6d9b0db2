// What a member typed or ticked while the page's scripts were still on their way is put back once
// they run. As Svelte takes over the page the server wrote, it sets each field it gave a value to
// that value again: on a slow line a tick on "without my name" or on the rules, a chosen kind of
// post or a text typed meanwhile would be undone without a word. `watchTypedBeforeStart` runs
// before that (the `init` of src/hooks.client.ts), `putBackTypedBeforeStart` right after (the
// root layout).

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

const notTyped = new Set(['hidden', 'file', 'submit', 'button', 'reset', 'image']);
/** What each field held after the member's last change: its text, its tick, or its choices. */
const typed = new Map<Control, string | boolean | boolean[]>();

function isControl(target: EventTarget | null): target is Control {
	if (target instanceof HTMLInputElement) return !notTyped.has(target.type);
	return target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

const isTick = (control: Control): control is HTMLInputElement =>
	control instanceof HTMLInputElement && (control.type === 'checkbox' || control.type === 'radio');

function held(control: Control): string | boolean | boolean[] {
	if (control instanceof HTMLSelectElement) return [...control.options].map((o) => o.selected);
	return isTick(control) ? control.checked : control.value;
}

function heldByDefault(control: Control): string | boolean | boolean[] {
	if (control instanceof HTMLSelectElement)
		return [...control.options].map((o) => o.defaultSelected);
	return isTick(control) ? control.defaultChecked : control.defaultValue;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Kept last is put back last: of a group of radio buttons, the one picked last stays picked. */
function keep(control: Control) {
	typed.delete(control);
	typed.set(control, held(control));
}

const kept = (event: Event) => {
	if (isControl(event.target)) keep(event.target);
};

export function watchTypedBeforeStart(): void {
	for (const control of document.querySelectorAll('input, textarea, select')) {
		if (isControl(control) && !same(held(control), heldByDefault(control))) keep(control);
	}
	document.addEventListener('input', kept, true);
	document.addEventListener('change', kept, true);
}

export function putBackTypedBeforeStart(): void {
	document.removeEventListener('input', kept, true);
	document.removeEventListener('change', kept, true);
	for (const [control, was] of typed) {
		if (!control.isConnected || same(held(control), was)) continue;
		if (control instanceof HTMLSelectElement) {
			[...control.options].forEach((option, i) => (option.selected = (was as boolean[])[i]));
		} else if (isTick(control)) {
			control.checked = was as boolean;
		} else {
			control.value = was as string;
		}
		// So that whatever listens (a binding, the length counter) hears of it.
		const event = control instanceof HTMLSelectElement || isTick(control) ? 'change' : 'input';
		control.dispatchEvent(new Event(event, { bubbles: true }));
	}
	typed.clear();
}
