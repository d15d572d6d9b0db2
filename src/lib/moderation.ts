// What the moderators' forms share between the server and the page: the short reasons they pick
// from, and the one shape in which every moderation form comes back.
import { m } from '$lib/paraglide/messages';

/** The short reasons a moderator can pick; "own" means the words say it all. */
export const reasonPicks = [
	'rules',
	'left_out',
	'private_info',
	'unsafe',
	'spam',
	'nothing_wrong',
	'talked',
	'own'
] as const;
export type ReasonPick = (typeof reasonPicks)[number];

/** The reason as the member reads it: the picked sentence, then the moderator's own words. */
export const reasonWords: Record<Exclude<ReasonPick, 'own'>, () => string> = {
	rules: m.mod_reason_rules,
	left_out: m.mod_reason_left_out,
	private_info: m.mod_reason_private_info,
	unsafe: m.mod_reason_unsafe,
	spam: m.mod_reason_spam,
	nothing_wrong: m.mod_reason_nothing_wrong,
	talked: m.mod_reason_talked
};

/** Reasons for taking something away, and for giving it back or leaving it be. */
export const picksAgainst = ['rules', 'left_out', 'private_info', 'unsafe', 'spam'] as const;
export const picksFor = ['nothing_wrong', 'talked'] as const;

/** The reason sent to the database, in the moderator's language. */
export function reasonText({ pick, words }: { pick: ReasonPick; words: string }): string {
	if (pick === 'own') return words;
	return words ? `${reasonWords[pick]()} ${words}` : reasonWords[pick]();
}

export type ModerationFormName =
	'dismiss' | 'hide' | 'restore' | 'message' | 'mute' | 'unmute' | 'remove';

/** A moderation form that was refused, for the page to show beside that same form. */
export interface Refused {
	action: ModerationFormName;
	/** The post, answer or member the form was about. */
	target: string;
	pick: string;
	words: string;
	days: string;
	body: string;
	field: string | null;
	problem: string;
}

/** A moderation form that was done, and what it did in plain words. */
export interface Done {
	action: ModerationFormName;
	target: string;
	text: string;
}
