// Groups and membership: a thin layer over the database functions that hold the rules.
import type { Database } from '$lib/database.types';
import { outage } from '$lib/server/outage';
import type { SupabaseClient } from '@supabase/supabase-js';

type Client = SupabaseClient<Database>;
export type MemberRole = Database['public']['Enums']['member_role'];

export async function myGroups(supabase: Client) {
	const { data, error } = await supabase.rpc('my_groups');
	if (error) outage(error);
	return data ?? [];
}

export async function answersToMe(supabase: Client) {
	const { data, error } = await supabase.rpc('answers_to_me');
	if (error) outage(error);
	return data ?? [];
}

export async function invitePreview(supabase: Client, code: string) {
	const { data, error } = await supabase.rpc('invite_preview', { invite_code: code });
	if (error) outage(error);
	return data?.[0] ?? null;
}

export async function acceptInvite(supabase: Client, code: string, nickname: string) {
	return supabase.rpc('accept_invite', { invite_code: code, nickname, accept_rules: true });
}

/** The group as its member sees it, with my own membership; null when I may not see it. */
export async function groupForMember(supabase: Client, groupId: string) {
	const [{ data: group, error: groupError }, { data: mine, error: mineError }] = await Promise.all([
		supabase
			.from('groups')
			.select('id, name, description, rules, language, join_policy')
			.eq('id', groupId)
			.maybeSingle(),
		supabase.rpc('my_membership', { target_group: groupId })
	]);
	const failed = groupError ?? mineError;
	if (failed) outage(failed);
	const me = mine?.[0];
	if (!group || !me || me.status !== 'active') return null;
	return { ...group, me };
}

/** The group's members and requests by nickname and role: what members may know of each other. */
export async function members(supabase: Client, groupId: string) {
	const { data, error } = await supabase
		.from('group_members')
		.select('id, nickname, role, status, without_phone')
		.eq('group_id', groupId)
		.in('status', ['active', 'pending'])
		.order('nickname');
	if (error) outage(error);
	return data ?? [];
}

export async function markSeen(supabase: Client, groupId: string) {
	const { error } = await supabase.rpc('mark_group_seen', { target_group: groupId });
	if (error) outage(error);
}

export async function leaveGroup(supabase: Client, groupId: string) {
	return supabase.rpc('leave_group', { target_group: groupId });
}

export async function setRole(supabase: Client, memberId: string, role: MemberRole) {
	return supabase.rpc('set_member_role', { member: memberId, new_role: role });
}

export async function decideJoinRequest(supabase: Client, memberId: string, approve: boolean) {
	return supabase.rpc('decide_join_request', { member: memberId, approve });
}

export async function invites(supabase: Client, groupId: string) {
	const { data, error } = await supabase
		.from('invites')
		.select('id, code, expires_at, max_uses, uses, revoked_at, created_at')
		.eq('group_id', groupId)
		.is('revoked_at', null)
		.gt('expires_at', new Date().toISOString())
		.order('created_at', { ascending: false });
	if (error) outage(error);
	return data ?? [];
}

export async function createInvite(
	supabase: Client,
	groupId: string,
	days: number,
	maxUses: number
) {
	const expires = new Date(Date.now() + days * 86_400_000).toISOString();
	return supabase.rpc('create_invite', {
		target_group: groupId,
		expires_at: expires,
		max_uses: maxUses
	});
}

export async function revokeInvite(supabase: Client, inviteId: string) {
	return supabase.rpc('revoke_invite', { invite: inviteId });
}
