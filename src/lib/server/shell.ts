// What the layouts of every signed-in page show, in one call (app_shell): my name, my unread
// count, and the group the page is in with my role there. The page's own call starts at the
// same time; neither waits for the other.
import type { Database } from '$lib/database.types';
import { outage } from '$lib/server/outage';
import type { SupabaseClient } from '@supabase/supabase-js';

type Role = Database['public']['Enums']['member_role'];
type Status = Database['public']['Enums']['member_status'];
type JoinPolicy = Database['public']['Enums']['join_policy'];

/** The group as its member sees it, with my own membership (from app_shell). */
export interface ShellGroup {
	id: string;
	name: string;
	description: string;
	rules: string;
	language: string;
	join_policy: JoinPolicy;
	/** Set when the group is archived: read-only for its members. */
	archived_at?: string | null;
	me: {
		id: string;
		role: Role;
		nickname: string;
		status: Status;
		/** Set while the moderators gave me a break (muted_until > now), null otherwise. */
		muted_until?: string | null;
	};
	/** For moderators only: open report items and unanswered threads, at most one over the cap. */
	queue_count?: number | null;
}

export interface Shell {
	person: { name: string; language: string | null };
	/** Unread notifications, due reminders included; at most one over the cap (see counts.ts). */
	unread: number;
	/** Null when I am not an active member of the group asked for (or none was asked for). */
	group: ShellGroup | null;
}

/** Null when the database sees no one signed in. */
export async function appShell(
	supabase: SupabaseClient<Database>,
	groupId: string | undefined
): Promise<Shell | null> {
	const { data, error } = await supabase.rpc('app_shell', groupId ? { target_group: groupId } : {});
	if (error) outage(error);
	return data as unknown as Shell | null;
}
