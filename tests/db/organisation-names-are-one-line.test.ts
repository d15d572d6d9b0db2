// A name is one line of visible text, whoever writes it: an organisation's or a group's name and a
// meetup's title refuse line breaks, control characters and invisible or direction-turning ones
// with a code of their own (as nicknames already do); a name written before keeps working.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, test } from 'vitest';
import { db, signUp, type Person } from '../support/platform';
import { makeInvite } from '../support/groups';
import { meetupFields } from '../support/meetups';

const facts = (name: string) => ({
	name,
	description: '',
	address: '',
	contact: '',
	languages: ['nl'],
	colour: '#aa3300',
	initials: 'SV'
});

const register = (person: Person, name: string) =>
	person.client.rpc('register_organisation', {
		client_id: randomUUID(),
		slug: `sv-${randomUUID().slice(0, 8)}`,
		...facts(name)
	});

const groupNamed = (admin: Person, organisation: string, name: string) =>
	admin.client.rpc('create_group', {
		client_id: randomUUID(),
		organisation,
		name,
		slug: `g-${randomUUID().slice(0, 8)}`,
		description: '',
		rules: 'We luisteren naar elkaar.',
		join_policy: 'request',
		language: 'nl',
		nickname: 'Begeleider'
	});

const hidden = [
	['a line break', 'Samen\r\nX-INJECT:1'],
	['a control character', 'Samen\u0007Sterk'],
	['an invisible character', 'Samen\u200bSterk'],
	['a direction override', 'Samen\u202eSterk'],
	// Format characters that show nothing either (review 14, F6).
	['an Arabic number sign', 'Sam\u0600en'],
	['a Syriac abbreviation mark', 'Sam\u070fen'],
	['a hieroglyph format control', 'Sam\u{13430}en']
];

describe('names are one line of visible text', () => {
	let admin: Person;
	let organisation: string;
	let group: string;

	beforeAll(async () => {
		admin = await signUp('Beheerder');
		const registered = await register(admin, 'Samen Sterk');
		expect(registered.error).toBeNull();
		organisation = registered.data as string;
		const made = await groupNamed(admin, organisation, 'Praatcafé');
		expect(made.error).toBeNull();
		group = made.data as string;
	});

	test.each(hidden)('an organisation name with %s is refused', async (_, name) => {
		expect((await register(admin, name)).error?.message).toBe(
			'organisation_name_hidden_characters'
		);
		const { error } = await admin.client.rpc('update_organisation', {
			organisation,
			...facts(name)
		});
		expect(error?.message).toBe('organisation_name_hidden_characters');
	});

	test.each(hidden)('a group name with %s is refused', async (_, name) => {
		expect((await groupNamed(admin, organisation, name)).error?.message).toBe(
			'group_name_hidden_characters'
		);
	});

	test.each(hidden)('a meetup title with %s is refused', async (_, title) => {
		const { error } = await admin.client.rpc('create_meetup', {
			client_id: randomUUID(),
			target_group: group,
			...meetupFields({ title })
		});
		expect(error?.message).toBe('meetup_title_hidden_characters');
	});

	test.each(hidden)('a nickname with %s is refused', async (_, nickname) => {
		const newcomer = await signUp('Nieuw');
		const { error } = await newcomer.client.rpc('accept_invite', {
			invite_code: await makeInvite(group),
			nickname,
			accept_rules: true
		});
		expect(error?.message).toBe('nickname_hidden_characters');
	});

	test('an organisation named so before still changes its other facts', async () => {
		await db().query('alter table public.organisations disable trigger user');
		try {
			await db().query('update public.organisations set name = $2 where id = $1', [
				organisation,
				'Oud\nNaam'
			]);
		} finally {
			await db().query('alter table public.organisations enable trigger user');
		}
		const { error } = await admin.client.rpc('update_organisation', {
			organisation,
			...facts('Oud\nNaam'),
			description: 'Nieuw'
		});
		expect(error).toBeNull();
		await expect(
			db().query('update public.organisations set name = $2 where id = $1', [
				organisation,
				'Nog\nerger'
			])
		).rejects.toThrow('organisation_name_hidden_characters');
	});
});

// What the public page, the embeddable list and calendar feeds show beside the name: an
// organisation's address, contact details and initials, and a meetup's place.
describe('an address, contact details, initials and a place are visible text too', () => {
	const characters = [
		['a line break', '\n'],
		['a control character', '\u0007'],
		['an invisible character', '\u200b'],
		['a direction override', '\u202e'],
		['an Arabic number sign', '\u0600'],
		['a hieroglyph format control', '\u{13430}']
	];
	let admin: Person;
	let organisation: string;
	let group: string;

	const withFacts = (person: Person, overrides: Record<string, string>) =>
		person.client.rpc('register_organisation', {
			client_id: randomUUID(),
			slug: `sv-${randomUUID().slice(0, 8)}`,
			...facts('Samen Sterk'),
			...overrides
		});

	beforeAll(async () => {
		admin = await signUp('Beheerder');
		const registered = await withFacts(admin, { address: 'Kerkstraat 1, Gent' });
		expect(registered.error).toBeNull();
		organisation = registered.data as string;
		const made = await groupNamed(admin, organisation, 'Praatcafé');
		expect(made.error).toBeNull();
		group = made.data as string;
	});

	for (const field of ['address', 'contact'] as const) {
		test.each(characters)(`an organisation's ${field} with %s is refused`, async (_, c) => {
			const text = `Kerk${c}straat 1, Gent`;
			const code = `organisation_${field}_hidden_characters`;
			expect((await withFacts(admin, { [field]: text })).error?.message).toBe(code);
			const { error } = await admin.client.rpc('update_organisation', {
				organisation,
				...facts('Samen Sterk'),
				[field]: text
			});
			expect(error?.message).toBe(code);
		});
	}

	test.each(characters)('initials with %s are refused', async (_, c) => {
		// The functions take letters only; the table refuses them whatever writes it.
		expect((await withFacts(admin, { initials: `S${c}V` })).error?.message).toBe(
			'organisation_initials_invalid'
		);
		await expect(
			db().query('update public.organisations set initials = $2 where id = $1', [
				organisation,
				`S${c}V`
			])
		).rejects.toThrow('organisation_initials_hidden_characters');
	});

	test.each(characters)("a meetup's place with %s is refused", async (_, c) => {
		const place = `Buurthuis${c}, Kerkstraat 12, Gent`;
		const made = await admin.client.rpc('create_meetup', {
			client_id: randomUUID(),
			target_group: group,
			...meetupFields({ place })
		});
		expect(made.error?.message).toBe('meetup_place_hidden_characters');
		const meetup = await admin.client.rpc('create_meetup', {
			client_id: randomUUID(),
			target_group: group,
			...meetupFields()
		});
		expect(meetup.error).toBeNull();
		await expect(
			db().query('update public.meetups set place = $2 where id = $1', [meetup.data, place])
		).rejects.toThrow('meetup_place_hidden_characters');
	});

	test('an address written so before stays while the other facts change', async () => {
		await db().query('alter table public.organisations disable trigger user');
		try {
			await db().query('update public.organisations set address = $2 where id = $1', [
				organisation,
				'Oud\u200badres'
			]);
		} finally {
			await db().query('alter table public.organisations enable trigger user');
		}
		const { error } = await admin.client.rpc('update_organisation', {
			organisation,
			...facts('Samen Sterk'),
			address: 'Oud\u200badres',
			description: 'Nieuw'
		});
		expect(error).toBeNull();
	});
});
