// A language's name in the reader's language ("Frans" for fr in nl), as the meetup page lists the
// languages spoken. Intl.DisplayNames is made once per locale and its names kept: making one on
// every page cost about 0.2 ms of the server's CPU per view.
const displayNames = new Map<string, Intl.DisplayNames>();
const names = new Map<string, string>();

/** The name of a language code (two or three letters) in `locale`; anything else as it is. */
export function languageName(language: string, locale: string): string {
	if (!/^[a-z]{2,3}$/.test(language)) return language;
	const key = `${locale} ${language}`;
	let name = names.get(key);
	if (name === undefined) {
		let display = displayNames.get(locale);
		if (!display)
			displayNames.set(locale, (display = new Intl.DisplayNames([locale], { type: 'language' })));
		name = display.of(language) ?? language;
		names.set(key, name);
	}
	return name;
}
