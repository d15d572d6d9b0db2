// What "Hoe gaat het met de groep?" shares between its server and its page: which signal a form
// is about, and the one shape in which every form on it comes back.
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
		// A circle is known by its set; members who opted out are only counted in it.
		const key = circle
			? signalKey(signal.kind, circle, String(signal.evidence.others ?? 0))
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
