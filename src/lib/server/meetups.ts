// Meetups as members see them: one call per screen through the person's own client; the
// database decides what they may see (meetup_cards checks it) and holds every RSVP rule.
import type { Database } from '$lib/database.types';
import { outage } from '$lib/server/outage';
import type { WithShell } from '$lib/server/shell';
import type { SupabaseClient } from '@supabase/supabase-js';

type Client = SupabaseClient<Database>;
type RsvpStatus = Database['public']['Enums']['rsvp_status'];
type CardRow = Database['public']['Functions']['meetup_cards']['Returns'][number];
/**
 * The columns of meetup_cards() that can be null, which the generated types cannot say (they call
 * every column of a returned table set): the group (id and name) for people outside the group's
 * organisation, as a public meetup does not say who made it; outside the group, the counts of
 * people and the capacity under 5, and `full` with them; where, online and cost when not given;
 * and my answer when I gave none.
 */
type MaybeNull =
	| 'group_id'
	| 'group_name'
	| 'place'
	| 'online_url'
	| 'cost'
	| 'capacity'
	| 'going'
	| 'maybe'
	| 'waiting'
	| 'full'
	| 'my_status'
	| 'my_childcare_children'
	| 'my_transport_help'
	| 'my_cost_is_a_problem'
	| 'my_note'
	| 'my_waiting_place'
	| 'my_guests';
/** A meetup with its counts and my answer, as meetup_cards() gives it. */
export type MeetupCard = Omit<CardRow, MaybeNull> & {
	[Column in MaybeNull]: CardRow[Column] | null;
};

type Card = { id: string; group_id: string | null; title: string; my_status: RsvpStatus | null };

/**
 * Of meetups with the same group and title (the list is soonest first) the first, and each I
 * answered: on home a meetup that comes back every week shows its next time only, plus the times
 * I answered, so it does not fill the list on its own.
 */
export function nextOfEach<T extends Card>(cards: T[]): T[] {
	const seen = new Set<string>();
	return cards.filter((card) => {
		const key = `${card.group_id ?? card.id}\n${card.title}`;
		const first = !seen.has(key);
		seen.add(key);
		return first || card.my_status !== null;
	});
}

/**
 * The meetup page's one call: the meetup with its group's name, counts, my answer and whether I
 * host, and the shell; null when not mine to see.
 */
export async function oneMeetup(supabase: Client, meetupId: string) {
	const { data, error } = await supabase.rpc('page_meetup', { target_meetup: meetupId });
	if (error) outage(error);
	// page_meetup() returns jsonb: one meetup_cards() row with the shell, or null.
	return data as unknown as (MeetupCard & WithShell) | null;
}

/** A group's meetups still to come (at most 50); null when I am not an active member there. */
export async function groupMeetups(supabase: Client, groupId: string) {
	const { data, error } = await supabase.rpc('page_group_meetups', { target_group: groupId });
	if (error) outage(error);
	// page_group_meetups() returns jsonb: meetup_cards() rows, or null.
	return data as unknown as MeetupCard[] | null;
}

export interface RsvpAnswer {
	clientId: string;
	meetupId: string;
	status: Exclude<RsvpStatus, 'waiting'>;
	childcareChildren: number;
	transportHelp: boolean;
	costIsAProblem: boolean;
	note: string;
	/** The people I bring along: 0 or 1. */
	guests: number;
}

/** Answers for me; the same client id twice changes nothing. Returns where I stand. */
export async function answerMeetup(supabase: Client, answer: RsvpAnswer) {
	return supabase.rpc('rsvp', {
		client_id: answer.clientId,
		meetup: answer.meetupId,
		status: answer.status,
		childcare_children: answer.childcareChildren,
		transport_help: answer.transportHelp,
		cost_is_a_problem: answer.costIsAProblem,
		note: answer.note,
		guests: answer.guests
	});
}
