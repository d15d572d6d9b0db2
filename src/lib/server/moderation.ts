// Moderation as the group's moderators do it: one call per page (the queue, an item in context,
// a thread, the log) and one database function per action. The database decides who may do
// what; every action carries the moderator's reason, which the affected member reads.
import type { Database } from '$lib/database.types';
import { outage } from '$lib/server/outage';
import type { SupabaseClient } from '@supabase/supabase-js';

type Client = SupabaseClient<Database>;
type Role = Database['public']['Enums']['member_role'];
type Status = Database['public']['Enums']['member_status'];
export type ReportReason = Database['public']['Enums']['report_reason'];
export type ModerationAction = Database['public']['Enums']['moderation_action'];

export const reportReasons = [
	'left_out',
	'disrespectful',
	'private_info',
	'unsafe',
	'spam',
	'other'
] as const satisfies readonly ReportReason[];

export interface ThreadMessage {
	id: string;
	from_moderators: boolean;
	body: string;
	created_at: string;
	/** Among moderators: which of them answered (the member never reads this). */
	by?: string | null;
}

export interface QueueThread {
	id: string;
	kind: 'left_out' | 'from_moderators';
	member: { id: string; nickname: string } | null;
	/** Sent to me alone; otherwise to all the group's moderators. */
	to_me: boolean;
	created_at: string;
	last_message_at: string;
	unanswered: boolean;
	messages: ThreadMessage[];
}

export type ItemType = 'post' | 'comment' | 'member';

export interface QueueItem {
	type: ItemType;
	id: string;
	report_count: number;
	reasons: ReportReason[];
	words: string[];
	first_reported_at: string;
	excerpt: string | null;
	/** For a post or an answer: the post it is on. */
	post_id?: string | null;
	anonymous?: boolean | null;
	hidden?: boolean;
	/** The member it is about: the author of a post or an answer, or the member reported. */
	author: { id: string; nickname: string } | null;
}

export interface QueuePage {
	threads: QueueThread[];
	items: QueueItem[];
}

/** A post or an answer as a moderator sees it: hidden and anonymous ones too, with the author. */
export interface ContextPost {
	id: string;
	body: string;
	kind?: string;
	created_at: string;
	edited_at: string | null;
	anonymous: boolean;
	deleted: boolean;
	hidden: boolean;
	hidden_reason: string | null;
	/** The one the reports are about. */
	reported: boolean;
	author: { id: string; nickname: string } | null;
}

/** The member an item is about: its author, or the member reported. */
export interface ItemMember {
	id: string;
	nickname: string;
	role: Role;
	status: Status;
	/** Only while the mute lasts. */
	muted_until: string | null;
}

export interface LogEntry {
	id: string;
	action: ModerationAction;
	reason: string | null;
	created_at: string;
	moderator: string | null;
	member?: { id: string; nickname: string } | null;
	post_id?: string | null;
	comment_id?: string | null;
	muted_until: string | null;
	undoes: string | null;
}

export interface ItemPage {
	type: ItemType;
	id: string;
	/** Whether I may act on it: not my own, not another moderator's. */
	can_act: boolean;
	/** Null when the author's account is gone. */
	member: ItemMember | null;
	post: ContextPost | null;
	answers: ContextPost[] | null;
	/** Every report on it, handled ones too; never who sent it. */
	reports: {
		reason: ReportReason;
		words: string | null;
		created_at: string;
		resolved_at: string | null;
	}[];
	log: LogEntry[];
}

export interface ThreadPage {
	id: string;
	group_id: string;
	kind: 'left_out' | 'from_moderators';
	member: { id: string; nickname: string } | null;
	to_me: boolean;
	created_at: string;
	last_message_at: string;
	unanswered: boolean;
	messages: ThreadMessage[];
}

export const logPageSize = 50;

export type Target = { post: string } | { comment: string } | { member: string };

