// What hosts and moderators do around a meetup: make and change it, see who comes and what they
// need, check people in, and keep members without a phone in. The database functions hold the
// rules (only hosts and moderators of the group); this layer only shapes their answers.
import type { Database, Tables } from '$lib/database.types';
import { m } from '$lib/paraglide/messages';
import { spokenLanguages } from '$lib/meetup-options';
import { meetupRecord, type MeetupEditForm } from '$lib/schemas/meetups';
import { outage } from '$lib/server/outage';
import type { WithShell } from '$lib/server/shell';
import { instantToBrussels } from '$lib/zoned';
import type { SupabaseClient } from '@supabase/supabase-js';

type Client = SupabaseClient<Database>;
type RsvpStatus = Database['public']['Enums']['rsvp_status'];
type MemberRole = Database['public']['Enums']['member_role'];
type Repeat = Database['public']['Enums']['meetup_repeat'];

type Meetup = Tables<'meetups'>;

/** A meetup as its hosts and moderators see it, with its group's name and, in a series, how it repeats. */
export type HostedMeetup = Pick<
	Meetup,
	| 'id'
	| 'group_id'
	| 'title'
	| 'description'
	| 'starts_at'
	| 'ends_at'
	| 'place'
	| 'online_url'
	| 'cost'
	| 'childcare'
	| 'transport_help'
	| 'wheelchair_access'
	| 'languages'
	| 'open_to'
	| 'capacity'
	| 'status'
	| 'series_id'
	| 'occurrence_on'
	| 'guests_welcome'
> & {
	group_name: string;
	series: { repeat: Repeat; repeat_until: string } | null;
};

/** What page_host_view() gives: the meetup, every answer, who is checked in, the active members. */
export interface HostView {
	meetup: HostedMeetup;
	/** The waiting list in its order; a name the host may not read is null. */
	answers: Array<{
		member_id: string;
		nickname: string | null;
		role: MemberRole | null;
		without_phone: boolean;
		status: RsvpStatus;
		childcare_children: number;
		transport_help: boolean;
		cost_is_a_problem: boolean;
		note: string;
		/** The person they bring along: 0 or 1. */
		guests: number;
	}>;
	checked_in: string[];
	members: Array<{ id: string; nickname: string; role: MemberRole; without_phone: boolean }>;
}

// The page functions return jsonb: the database builds the shapes above, null when the meetup
// is not the caller's to host (the page is then a 404).

/** The edit page's one call: the meetup, or null when I do not host it. */
export async function meetupToEdit(supabase: Client, meetupId: string) {
	const { data, error } = await supabase.rpc('page_meetup_edit', { target_meetup: meetupId });
	if (error) outage(error);
	return data as unknown as HostedMeetup | null;
}

/** The host view's one call: the meetup, who comes and the shell; null when I do not host it. */
export async function hostView(supabase: Client, meetupId: string) {
	const { data, error } = await supabase.rpc('page_host_view', { target_meetup: meetupId });
	if (error) outage(error);
	return data as unknown as (HostView & WithShell) | null;
}

/** The edit form's starting values: what the meetup is now, on a Brussels clock. */
export function editValues(meetup: HostedMeetup): MeetupEditForm {
	const start = instantToBrussels(meetup.starts_at);
	const end = instantToBrussels(meetup.ends_at);
	const known: readonly string[] = spokenLanguages;
	return {
		title: meetup.title,
		description: meetup.description,
		date: start.date,
		start: start.time,
		end: end.time,
		place: meetup.place ?? '',
		online_url: meetup.online_url ?? '',
		cost: meetup.cost ?? '',
		childcare: meetup.childcare,
		transport_help: meetup.transport_help,
		wheelchair_access: meetup.wheelchair_access,
		guests_welcome: meetup.guests_welcome,
		languages: meetup.languages.filter((language): language is (typeof spokenLanguages)[number] =>
			known.includes(language)
		),
		languages_other: meetup.languages.filter((language) => !known.includes(language)).join(', '),
		open_to: meetup.open_to,
		capacity: meetup.capacity ?? undefined,
		until: meetup.series?.repeat_until ?? '',
		scope: 'one'
	};
}

