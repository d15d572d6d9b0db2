import { describe, expect, test } from 'vitest';
import {
	optedOutSentence,
	signalKinds,
	signalSentence,
	type Locale,
	type SentenceInput,
	type SignalKind
} from './inclusion-sentences';

const now = new Date('2026-11-29T12:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
const say = (signal: SentenceInput, locale: Locale = 'nl', names: Record<string, string> = {}) =>
	signalSentence(signal, { locale, now, nameOf: (id) => names[id] });

/** One signal of each kind, as inclusion_signals() gives its evidence. */
const examples: Record<SignalKind, SentenceInput> = {
	unanswered_post: {
		kind: 'unanswered_post',
		name: 'Noor',
		evidence: { posted_at: daysAgo(3), post_kind: 'question', anonymous: false }
	},
	not_reached: {
		kind: 'not_reached',
		name: 'Noor',
		evidence: { posts: 3, answers: 0, days: 30, last_at: daysAgo(2) }
	},
	newcomer_not_welcomed: {
		kind: 'newcomer_not_welcomed',
		name: 'Sami',
		evidence: { joined_at: daysAgo(5), posts: 0 }
	},
	fading: {
		kind: 'fading',
		name: 'Marc',
		evidence: { earlier: 6, last_active_at: daysAgo(25), quiet_days: 25 }
	},
	dominance: {
		kind: 'dominance',
		name: null,
		evidence: { share: 0.724, gini: 0.61, top_members: 3, members: 15, contributions: 87, days: 30 }
	},
	isolated: { kind: 'isolated', name: 'Ilse', evidence: { last_active_at: daysAgo(4), days: 60 } },
	closed_circle: {
		kind: 'closed_circle',
		name: 'An',
		evidence: { members: ['a', 'b', 'c'], size: 3, inside_share: 0.9, days: 60 }
	},
	first_timer_not_returned: {
		kind: 'first_timer_not_returned',
		name: 'Yara',
		evidence: { meetup: 'm', first_at: daysAgo(35), meetups_since: 4 }
	},
	needs_not_met: {
		kind: 'needs_not_met',
		name: 'Lien',
		evidence: {
			missed: 2,
			childcare: true,
			transport: false,
			cost: true,
			last_missed_at: daysAgo(8),
			days: 90
		}
	}
};
const circle = { a: 'An', b: 'Bert', c: 'Cas' };

describe('a signal in one sentence', () => {
	test('every kind has a sentence in every language, with the facts and no placeholders', () => {
		for (const kind of signalKinds) {
			for (const locale of ['nl', 'fr', 'en'] as const) {
				const sentence = say(examples[kind], locale, circle);
				expect(sentence, `${kind} in ${locale}`).toMatch(/^[\p{Lu}\d].*[.]$/u);
				expect(sentence, `${kind} in ${locale}`).not.toMatch(/[{}]|undefined|NaN|null/);
			}
		}
	});

	test('unanswered post: how long ago, and that it is anonymous to members', () => {
		expect(say(examples.unanswered_post)).toBe(
			'Noor schreef 3 dagen geleden een bericht; niemand antwoordde of reageerde nog.'
		);
		const yesterday = {
			...examples.unanswered_post,
			evidence: { posted_at: daysAgo(1.2), anonymous: true }
		};
		expect(say(yesterday, 'en')).toBe(
			'Noor wrote a post 1 day ago; no one has answered or reacted yet. The post is anonymous to members.'
		);
		expect(say(yesterday, 'fr')).toBe(
			"Noor a écrit un message il y a 1 jour ; personne n'a encore répondu ni réagi. Le message est anonyme pour les membres."
		);
	});

	test('not reached: posts, answers or both, counted in words', () => {
		expect(say(examples.not_reached)).toBe(
			'Noor schreef 3 berichten in de voorbije 30 dagen; niemand antwoordde of reageerde.'
		);
		const both = { ...examples.not_reached, evidence: { posts: 1, answers: 2, days: 30 } };
		expect(say(both)).toBe(
			'Noor schreef 1 bericht en 2 antwoorden in de voorbije 30 dagen; niemand antwoordde of reageerde.'
		);
		expect(say(both, 'fr')).toBe(
			"Noor a écrit 1 message et 2 réponses ces 30 derniers jours ; personne n'a répondu ni réagi."
		);
		const answers = { ...examples.not_reached, evidence: { posts: 0, answers: 1, days: 1 } };
		expect(say(answers, 'en')).toBe(
			'Noor wrote 1 answer since yesterday; no one answered or reacted.'
		);
	});

	test('newcomer: days in the group, and what they wrote', () => {
		expect(say(examples.newcomer_not_welcomed)).toBe(
			'Sami is 5 dagen in de groep en kreeg nog geen antwoord, reactie of bericht.'
		);
		const wrote = {
			...examples.newcomer_not_welcomed,
			evidence: { joined_at: daysAgo(4), posts: 1 }
		};
		expect(say(wrote, 'en')).toBe(
			'Sami joined 4 days ago, wrote 1 post and has had no answer, reaction or message yet.'
		);
		expect(say(wrote, 'fr')).toBe(
			"Sami est dans le groupe depuis 4 jours, a écrit 1 message et n'a encore reçu ni réponse, ni réaction, ni message."
		);
	});

	test('fading: quiet after being active, or missing a regular meetup', () => {
		expect(say(examples.fading)).toBe('Marc deed eerder 6 keer mee, maar is nu al 25 dagen stil.');
		expect(say(examples.fading, 'en')).toBe(
			'Marc took part 6 times before, but has been quiet for 25 days.'
		);
		const series = {
			...examples.fading,
			evidence: { series: 's', attended_before: 4, missed: 3, last_attended_at: daysAgo(22) }
		};
		expect(say(series)).toBe(
			'Marc kwam 4 keer naar een terugkerende bijeenkomst, maar was er de laatste 3 keer niet.'
		);
		expect(say(series, 'fr')).toBe(
			"Marc a participé 4 fois à une rencontre régulière, mais n'était pas là les 3 dernières fois."
		);
		const once = { ...series, evidence: { ...series.evidence, attended_before: 1, missed: 1 } };
		expect(say(once, 'en')).toBe('Marc came to a regular meetup once, but missed the last one.');
	});

	test('dominance: a share of the group, with no one named', () => {
		const sentence = say(examples.dominance);
		expect(sentence).toBe(
			'3 van de 15 leden schreven 72% van alle berichten en antwoorden in de voorbije 30 dagen (87 in totaal). ' +
				'Hoe ongelijk het verdeeld is: 0,61 (0 is iedereen evenveel, 1 is één persoon schrijft alles).'
		);
		const one = {
			...examples.dominance,
			evidence: { ...examples.dominance.evidence, top_members: 1 }
		};
		expect(say(one, 'fr')).toMatch(/^1 membre sur 15 a écrit 72\s%/);
		expect(say(one, 'en')).toMatch(/^1 of 15 members wrote 72% of all posts/);
		expect(say(examples.dominance, 'en')).toMatch(
			/^3 of 15 members wrote 72%.* How unequal it is: 0.61/
		);
	});

	test('isolated', () => {
		expect(say(examples.isolated)).toBe(
			'Ilse doet mee, maar had in de voorbije 60 dagen met niemand contact: geen antwoord, reactie of bijeenkomst samen.'
		);
	});

	test('closed circle: the set by name', () => {
		expect(say(examples.closed_circle, 'nl', circle)).toBe(
			'An, Bert en Cas hebben bijna alleen contact met elkaar: 90% van hun contacten in de voorbije 60 dagen.'
		);
	});

	test('first timer: weeks ago, and how many meetups there were since', () => {
		expect(say(examples.first_timer_not_returned)).toBe(
			'Yara kwam 5 weken geleden voor het eerst naar een bijeenkomst en kwam daarna niet meer. Sindsdien waren er 4 bijeenkomsten.'
		);
		const one = {
			...examples.first_timer_not_returned,
			evidence: { first_at: daysAgo(30), meetups_since: 1 }
		};
		expect(say(one, 'en')).toBe(
			'Yara came to a meetup for the first time 4 weeks ago and has not come back since. There has been 1 meetup since.'
		);
		const none = { ...one, evidence: { first_at: daysAgo(30), meetups_since: 0 } };
		expect(say(none, 'fr')).toBe(
			'Yara a participé à une rencontre pour la première fois il y a 4 semaines, et à aucune depuis.'
		);
	});

	test('needs not met: the kinds of need only, never the note', () => {
		expect(say(examples.needs_not_met)).toBe(
			'Lien had kinderopvang en hulp met de kosten nodig en kwam daarna niet, 2 keer in de voorbije 90 dagen.'
		);
		const transport = {
			...examples.needs_not_met,
			evidence: { missed: 1, transport: true, days: 90 }
		};
		expect(say(transport, 'en')).toBe(
			'Lien needed transport and then did not come, once in the last 90 days.'
		);
		expect(say(examples.needs_not_met, 'fr')).toBe(
			"Lien a signalé un besoin (garde d'enfants et aide pour le coût) puis n'était pas là, 2 fois ces 90 derniers jours."
		);
	});

	test('a member whose name is not known is "a member", starting the sentence', () => {
		expect(say({ ...examples.isolated, name: null })).toMatch(/^Een lid doet mee/);
	});

	test('who opted out is named, never why', () => {
		expect(optedOutSentence('Noor', 'nl')).toBe('Noor wil niet in de signalen staan.');
		expect(optedOutSentence('Noor', 'fr')).toBe('Noor ne veut pas figurer dans les signaux.');
		expect(optedOutSentence('Noor', 'en')).toBe('Noor does not want to be in the signals.');
	});
});
