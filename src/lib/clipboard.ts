// Copying a link or a text on a phone: the clipboard where the page may use it; where it may not
// (an insecure page, an older phone), the field holding it is selected, ready to copy by hand.

/** True when the text is on the clipboard; otherwise `field` is focused and selected. */
export async function copyOrSelect(
	text: string,
	field: HTMLInputElement | HTMLTextAreaElement | null
): Promise<boolean> {
	try {
		await navigator.clipboard.writeText(text);
		return true;
	} catch {
		field?.focus();
		field?.select();
		return false;
	}
}