function fields(data: Omit<MeetupEditForm, 'scope'>) {
	const record = meetupRecord(data);
	// The generated types do not know these arguments may be null (no limit).
	return { ...record, capacity: record.capacity as number };
}

/** Makes a meetup, or a series when it repeats; answers with the (first) meetup's id. */
export async function createMeetup(
	supabase: Client,
	groupId: string,
	clientId: string,
	data: Omit<MeetupEditForm, 'scope'> & { repeat: Repeat | 'once' }
) {
	const { repeat_until, ...one } = fields(data);
	const common = { client_id: clientId, target_group: groupId, ...one };
	if (data.repeat === 'once') return supabase.rpc('create_meetup', common);
	return supabase.rpc('create_meetup_series', { ...common, repeat: data.repeat, repeat_until });
}

/** Changes this meetup only, or it and every later one of its series. */
export async function updateMeetup(supabase: Client, meetupId: string, data: MeetupEditForm) {
	const { repeat_until, ...one } = fields(data);
	if (data.scope === 'series') {
		return supabase.rpc('update_meetup_series', { meetup: meetupId, ...one, repeat_until });
	}
	return supabase.rpc('update_meetup', { meetup: meetupId, ...one });
}

export async function cancelMeetup(supabase: Client, meetupId: string, scope: 'one' | 'series') {
	return scope === 'series'
		? supabase.rpc('cancel_meetup_series', { meetup: meetupId })
		: supabase.rpc('cancel_meetup', { meetup: meetupId });
}

export interface Person {
	memberId: string;
	/** null for someone of another group of the organisation, whose name the host cannot read. */
	nickname: string | null;
	/** Shown beside the name; null with the name. */
	role: MemberRole | null;
	withoutPhone: boolean;
}

export interface Answer extends Person {
	status: RsvpStatus;
	childcareChildren: number;
	transportHelp: boolean;
	costIsAProblem: boolean;
	note: string;
	/** Someone they bring along (0 or 1), who takes a place too. */
	guests: number;
	/** Their needs in a few words ("opvang voor 2, vervoer"), empty when none. */
	needs: string;
}

/**
 * Who answered (going, maybe, the waiting list in its order, can't), who is checked in, and the
 * group's active members for the check-in list.
 */
export function whoComes({ answers: rows, checked_in, members }: HostView) {
	const answers: Answer[] = rows.map((row) => ({
		needs: personNeeds(row.childcare_children, row.transport_help, row.cost_is_a_problem),
		memberId: row.member_id,
		nickname: row.nickname,
		role: row.role,
		withoutPhone: row.without_phone,
		status: row.status,
		childcareChildren: row.childcare_children,
		transportHelp: row.transport_help,
		costIsAProblem: row.cost_is_a_problem,
		note: row.note,
		guests: row.guests ?? 0
	}));
	const byStatus = (status: RsvpStatus) => answers.filter((answer) => answer.status === status);
	const here = new Set(checked_in);

	// The check-in list: who said they come first, then maybe, waiting, and the rest of the group.
	const order: Record<RsvpStatus, number> = { going: 0, maybe: 1, waiting: 2, not_going: 4 };
	const rank = new Map(answers.map((answer) => [answer.memberId, order[answer.status]]));
	const people = new Map<string, Person>();
	for (const answer of answers) people.set(answer.memberId, answer);
	for (const member of members) {
		if (!people.has(member.id)) {
			people.set(member.id, {
				memberId: member.id,
				nickname: member.nickname,
				role: member.role,
				withoutPhone: member.without_phone
			});
		}
	}
	const checkIn = [...people.values()]
		.map((person) => ({
			memberId: person.memberId,
			nickname: person.nickname,
			role: person.role,
			withoutPhone: person.withoutPhone,
			here: here.has(person.memberId)
		}))
		.sort(
			(a, b) =>
				(rank.get(a.memberId) ?? 3) - (rank.get(b.memberId) ?? 3) ||
				(a.nickname ?? '').localeCompare(b.nickname ?? '')
		);

	return {
		going: byStatus('going'),
		// Places are people: each answer and the one they bring.
		placesTaken: byStatus('going').reduce((sum, answer) => sum + 1 + answer.guests, 0),
		maybe: byStatus('maybe'),
		waiting: byStatus('waiting'),
		notGoing: byStatus('not_going'),
		notes: answers.filter((answer) => answer.note.trim() !== ''),
		needs: needsInWords(answers),
		checkIn,
		hereCount: here.size,
		withoutPhone: members
			.filter((member) => member.without_phone)
			.map((member) => ({ id: member.id, nickname: member.nickname }))
	};
}

