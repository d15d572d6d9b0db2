// "Wat Kring over mij bijhoudt" in kind words: what the moderators see about me right now, one
// sentence per kind of signal, and the kind actions they took about me, by role and never by name.
// The words say what was noticed, never a judgement of the person.
import { m } from '$lib/paraglide/messages';

type Locale = 'nl' | 'fr' | 'en';

/** The kinds of signal about one person, in the order the page says them. */
export const personSignalKinds = [
	'newcomer_not_welcomed',
	'unanswered_post',
	'not_reached',
	'isolated',
	'closed_circle',
	'fading',
	'first_timer_not_returned',
	'needs_not_met'
] as const;
export type PersonSignalKind = (typeof personSignalKinds)[number];

/** A signal about me as my_inclusion() gives it (evidence holds only what a sentence needs). */
export interface MySignal {
	kind: string;
	post: string | null;
	since: string;
	evidence: Record<string, unknown> | null;
}

/** A kind action taken about me as my_inclusion() gives it. */
export interface MyAction {
	kind: string;
	created_at: string;
	meetup: { id: string; title: string } | null;
	post: string | null;
}

export interface SignalSentence {
	kind: PersonSignalKind;
	text: string;
	/** The posts the sentence is about (unanswered posts), oldest first, to link to. */
	posts: { id: string; since: string }[];
}

const whole = (value: unknown, fallback: number) =>
	typeof value === 'number' && Number.isFinite(value) ? Math.round(value) : fallback;

function needs(evidence: Record<string, unknown>, locale: Locale): string {
	const options = { locale };
	const asked: string[] = [];
	if (evidence.childcare === true) asked.push(m.kept_need_childcare({}, options));
	if (evidence.transport === true) asked.push(m.kept_need_transport({}, options));
	if (evidence.cost === true) asked.push(m.kept_need_cost({}, options));
	if (!asked.length) return m.kept_need_something({}, options);
	return new Intl.ListFormat(locale, { type: 'conjunction' }).format(asked);
}

function sentence(kind: PersonSignalKind, signals: MySignal[], locale: Locale): string {
	const options = { locale };
	const evidence = signals[0].evidence ?? {};
	switch (kind) {
		case 'unanswered_post':
			return signals.length === 1
				? m.kept_signal_unanswered_post({}, options)
				: m.kept_signal_unanswered_posts({ count: signals.length }, options);
		case 'not_reached':
			return m.kept_signal_not_reached({ days: whole(evidence.days, 30) }, options);
		case 'newcomer_not_welcomed':
			return m.kept_signal_newcomer_not_welcomed({}, options);
		case 'fading':
			return m.kept_signal_fading({}, options);
		case 'isolated':
			return m.kept_signal_isolated({}, options);
		case 'closed_circle':
			return m.kept_signal_closed_circle({ size: whole(evidence.size, 3) }, options);
		case 'first_timer_not_returned':
			return m.kept_signal_first_timer_not_returned({}, options);
		case 'needs_not_met':
			return m.kept_signal_needs_not_met({ needs: needs(evidence, locale) }, options);
	}
}

/**
 * One sentence per kind of signal about me, in the page's order. A group-level kind (dominance)
 * or a kind this app does not know yet is left out rather than shown without words.
 */
export function signalSentences(signals: MySignal[], locale: Locale): SignalSentence[] {
	return personSignalKinds.flatMap((kind) => {
		const mine = signals
			.filter((signal) => signal.kind === kind)
			.sort((a, b) => a.since.localeCompare(b.since));
		if (!mine.length) return [];
		const posts = mine.flatMap(({ post, since }) => (post ? [{ id: post, since }] : []));
		return [{ kind, text: sentence(kind, mine, locale), posts }];
	});
}

/** What the moderators did about me, in one sentence; null for a kind this app has no words for. */
export function actionSentence(action: MyAction, locale: Locale): string | null {
	const options = { locale };
	switch (action.kind) {
		case 'welcome':
			return m.kept_action_welcome({}, options);
		case 'check_in':
			return m.kept_action_check_in({}, options);
		case 'meetup_invite':
			return action.meetup
				? m.kept_action_meetup_invite({ title: action.meetup.title }, options)
				: m.kept_action_meetup_invite_gone({}, options);
		case 'buddy':
			return m.kept_action_buddy({}, options);
		case 'answer_nudge':
			return m.kept_action_answer_nudge({}, options);
		case 'handled':
			return m.kept_action_handled({}, options);
		default:
			return null;
	}
}
