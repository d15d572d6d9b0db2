import { m } from '$lib/paraglide/messages';
import { describe, expect, it } from 'vitest';
import { organisationFactsSchema } from './organisations';

const good = {
	name: 'Samen Sterk',
	address: 'Kerkstraat 1, Gent',
	contact: 'hallo@samensterk.be',
	initials: 'SS'
};

/** The field each refusal is about, with its words. */
function problems(input: Record<string, unknown>) {
	const result = organisationFactsSchema.safeParse(input);
	if (result.success) return {};
	return Object.fromEntries(
		result.error.issues.map((issue) => [issue.path.join('.'), issue.message])
	);
}

describe('organisationFactsSchema', () => {
	it('takes plain facts', () => {
		expect(problems(good)).toEqual({});
	});

	// The database refuses the same (organisation_*_hidden_characters); here the form says it
	// beside the field and keeps what was typed.
	it.each([
		['a line break', 'Kerkstraat 1\nGent'],
		['an invisible character', 'Kerk\u200bstraat 1'],
		['a direction override', 'Kerkstraat \u202e1'],
		['a hieroglyph format control', 'Kerk\u{13430}straat 1']
	])('refuses an address or contact details with %s, in words', (_, text) => {
		expect(problems({ ...good, address: text })).toEqual({ address: m.error_text_hidden() });
		expect(problems({ ...good, contact: text })).toEqual({ contact: m.error_text_hidden() });
	});

	it('says initials hold something hidden, not that they are not letters', () => {
		expect(problems({ ...good, initials: 'S\u200bS' })).toEqual({
			initials: m.error_text_hidden()
		});
		expect(problems({ ...good, initials: 'S1' })).toEqual({ initials: m.org_error_initials() });
	});
});
