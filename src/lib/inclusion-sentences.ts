// One short sentence per inclusion signal, from its evidence, for the group's moderators: the
// facts behind it in plain words ("Noor schreef 3 berichten in de voorbije 30 dagen; niemand
// antwoordde of reageerde."), never a score. The evidence keys are inclusion_signals()'s
// (notes/inclusion-api.md).
import { m } from '$lib/paraglide/messages';

export const signalKinds = [
	'unanswered_post',
	'not_reached',
	'newcomer_not_welcomed',
	'fading',
	'dominance',
	'isolated',
	'closed_circle',
	'first_timer_not_returned',
	'needs_not_met'
] as const;
export type SignalKind = (typeof signalKinds)[number];

export type Locale = 'nl' | 'fr' | 'en';
type Evidence = Record<string, unknown>;

export interface SentenceInput {
	kind: SignalKind;
	evidence: Evidence;
	/** The nickname of the member concerned; null for the group-level signal (dominance). */
	name: string | null;
}

export interface SentenceOptions {
	locale: Locale;
	/** The moment "3 days ago" is counted from. */
	now?: Date;
	/** Nicknames of the other members a signal names (a closed circle's set). */
	nameOf?: (member: string) => string | undefined;
}

const dayMs = 86_400_000;

const number = (value: unknown): number => (typeof value === 'number' ? value : Number(value) || 0);

/** Singular or plural by the language's own rule (French says "0 message", like one). */
function plural(locale: Locale, count: number, one: () => string, many: () => string): string {
	return new Intl.PluralRules(locale).select(count) === 'one' ? one() : many();
}

/** A count with its noun, "1 bericht" or "3 berichten". */
type Counted = (inputs: { count: number }, options: { locale: Locale }) => string;
function counted(locale: Locale, count: number, one: Counted, many: Counted): string {
	return plural(
		locale,
		count,
		() => one({ count }, { locale }),
		() => many({ count }, { locale })
	);
}

const phrases = {
	posts: [m.inclusion_n_posts_one, m.inclusion_n_posts_many],
	answers: [m.inclusion_n_answers_one, m.inclusion_n_answers_many],
	days: [m.inclusion_n_days_one, m.inclusion_n_days_many],
	weeks: [m.inclusion_n_weeks_one, m.inclusion_n_weeks_many],
	times: [m.inclusion_n_times_one, m.inclusion_n_times_many],
	period: [m.inclusion_in_last_days_one, m.inclusion_in_last_days_many]
} satisfies Record<string, [Counted, Counted]>;

function phrase(locale: Locale, what: keyof typeof phrases, count: number): string {
	const [one, many] = phrases[what];
	return counted(locale, count, one, many);
}

function list(locale: Locale, items: string[]): string {
	return new Intl.ListFormat(locale, { type: 'conjunction' }).format(items);
}

function percent(locale: Locale, share: number): string {
	return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(
		share
	);
}

/** Whole days from a moment to now, at least one (a signal's facts are at least a day old). */
function daysSince(moment: unknown, now: Date): number {
	const time = Date.parse(String(moment));
	if (Number.isNaN(time)) return 1;
	return Math.max(1, Math.floor((now.getTime() - time) / dayMs));
}

