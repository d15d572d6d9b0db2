// What "Hoe gaat het met de groep?" shares between its server and its page: which signal a form
// is about, the one shape in which every form on it comes back, and the thresholds' fields (kept
// apart from the schemas, so the page does not ship the validation library to the phone).
import { signalSentence, type Locale, type SignalKind } from '$lib/inclusion-sentences';
import type { PageSignal, Person } from '$lib/server/inclusion';

export type InclusionFormName =
	'handled' | 'message' | 'invite' | 'buddy' | 'answer' | 'template' | 'settings';

/**
 * A signal by what makes it one: its kind, the members it is about (a closed circle is one
 * signal per member of the set, shown and handled together) and its post.
 */
export function signalKey(kind: SignalKind, members: string[], post: string | null): string {
	return [kind, [...members].sort().join(','), post ?? ''].join('|');
}

/** A form that was refused, for the page to open again beside that same signal. */
export interface Refused {
	action: InclusionFormName;
	/** The signal (signalKey), or the template's or settings' name. */
	target: string;
	/** What was typed, to be shown again. */
	typed: Record<string, string>;
	field: string | null;
	problem: string;
}

/** A form that was done, and what it did in plain words. */
export interface Done {
	action: InclusionFormName;
	target: string;
	text: string;
}

export type Outcome = { refused?: Refused; done?: Done } | null | undefined;

/** A signal as the page shows it: a closed circle's rows (one per member of the set) are one. */
export interface SignalCard {
	key: string;
	kind: SignalKind;
	members: Person[];
	post: PageSignal['post'];
	since: string;
	handled: boolean;
	sentence: string;
}

export function signalCards(signals: PageSignal[], people: Person[], locale: Locale): SignalCard[] {
	const names = new Map(people.map((person) => [person.id, person.nickname]));
	for (const signal of signals) {
		if (signal.member) names.set(signal.member.id, signal.member.nickname);
	}
	const cards = new Map<string, SignalCard>();
	for (const signal of signals) {
		const circle =
			signal.kind === 'closed_circle' && Array.isArray(signal.evidence.members)
				? signal.evidence.members.map(String)
				: null;
		// A circle is known by its set.
		const key = circle
			? signalKey(signal.kind, circle, null)
			: signalKey(signal.kind, signal.member ? [signal.member.id] : [], signal.post?.id ?? null);
		const known = cards.get(key);
		if (known) {
			if (signal.member) known.members.push(signal.member);
			known.handled &&= signal.handled;
			continue;
		}
		cards.set(key, {
			key,
			kind: signal.kind,
			members: signal.member ? [signal.member] : [],
			post: signal.post,
			since: signal.since,
			handled: signal.handled,
			sentence: signalSentence(
				{ kind: signal.kind, evidence: signal.evidence, name: signal.member?.nickname ?? null },
				{ locale, nameOf: (id) => names.get(id) }
			)
		});
	}
	return [...cards.values()];
}

/** Each threshold: whole days, hours or counts, or a share shown as a percentage. */
export interface SettingField {
	key: string;
	unit: 'days' | 'hours' | 'count' | 'percent';
	min: number;
	max: number;
}

const days = (key: string, min = 1, max = 365): SettingField => ({ key, unit: 'days', min, max });
const count = (key: string, min: number, max: number): SettingField => ({
	key,
	unit: 'count',
	min,
	max
});
const percent = (key: string, min = 1, max = 99): SettingField => ({
	key,
	unit: 'percent',
	min,
	max
});

/** The thresholds, grouped by the signal they shape, in the order the page shows them. */
export const settingGroups = [
	{
		kind: 'unanswered_post',
		fields: [
			days('unanswered_window_days'),
			{ key: 'unanswered_after_hours', unit: 'hours', min: 1, max: 720 }
		]
	},
	{
		kind: 'not_reached',
		fields: [days('not_reached_window_days'), count('not_reached_min_items', 1, 100)]
	},
	{
		kind: 'newcomer_not_welcomed',
		fields: [days('newcomer_window_days'), days('newcomer_after_days', 0, 60)]
	},
	{
		kind: 'fading',
		fields: [
			days('fading_quiet_days'),
			days('fading_before_days'),
			count('fading_min_items', 1, 100),
			count('fading_missed_in_series', 1, 20),
			count('fading_series_min_attended', 1, 100)
		]
	},
	{
		kind: 'dominance',
		fields: [
			days('dominance_window_days'),
			percent('dominance_top_fraction'),
			percent('dominance_share'),
			count('dominance_min_contributions', 1, 10000)
		]
	},
	{
		kind: 'closed_circle',
		fields: [
			days('ties_window_days'),
			count('circle_min_size', 2, 100),
			percent('circle_max_fraction'),
			percent('circle_inside_share', 1, 100)
		]
	},
	{
		kind: 'first_timer_not_returned',
		fields: [days('first_timer_min_days'), days('first_timer_max_days')]
	},
	{
		kind: 'needs_not_met',
		fields: [days('needs_window_days'), count('needs_min_missed', 1, 50)]
	}
] as const satisfies { kind: SignalKind; fields: SettingField[] }[];

export const settingFields: SettingField[] = settingGroups.flatMap((group) => [...group.fields]);

/** A percentage as the database keeps it (0.2 for 20 %), and back. */
export const toStored = (field: SettingField, value: number) =>
	field.unit === 'percent' ? Math.round(value * 100) / 10000 : value;
export const toShown = (field: SettingField, value: number) =>
	field.unit === 'percent' ? Math.round(value * 10000) / 100 : value;
