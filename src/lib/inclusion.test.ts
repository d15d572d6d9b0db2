import { describe, expect, test } from 'vitest';
import { settingFields, signalCards, toShown, toStored } from './inclusion';
import { overwriteGetLocale } from './paraglide/runtime';
import { handledSchema, settingsSchema } from './schemas/inclusion';
import type { PageSignal } from './server/inclusion';

overwriteGetLocale(() => 'nl');

const [an, bert, cas, noor] = [
	'6f1c1a36-8c5b-4d0a-9a86-2b8f3c1d2e41',
	'6f1c1a36-8c5b-4d0a-9a86-2b8f3c1d2e42',
	'6f1c1a36-8c5b-4d0a-9a86-2b8f3c1d2e43',
	'6f1c1a36-8c5b-4d0a-9a86-2b8f3c1d2e44'
];
const person = (id: string, nickname: string) => ({ id, nickname });
const circle = { members: [an, bert, cas], size: 3, inside_share: 1, days: 60 };
const row = (signal: Partial<PageSignal>): PageSignal => ({
	kind: 'closed_circle',
	member: null,
	post: null,
	evidence: circle,
	since: '2026-10-01T00:00:00Z',
	handled: false,
	...signal
});

describe('the signals as the page shows them', () => {
	test('a closed circle is one card for its set, naming all of it, handled only when all are', () => {
		const cards = signalCards(
			[
				row({ member: person(an, 'An') }),
				row({ member: person(bert, 'Bert'), handled: true }),
				row({ member: person(cas, 'Cas') }),
				row({
					kind: 'not_reached',
					member: person(noor, 'Noor'),
					evidence: { posts: 2, answers: 0, days: 30 }
				})
			],
			[],
			'nl'
		);
		expect(cards).toHaveLength(2);
		expect(cards[0].members.map((member) => member.nickname)).toEqual(['An', 'Bert', 'Cas']);
		expect(cards[0].handled).toBe(false);
		expect(cards[0].sentence).toMatch(/^An, Bert en Cas hebben bijna alleen contact/);
		expect(cards[1].sentence).toBe(
			'Noor schreef 2 berichten in de voorbije 30 dagen; niemand antwoordde of reageerde.'
		);
	});

	test('two posts of one member are two signals, each with its own key', () => {
		const post = (id: string) => ({ id, excerpt: null, anonymous: false });
		const evidence = { posted_at: '2026-11-26T10:00:00Z', anonymous: false };
		const cards = signalCards(
			[
				row({ kind: 'unanswered_post', member: person(noor, 'Noor'), post: post(an), evidence }),
				row({ kind: 'unanswered_post', member: person(noor, 'Noor'), post: post(bert), evidence })
			],
			[],
			'nl'
		);
		expect(new Set(cards.map((card) => card.key)).size).toBe(2);
	});
});

describe('the thresholds form', () => {
	const shown = Object.fromEntries(
		settingFields.map((field) => [field.key, String(field.min)])
	) as Record<string, string>;

	test('a share is a percentage on the page and a fraction in the database', () => {
		const top = settingFields.find((field) => field.key === 'dominance_top_fraction')!;
		expect(toShown(top, 0.2)).toBe(20);
		expect(toStored(top, 20)).toBe(0.2);
		const circleShare = settingFields.find((field) => field.key === 'circle_max_fraction')!;
		expect(toStored(circleShare, toShown(circleShare, 0.3334))).toBe(0.3334);
		const days = settingFields.find((field) => field.key === 'fading_quiet_days')!;
		expect(toStored(days, 21)).toBe(21);
	});

	test('whole numbers in range, said beside the field', () => {
		expect(settingsSchema.safeParse(shown).success).toBe(true);
		const tooMany = settingsSchema.safeParse({ ...shown, unanswered_after_hours: '1000' });
		expect(tooMany.error?.issues[0]).toMatchObject({
			path: ['unanswered_after_hours'],
			message: 'Kies een getal van 1 tot 720.'
		});
		const half = settingsSchema.safeParse({ ...shown, fading_min_items: '2,5' });
		expect(half.error?.issues[0].path).toEqual(['fading_min_items']);
		const decimal = settingsSchema.safeParse({ ...shown, fading_min_items: '2.5' });
		expect(decimal.error?.issues[0].message).toBe('Schrijf een heel getal, zonder komma.');
	});

	test('the first-timer window cannot end before it starts', () => {
		const parsed = settingsSchema.safeParse({
			...shown,
			first_timer_min_days: '40',
			first_timer_max_days: '30'
		});
		expect(parsed.error?.issues[0]).toMatchObject({ path: ['first_timer_max_days'] });
	});

	test('marking handled keeps a note of at most 1000 characters', () => {
		const parsed = handledSchema.safeParse({
			kind: 'fading',
			members: [noor],
			note: 'x'.repeat(1001)
		});
		expect(parsed.error?.issues[0].message).toBe('Een notitie is ten hoogste 1000 tekens lang.');
		expect(handledSchema.safeParse({ kind: 'dominance' }).data).toMatchObject({
			members: [],
			note: ''
		});
	});
});