/** Which item an address names (?post=, ?comment= or ?member=); null unless exactly one uuid. */
export function targetOf(url: URL): Target | null {
	const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
	const given = (['post', 'comment', 'member'] as const).filter((name) =>
		url.searchParams.has(name)
	);
	if (given.length !== 1) return null;
	const id = url.searchParams.get(given[0]) ?? '';
	if (!uuid.test(id)) return null;
	return { [given[0]]: id } as Target;
}

// Someone who is not a moderator of the group is refused (not_allowed) or gets nothing: for the
// page, both mean it is not there for them, which is a 404 and not an outage.
const notForMe = (error: { message: string }) => error.message === 'not_allowed';

/** The queue; null when I am not a moderator of the group. */
export async function queuePage(supabase: Client, groupId: string): Promise<QueuePage | null> {
	const { data, error } = await supabase.rpc('page_moderation_queue', { target_group: groupId });
	if (error) return notForMe(error) ? null : outage(error);
	return data as unknown as QueuePage | null;
}

/** The item in context; null when it is not there (or not this group's). */
export async function itemPage(
	supabase: Client,
	groupId: string,
	target: Target
): Promise<ItemPage | null> {
	const { data, error } = await supabase.rpc('page_moderation_item', {
		target_group: groupId,
		...target
	});
	if (error) return notForMe(error) ? null : outage(error);
	return data as unknown as ItemPage | null;
}

/** A page of the group's log, newest first; null when I am not a moderator of the group. */
export async function logPage(
	supabase: Client,
	groupId: string,
	before?: string
): Promise<LogEntry[] | null> {
	const { data, error } = await supabase.rpc('page_moderation_log', {
		target_group: groupId,
		...(before ? { before } : {})
	});
	if (error) return notForMe(error) ? null : outage(error);
	return (data as unknown as { entries: LogEntry[] } | null)?.entries ?? null;
}

export async function threadPage(supabase: Client, threadId: string): Promise<ThreadPage | null> {
	const { data, error } = await supabase.rpc('page_moderation_thread', { thread: threadId });
	if (error) return notForMe(error) ? null : outage(error);
	return data as unknown as ThreadPage | null;
}

// The actions. Each gives back supabase-js's { data, error }: a refusal is said in words by the
// form action that called it.

export function dismissReports(supabase: Client, groupId: string, target: Target, reason: string) {
	return supabase.rpc('dismiss_reports', { target_group: groupId, reason, ...target });
}

export function hide(
	supabase: Client,
	target: { post: string } | { comment: string },
	reason: string
) {
	return 'post' in target
		? supabase.rpc('hide_post', { post: target.post, reason })
		: supabase.rpc('hide_comment', { comment: target.comment, reason });
}

export function restore(
	supabase: Client,
	target: { post: string } | { comment: string },
	reason: string
) {
	return 'post' in target
		? supabase.rpc('restore_post', { post: target.post, reason })
		: supabase.rpc('restore_comment', { comment: target.comment, reason });
}

export function muteMember(supabase: Client, memberId: string, days: number, reason: string) {
	return supabase.rpc('mute_member', { member: memberId, days, reason });
}

export function unmuteMember(supabase: Client, memberId: string, reason: string) {
	return supabase.rpc('unmute_member', { member: memberId, reason });
}

export function removeFromGroup(supabase: Client, memberId: string, reason: string) {
	return supabase.rpc('remove_from_group', { member: memberId, reason });
}

export function messageMember(supabase: Client, clientId: string, memberId: string, body: string) {
	return supabase.rpc('message_member', { client_id: clientId, member: memberId, body });
}

export function replyAsModerators(
	supabase: Client,
	clientId: string,
	threadId: string,
	body: string
) {
	return supabase.rpc('reply_as_moderators', { client_id: clientId, thread: threadId, body });
}

export function refuseJoinRequest(supabase: Client, memberId: string, reason: string | null) {
	return supabase.rpc('refuse_join_request', {
		member: memberId,
		...(reason ? { reason } : {})
	});
}
