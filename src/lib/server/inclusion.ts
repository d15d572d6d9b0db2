// "Hoe gaat het met de groep?" for the group's moderators: the open inclusion signals with the
// people they concern, the kind actions each suggests, the group's trend and climate, and the
// thresholds. The database decides who may see and do what (the group's active moderators).
import type { Database, Json } from '$lib/database.types';
import type { SignalKind } from '$lib/inclusion-sentences';
import { outage } from '$lib/server/outage';
import type { SupabaseClient } from '@supabase/supabase-js';

type Client = SupabaseClient<Database>;

export interface Person {
	id: string;
	nickname: string;
}

export interface PageSignal {
	kind: SignalKind;
	/** The member concerned; null for the group-level signal (dominance) or a name not known. */
	member: Person | null;
	/** For unanswered_post: the post. */
	post: { id: string; excerpt: string | null; anonymous: boolean } | null;
	evidence: Record<string, unknown>;
	since: string;
	handled: boolean;
}

export interface TrendWeek {
	week_start: string;
	active_members: number;
	posts: number;
	answers: number;
	attendance: number;
	/** Share (0..1) of posts and answers written by the most active fifth; null in a week with none. */
	top_fifth_share: number | null;
}

export interface ClimateMonth {
	month: string;
	answers: number;
	/** Counts per face, from the saddest to the happiest; null under 5 answers. */
	faces: number[] | null;
}

export type TemplateKind = 'welcome' | 'check_in';

export interface InclusionPage {
	signals: PageSignal[];
	opt_outs: Person[];
	trend: TrendWeek[];
	climate: ClimateMonth[];
	templates: Record<TemplateKind, string | null>;
	settings: Record<string, number>;
	upcoming_meetups: { id: string; title: string; starts_at: string }[];
	/**
	 * Active members who are not moderators; `askable` ones (with an account, not muted) are whom
	 * a moderator may pair as a buddy or ask to answer.
	 */
	members: (Person & { askable: boolean })[];
}

/** The page in one call; null when I am not an active moderator of the group. */
export async function inclusionPage(
	supabase: Client,
	groupId: string
): Promise<InclusionPage | null> {
	const { data, error } = await supabase.rpc('page_group_inclusion', { target_group: groupId });
	if (error) outage(error);
	const page = data as unknown as InclusionPage | null;
	// A part with nothing in it may come as null.
	return page && { ...page, climate: page.climate ?? [], trend: page.trend ?? [] };
}

/**
 * The settings page: the thresholds and the group's words, without computing the signals (the
 * costly part of the page's call). Null when I am not an active moderator of the group.
 */
export async function inclusionSettingsPage(
	supabase: Client,
	groupId: string
): Promise<Pick<InclusionPage, 'settings' | 'templates'> | null> {
	const target = { target_group: groupId };
	const [settings, welcome, checkIn] = await Promise.all([
		supabase.rpc('inclusion_settings_of', target),
		supabase.rpc('inclusion_template', { ...target, kind: 'welcome' }),
		supabase.rpc('inclusion_template', { ...target, kind: 'check_in' })
	]);
	const answers = [settings, welcome, checkIn];
	// Someone who is not a moderator of the group is refused or gets null: not there for them.
	if (answers.some(({ error }) => error?.message === 'not_allowed')) return null;
	for (const { error } of answers) if (error) outage(error);
	if (!settings.data) return null;
	return {
		settings: settings.data as Record<string, number>,
		templates: { welcome: welcome.data ?? null, check_in: checkIn.data ?? null }
	};
}

// The actions. Each gives back supabase-js's { data, error }: the form action says a refusal in
// words.

export function markHandled(
	supabase: Client,
	groupId: string,
	signal: { kind: SignalKind; member: string | null; post: string | null },
	note: string
) {
	return supabase.rpc('mark_signal_handled', {
		target_group: groupId,
		kind: signal.kind,
		...(signal.member ? { member: signal.member } : {}),
		...(signal.post ? { post: signal.post } : {}),
		...(note ? { note } : {})
	});
}

export function updateSettings(
	supabase: Client,
	groupId: string,
	settings: Record<string, number>
) {
	return supabase.rpc('update_inclusion_settings', {
		target_group: groupId,
		settings: settings as Json
	});
}

export function sendKindMessage(
	supabase: Client,
	groupId: string,
	message: { clientId: string; member: string; kind: TemplateKind; body: string }
) {
	return supabase.rpc('send_kind_message', {
		client_id: message.clientId,
		target_group: groupId,
		member: message.member,
		kind: message.kind,
		body: message.body
	});
}

export function inviteToMeetup(supabase: Client, clientId: string, meetup: string, member: string) {
	return supabase.rpc('invite_to_meetup', { client_id: clientId, meetup, member });
}

export function askBuddy(
	supabase: Client,
	groupId: string,
	clientId: string,
	newcomer: string,
	buddy: string
) {
	return supabase.rpc('ask_buddy', {
		client_id: clientId,
		target_group: groupId,
		newcomer,
		buddy
	});
}

export function askToAnswer(supabase: Client, clientId: string, post: string, member: string) {
	return supabase.rpc('ask_to_answer', { client_id: clientId, post, member });
}

/** An empty body puts Kring's own words back. */
export function setTemplate(supabase: Client, groupId: string, kind: TemplateKind, body: string) {
	return supabase.rpc('set_inclusion_template', { target_group: groupId, kind, body });
}
