import { describe, expect, test } from 'vitest';
import {
	actionSentence,
	personSignalKinds,
	signalSentences,
	type MySignal
} from './my-inclusion-sentences';

const signal = (kind: string, evidence: Record<string, unknown> = {}, post: string | null = null) =>
	({ kind, post, since: '2026-11-20T10:00:00Z', evidence }) satisfies MySignal;

/** One signal of every person-level kind, with the evidence the database gives. */
const everyKind: MySignal[] = [
	signal('unanswered_post', { posted_at: '2026-11-20T10:00:00Z', post_kind: 'story' }, 'p1'),
	signal('not_reached', { posts: 2, answers: 1, days: 30, last_at: '2026-11-25T10:00:00Z' }),
	signal('newcomer_not_welcomed', { joined_at: '2026-11-17T10:00:00Z', posts: 0 }),
	signal('fading', { earlier: 6, last_active_at: '2026-10-30T10:00:00Z', quiet_days: 30 }),
	signal('isolated', { last_active_at: '2026-11-25T10:00:00Z', days: 60 }),
	signal('closed_circle', { size: 4, inside_share: 0.9, days: 60 }),
	signal('first_timer_not_returned', { meetup: 'm1', first_at: '2026-10-20T10:00:00Z' }),
	signal('needs_not_met', { missed: 2, childcare: true, transport: false, cost: true, days: 90 })
];

describe('what the moderators see about me, in kind words', () => {
	test('says one sentence for each of the eight kinds, in Dutch', () => {
		expect(signalSentences(everyKind, 'nl').map((sentence) => sentence.text)).toEqual([
			'De begeleiders zien dat je nieuw bent in de groep en dat nog niemand je welkom heette.',
			'De begeleiders zien dat er nog niemand op je laatste bericht antwoordde.',
			'De begeleiders zien dat niemand reageerde op wat je de laatste 30 dagen schreef.',
			'De begeleiders zien dat je in de groep nog met niemand contact had.',
			'De begeleiders zien dat je vooral contact hebt met hetzelfde kleine groepje van 4 mensen.',
			'De begeleiders zien dat je de laatste weken minder in de groep bent dan vroeger.',
			'De begeleiders zien dat je één keer naar een bijeenkomst kwam en daarna niet meer.',
			'De begeleiders zien dat je vroeg naar opvang voor je kinderen en hulp bij de kosten, maar daarna niet kon komen.'
		]);
	});

	test('says the same in French, without a point médian', () => {
		const texts = signalSentences(everyKind, 'fr').map((sentence) => sentence.text);
		expect(texts).toHaveLength(8);
		expect(texts[1]).toBe(
			"L'équipe d'animation voit que personne n'a encore répondu à ton dernier message."
		);
		expect(texts[7]).toBe(
			"L'équipe d'animation voit que tu as demandé une garde pour tes enfants et de l'aide pour les frais, puis que tu n'as pas pu venir."
		);
		for (const text of texts) expect(text).not.toMatch(/[·•]/);
	});

	test('and in English', () => {
		const texts = signalSentences(everyKind, 'en').map((sentence) => sentence.text);
		expect(texts).toHaveLength(8);
		expect(texts[2]).toBe(
			'The moderators see that no one reacted to what you wrote in the last 30 days.'
		);
		expect(texts[4]).toBe(
			'The moderators see that you are mostly in touch with the same small group of 4 people.'
		);
	});

	test('has words for every person-level kind in every language', () => {
		for (const locale of ['nl', 'fr', 'en'] as const) {
			const kinds = signalSentences(everyKind, locale).map((sentence) => sentence.kind);
			expect(kinds).toEqual([...personSignalKinds]);
		}
	});

	test('says several unanswered posts in one sentence, and links each post, oldest first', () => {
		const posts = [
			{ ...signal('unanswered_post', {}, 'newer'), since: '2026-11-22T10:00:00Z' },
			{ ...signal('unanswered_post', {}, 'older'), since: '2026-11-12T10:00:00Z' }
		];
		expect(signalSentences(posts, 'nl')).toEqual([
			{
				kind: 'unanswered_post',
				text: 'De begeleiders zien dat er nog niemand op 2 van je berichten antwoordde.',
				posts: [
					{ id: 'older', since: '2026-11-12T10:00:00Z' },
					{ id: 'newer', since: '2026-11-22T10:00:00Z' }
				]
			}
		]);
	});

	test('names every need asked for, and something when the evidence names none', () => {
		const all = signal('needs_not_met', { childcare: true, transport: true, cost: true });
		expect(signalSentences([all], 'en')[0].text).toBe(
			'The moderators see that you asked for childcare, transport, and help with the cost, but then could not come.'
		);
		const none = signal('needs_not_met', {});
		expect(signalSentences([none], 'nl')[0].text).toBe(
			'De begeleiders zien dat je vroeg naar iets om te kunnen komen, maar daarna niet kon komen.'
		);
	});

	test('leaves out a group-level signal and a kind it has no words for', () => {
		const group = signal('dominance', { share: 0.7, gini: 0.5 });
		expect(signalSentences([group, signal('something_new')], 'nl')).toEqual([]);
	});

	test('never puts a number it was not given: a circle without a size is a small group of 3', () => {
		expect(signalSentences([signal('closed_circle', { members: ['x', 'y'] })], 'nl')[0].text).toBe(
			'De begeleiders zien dat je vooral contact hebt met hetzelfde kleine groepje van 3 mensen.'
		);
	});
});

describe('what the moderators did for me', () => {
	const action = (kind: string, meetup: { id: string; title: string } | null = null) => ({
		kind,
		created_at: '2026-11-25T10:00:00Z',
		meetup,
		post: null
	});

	test('says each kind action by role, never by name, in three languages', () => {
		const kinds = ['welcome', 'check_in', 'buddy', 'answer_nudge', 'handled'];
		for (const locale of ['nl', 'fr', 'en'] as const) {
			for (const kind of kinds) {
				const text = actionSentence(action(kind), locale);
				expect(text).toMatch(/^(De begeleiders|L'équipe d'animation|The moderators) /);
			}
		}
		expect(actionSentence(action('check_in'), 'nl')).toBe(
			'De begeleiders stuurden je een berichtje om te vragen hoe het gaat.'
		);
	});

	test('names the meetup of an invitation, and still says it when the meetup is gone', () => {
		const picnic = { id: 'm1', title: 'Picknick' };
		expect(actionSentence(action('meetup_invite', picnic), 'nl')).toBe(
			'De begeleiders nodigden je uit voor Picknick.'
		);
		expect(actionSentence(action('meetup_invite', picnic), 'fr')).toBe(
			"L'équipe d'animation t'a envoyé une invitation pour Picknick."
		);
		expect(actionSentence(action('meetup_invite'), 'en')).toBe(
			'The moderators invited you to a meetup.'
		);
	});

	test('has no words for a kind it does not know', () => {
		expect(actionSentence(action('something_new'), 'nl')).toBeNull();
	});
});