/**
 * "3 kinderen hebben opvang nodig, 2 mensen hebben hulp nodig met vervoer, voor 1 persoon is de
 * prijs een probleem." Counts those who come or may come: they are who the host prepares for.
 * Empty when nobody asked for anything.
 */
export function needsInWords(answers: Answer[]): string {
	const coming = answers.filter((answer) => answer.status === 'going' || answer.status === 'maybe');
	const children = coming.reduce((sum, answer) => sum + answer.childcareChildren, 0);
	const transport = coming.filter((answer) => answer.transportHelp).length;
	const cost = coming.filter((answer) => answer.costIsAProblem).length;
	const parts = [
		children === 1 && m.host_needs_childcare_one(),
		children > 1 && m.host_needs_childcare_many({ count: children }),
		transport === 1 && m.host_needs_transport_one(),
		transport > 1 && m.host_needs_transport_many({ count: transport }),
		cost === 1 && m.host_needs_cost_one(),
		cost > 1 && m.host_needs_cost_many({ count: cost })
	].filter((part) => part !== false);
	if (!parts.length) return '';
	const sentence = parts.join(', ');
	return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
}

/** One person's needs in a few words ("opvang voor 2, vervoer"), empty when none. */
function personNeeds(children: number, transport: boolean, cost: boolean): string {
	return [
		children > 0 && m.host_need_children({ count: children }),
		transport && m.host_need_transport(),
		cost && m.host_need_cost()
	]
		.filter(Boolean)
		.join(', ');
}

export async function checkIn(supabase: Client, meetupId: string, memberId: string) {
	return supabase.rpc('check_in', { meetup: meetupId, member: memberId });
}

export async function undoCheckIn(supabase: Client, meetupId: string, memberId: string) {
	return supabase.rpc('undo_check_in', { meetup: meetupId, member: memberId });
}

export async function addWalkIn(supabase: Client, meetupId: string, nickname: string) {
	return supabase.rpc('add_walk_in', { meetup: meetupId, nickname });
}

interface AnswerFor {
	clientId: string;
	meetupId: string;
	memberId: string;
	status: Exclude<RsvpStatus, 'waiting'>;
	childcareChildren: number;
	transportHelp: boolean;
	costIsAProblem: boolean;
	note: string;
}

/** A host answers for a member without a phone; the same client id twice changes nothing. */
export async function answerForMember(supabase: Client, answer: AnswerFor) {
	return supabase.rpc('rsvp_for_member', {
		client_id: answer.clientId,
		meetup: answer.meetupId,
		member: answer.memberId,
		status: answer.status,
		childcare_children: answer.childcareChildren,
		transport_help: answer.transportHelp,
		cost_is_a_problem: answer.costIsAProblem,
		note: answer.note
	});
}

export async function addMemberWithoutPhone(supabase: Client, groupId: string, nickname: string) {
	return supabase.rpc('add_member_without_phone', { target_group: groupId, nickname });
}

export async function createClaimInvite(supabase: Client, memberId: string) {
	return supabase.rpc('create_claim_invite', { member: memberId });
}
