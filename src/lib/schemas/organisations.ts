// The forms of running an organisation: registering it (three screens, one schema), its public
// facts, and its groups. Every check says what to fix in plain words, on the field it is about;
// the database checks the same again.
import { joinPolicies, organisationLanguages } from '$lib/organisation-options';
import { m } from '$lib/paraglide/messages';
import { z } from 'zod';
import { nickname, withoutHiddenCharacters } from './auth';

const text = (max: number, tooLong: () => string) =>
	z.string().trim().max(max, { error: tooLong }).default('');

/** Text shown as one line on the public page and in calendars: nothing hidden in it. */
const shownText = (max: number, tooLong: () => string) =>
	z
		.string()
		.trim()
		.max(max, { error: tooLong })
		.refine(withoutHiddenCharacters, { error: () => m.error_text_hidden() })
		.default('');

const facts = {
	name: z
		.string()
		.trim()
		.min(1, { error: () => m.org_error_name() })
		.max(120, { error: () => m.org_error_name() }),
	description: text(1000, () => m.org_error_description()),
	languages: z
		.array(z.enum(organisationLanguages))
		.min(1, { error: () => m.org_error_languages() })
		.max(3, { error: () => m.org_error_languages() })
		.default(['nl']),
	address: shownText(300, () => m.org_error_address()),
	contact: shownText(300, () => m.org_error_contact()),
	colour: z
		.string()
		.trim()
		.toLowerCase()
		.regex(/^#[0-9a-f]{6}$/, { error: () => m.org_error_colour() })
		.default('#2f6f4e'),
	initials: z
		.string()
		.trim()
		.toUpperCase()
		.refine(withoutHiddenCharacters, { error: () => m.error_text_hidden(), abort: true })
		.regex(/^[A-Z]{1,3}$/, { error: () => m.org_error_initials() })
		.default('')
};

export const organisationFactsSchema = z.object(facts);

export const registerSchema = z.object({
	...facts,
	// Empty: made from the name (see slugFrom) when the first screen is sent.
	slug: z
		.string()
		.trim()
		.toLowerCase()
		.max(60, { error: () => m.org_error_slug() })
		.refine((slug) => slug === '' || /^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug), {
			error: () => m.org_error_slug()
		})
		.default(''),
	client_id: z.uuid(),
	screen: z.number().int().min(1).max(3).default(1)
});

const groupFacts = {
	name: z
		.string()
		.trim()
		.min(1, { error: () => m.org_error_group_name() })
		.max(120, { error: () => m.org_error_group_name() }),
	description: text(2000, () => m.org_error_group_description()),
	rules: text(4000, () => m.org_error_group_rules()),
	join_policy: z
		.enum(joinPolicies, { error: () => m.org_error_group_join_policy() })
		.default('request'),
	language: z
		.enum(organisationLanguages, { error: () => m.org_error_group_language() })
		.default('nl')
};

export const groupSchema = z.object(groupFacts);

export const newGroupSchema = z.object({ ...groupFacts, nickname, client_id: z.uuid() });
