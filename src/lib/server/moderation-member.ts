// Moderation as a member meets it: reporting, telling the moderators "I feel left out", reading
// what the moderators did about me and answering them, and asking to join a group that decides who
// joins. The moderators are never named here: the database gives these shapes by role only.
import type { Database } from '$lib/database.types';
import { outage } from '$lib/server/outage';
import type { SupabaseClient } from '@supabase/supabase-js';

type Client = SupabaseClient<Database>;
export type ReportReason = Database['public']['Enums']['report_reason'];
export type ModerationAction = Database['public']['Enums']['moderation_action'];
type MemberStatus = Database['public']['Enums']['member_status'];
type JoinPolicy = Database['public']['Enums']['join_policy'];

/**
 * Sends a report; `already` when this person had reported the item before. A new report takes
 * the client id as its id, so another id back is the earlier report (and a second send of the
 * same form is not "already").
 */
export async function report(
	supabase: Client,
	sent: {
		clientId: string;
		reason: ReportReason;
		post?: string;
		comment?: string;
		member?: string;
		body: string;
	}
) {
	const { data, error } = await supabase.rpc('create_report', {
		client_id: sent.clientId,
		reason: sent.reason,
		post: sent.post,
		comment: sent.comment,
		member: sent.member,
		body: sent.body || undefined
	});
	if (error) return { error };
	return { error: null, already: data !== sent.clientId };
}

export interface MyGroup {
	group_id: string;
	name: string;
}

/** The groups I am an active member of, for choosing which one a "left out" message is about. */
export async function myGroups(supabase: Client): Promise<MyGroup[]> {
	const { data, error } = await supabase.rpc('my_groups');
	if (error) outage(error);
	return data.map(({ group_id, name }) => ({ group_id, name }));
}

/**
 * The active moderators of a group (a membership id and a nickname each); null when the database
 * refuses (I am not an active member of it).
 */
export async function groupModerators(
	supabase: Client,
	groupId: string
): Promise<{ id: string; nickname: string }[] | null> {
	const { data, error } = await supabase.rpc('group_moderators', { target_group: groupId });
	// P0001: a refusal raised by the function itself, not an outage.
	if (error?.code === 'P0001') return null;
	if (error) outage(error);
	return data ?? [];
}

/** Gives back the thread the message starts (the member reads the answer there). */
export async function sendLeftOut(
	supabase: Client,
	sent: { clientId: string; groupId: string; to: string | null; body: string }
) {
	return supabase.rpc('send_left_out_message', {
		client_id: sent.clientId,
		target_group: sent.groupId,
		to_moderator: sent.to ?? undefined,
		body: sent.body || undefined
	});
}

export async function replyToModerators(
	supabase: Client,
	sent: { clientId: string; thread: string; body: string }
) {
	return supabase.rpc('reply_to_moderators', {
		client_id: sent.clientId,
		thread: sent.thread,
		body: sent.body
	});
}

export interface MyModerationAction {
	id: string;
	group_id: string;
	group_name: string;
	action: ModerationAction;
	reason: string | null;
	muted_until: string | null;
	created_at: string;
	post_id: string | null;
	comment_id: string | null;
	excerpt: string | null;
}

export interface MyModerationThread {
	id: string;
	group_id: string;
	group_name: string;
	kind: 'left_out' | 'from_moderators';
	created_at: string;
	/** Sent to one moderator who is no longer one: no one reads it (it never widens to others). */
	addressee_gone: boolean;
	messages: { id: string; from_moderators: boolean; body: string; created_at: string }[];
}

/** "What the moderators did": the actions about me and my content, and my threads with them. */
export async function myModeration(
	supabase: Client
): Promise<{ actions: MyModerationAction[]; threads: MyModerationThread[] }> {
	const { data, error } = await supabase.rpc('page_my_moderation');
	if (error) outage(error);
	const page = data as unknown as {
		actions: MyModerationAction[] | null;
		threads: MyModerationThread[] | null;
	} | null;
	return { actions: page?.actions ?? [], threads: page?.threads ?? [] };
}

export interface JoinRequestStatus {
	group: { id: string; name: string; description: string; rules: string; join_policy: JoinPolicy };
	status: Extract<MemberStatus, 'pending' | 'active' | 'refused' | 'removed'> | null;
	refused_reason: string | null;
	can_ask_again_at: string | null;
}

/**
 * Where I stand with a group that may be asked to join (a visitor without an account too: status
 * null); null when it cannot be asked (it does not exist, or only an invite lets people in).
 */
export async function joinRequestStatus(
	supabase: Client,
	groupId: string
): Promise<JoinRequestStatus | null> {
	const { data, error } = await supabase.rpc('join_request_status', { target_group: groupId });
	if (error?.message === 'group_not_found') return null;
	if (error) outage(error);
	return data as unknown as JoinRequestStatus;
}

export async function requestToJoin(supabase: Client, groupId: string, nickname: string) {
	return supabase.rpc('request_to_join', {
		target_group: groupId,
		nickname,
		accept_rules: true
	});
}