function capitalised(text: string): string {
	return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

/** The sentence that says what a signal is about, in the moderator's language. */
export function signalSentence(signal: SentenceInput, options: SentenceOptions): string {
	// "een lid schreef…" starts a sentence too.
	return capitalised(sentence(signal, options));
}

function sentence(signal: SentenceInput, options: SentenceOptions): string {
	const { locale } = options;
	const now = options.now ?? new Date();
	const on = { locale };
	const name = signal.name ?? m.mod_a_member({}, on);
	const e = signal.evidence;
	const period = (days: unknown) => phrase(locale, 'period', number(days));

	switch (signal.kind) {
		case 'unanswered_post': {
			const ago = phrase(locale, 'days', daysSince(e.posted_at, now));
			const sentence = m.inclusion_s_unanswered_post({ name, ago }, on);
			return e.anonymous ? `${sentence} ${m.inclusion_s_anonymous({}, on)}` : sentence;
		}
		case 'not_reached': {
			const posts = number(e.posts);
			const answers = number(e.answers);
			const what = list(locale, [
				...(posts > 0 || answers === 0 ? [phrase(locale, 'posts', posts)] : []),
				...(answers > 0 ? [phrase(locale, 'answers', answers)] : [])
			]);
			return m.inclusion_s_not_reached({ name, what, period: period(e.days) }, on);
		}
		case 'newcomer_not_welcomed': {
			const days = phrase(locale, 'days', daysSince(e.joined_at, now));
			const posts = number(e.posts);
			return posts > 0
				? m.inclusion_s_newcomer_wrote({ name, days, posts: phrase(locale, 'posts', posts) }, on)
				: m.inclusion_s_newcomer({ name, days }, on);
		}
		case 'fading': {
			if ('series' in e) {
				const times = phrase(locale, 'times', number(e.attended_before));
				const missed = number(e.missed);
				return plural(
					locale,
					missed,
					() => m.inclusion_s_fading_series_one({ name, times }, on),
					() => m.inclusion_s_fading_series_many({ name, times, missed }, on)
				);
			}
			const times = phrase(locale, 'times', number(e.earlier));
			const days = phrase(locale, 'days', number(e.quiet_days) || daysSince(e.last_active_at, now));
			return m.inclusion_s_fading_quiet({ name, times, days }, on);
		}
		case 'dominance': {
			const top = number(e.top_members);
			const inputs = {
				top,
				members: number(e.members),
				share: percent(locale, number(e.share)),
				period: period(e.days),
				total: number(e.contributions)
			};
			const share = plural(
				locale,
				top,
				() => m.inclusion_s_dominance_one(inputs, on),
				() => m.inclusion_s_dominance_many(inputs, on)
			);
			const gini = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(
				number(e.gini)
			);
			return `${share} ${m.inclusion_s_gini({ gini }, on)}`;
		}
		case 'isolated':
			return m.inclusion_s_isolated({ name, period: period(e.days) }, on);
		case 'closed_circle': {
			const ids = Array.isArray(e.members) ? e.members.map(String) : [];
			const names = ids.map((id) => options.nameOf?.(id) ?? m.mod_a_member({}, on));
			return m.inclusion_s_closed_circle(
				{
					names: list(locale, names),
					share: percent(locale, number(e.inside_share)),
					period: period(e.days)
				},
				on
			);
		}
		case 'first_timer_not_returned': {
			const ago = phrase(locale, 'weeks', Math.max(1, Math.floor(daysSince(e.first_at, now) / 7)));
			const sentence = m.inclusion_s_first_timer({ name, ago }, on);
			const since = number(e.meetups_since);
			if (since === 0) return sentence;
			const after = plural(
				locale,
				since,
				() => m.inclusion_s_meetups_since_one({}, on),
				() => m.inclusion_s_meetups_since_many({ count: since }, on)
			);
			return `${sentence} ${after}`;
		}
		case 'needs_not_met': {
			const kinds: string[] = [];
			if (e.childcare) kinds.push(m.inclusion_need_childcare({}, on));
			if (e.transport) kinds.push(m.inclusion_need_transport({}, on));
			if (e.cost) kinds.push(m.inclusion_need_cost({}, on));
			const needs = kinds.length ? list(locale, kinds) : m.inclusion_need_help({}, on);
			const times = phrase(locale, 'times', number(e.missed));
			return m.inclusion_s_needs({ name, needs, times, period: period(e.days) }, on);
		}
	}
}

/** "X wil niet in de signalen staan": a member who opted out, by name only, never why. */
export function optedOutSentence(name: string, locale: Locale): string {
	return m.inclusion_opted_out({ name }, { locale });
}
