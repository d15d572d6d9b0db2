// What the layouts of every signed-in page show (app_shell): my name, my unread count, and the
// group the page is in with my role there. The most-visited pages' own functions bring it beside
// their data (one call for the whole page); for the others the signed-in layout calls app_shell
// at the same time as the page's own call, and neither waits for the other.
import type { Database } from '$lib/database.types';
import { outage } from '$lib/server/outage';
import type { SessionUser } from '$lib/server/session';
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

/** What a page function that brings the shell returns beside its own data. */
export interface WithShell {
	shell: Shell;
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

/**
 * The pages whose page function brings the shell (as `shell`, beside their own data): the
 * signed-in layout makes no call for them, and they return the layouts' data themselves
 * (shellData). Their functions are wrappers (migration 20261202300000).
 */
export const shellComesWithPage: ReadonlySet<string | null> = new Set([
	'/(app)/home',
	'/(app)/g/[group=uuid]',
	'/(app)/g/[group=uuid]/p/[post=uuid]',
	'/(app)/m/[meetup=uuid]',
	'/(app)/m/[meetup=uuid]/host'
]);

/** What the layouts show, as page data (the layouts read page.data, where a page's keys win). */
export function shellData<G extends ShellGroup | null>(shell: Shell, user: SessionUser, group: G) {
	return {
		person: {
			// Their own id, for their own page only: the outbox keeps and sends their writes by it.
			id: user.id,
			name: shell.person.name,
			anonymous: user.is_anonymous,
			email: user.email ?? null
		},
		notificationsUnread: shell.unread,
		group
	};
}

/** Stands in for the shell in the layout while a page that brings its own is loaded with it. */
export function shellFromSession(user: SessionUser): Shell {
	return {
		person: { name: user.user_metadata.nickname ?? '', language: null },
		unread: 0,
		group: null
	};
}
