// Groups and membership: a thin layer over the database functions that hold the rules.
import type { Database } from '$lib/database.types';
import type { MeetupCard } from '$lib/server/meetups';
import { outage } from '$lib/server/outage';
import type { WithShell } from '$lib/server/shell';
import type { SupabaseClient } from '@supabase/supabase-js';
import { renderSVG } from 'uqr';

type Client = SupabaseClient<Database>;
export type MemberRole = Database['public']['Enums']['member_role'];

type Rows<Name extends keyof Database['public']['Functions']> =
	Database['public']['Functions'][Name]['Returns'];

/** Home in one call (page_home): its rows have the columns of the functions it is made of. */
export interface HomePage {
	groups: Rows<'my_groups'>;
	answers: Rows<'answers_to_me'>;
	/** More than home shows: the page keeps the next of each weekly meetup (nextOfEach). */
	meetups: MeetupCard[];
	/** The moderators' personal invitations to meetups to come, not answered yet. */
	invitations: HomeInvitation[];
	/** Newcomers the moderators asked me to be a buddy for, not answered yet. */
	buddy_requests: HomeBuddyRequest[];
	/** "Ook in je organisatie": open meetups of my organisations' groups I am not in. */
	organisation_meetups: HomeOrganisationMeetup[];
	/** My requests to join that wait for an answer. */
	my_requests: { group: { id: string; name: string } }[];
	/** In the groups I moderate: how many wait to be let in. */
	waiting_requests: { group: { id: string; name: string }; count: number }[];
}

export interface HomeOrganisationMeetup {
	id: string;
	title: string;
	starts_at: string;
	ends_at: string;
	place: string | null;
	online: boolean;
	cost: string | null;
	childcare: boolean;
	transport_help: boolean;
	wheelchair_access: boolean;
	guests_welcome: boolean;
	group: { id: string; name: string };
}

export interface HomeInvitation {
	id: string;
	meetup: { id: string; title: string; starts_at: string };
	group: { id: string; name: string };
	created_at: string;
}

export interface HomeBuddyRequest {
	id: string;
	group: { id: string; name: string };
	newcomer: { nickname: string };
}

/** Home in one call, with the shell; null when the database sees no one signed in. */
export async function homePage(supabase: Client) {
	const { data, error } = await supabase.rpc('page_home');
	if (error) outage(error);
	return data as unknown as (HomePage & WithShell) | null;
}

export async function invitePreview(supabase: Client, code: string) {
	const { data, error } = await supabase.rpc('invite_preview', { invite_code: code });
	if (error) outage(error);
	return data?.[0] ?? null;
}

/**
 * What accept_invite() would say of the nickname (a refusal code), or null: asked before a
 * newcomer's account is made, so a refused name leaves no account behind.
 */
export async function inviteNicknameRefusal(supabase: Client, code: string, nickname: string) {
	const { data, error } = await supabase.rpc('check_invite_nickname', {
		invite_code: code,
		nickname
	});
	if (error) outage(error);
	return data;
}

/**
 * Deletes the account this request just made for a join that was then refused, and ends its
 * session (`session`: the client that holds the session cookies).
 */
export async function undoNewAccount(supabase: Client, session: SupabaseClient) {
	const { error } = await supabase.rpc('delete_my_account', { also_unnamed: false });
	if (error) outage(error);
	const { error: signOutError } = await session.auth.signOut({ scope: 'local' });
	if (signOutError) outage(signOutError);
}

export async function acceptInvite(supabase: Client, code: string, nickname: string) {
	return supabase.rpc('accept_invite', { invite_code: code, nickname, accept_rules: true });
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

/** Everything up to the moment the feed was read (readAt, from page_group_feed) is seen. */
export async function markSeen(supabase: Client, groupId: string, readAt: string) {
	const { error } = await supabase.rpc('mark_group_seen', {
		target_group: groupId,
		read_at: readAt
	});
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

/** An invite as a moderator passes it on: its link, and the link as a QR code to scan (SVG). */
export function shareable<Invite extends { code: string }>(invite: Invite, origin: string) {
	const link = `${origin}/join/${invite.code}`;
	return { ...invite, link, qr: renderSVG(link, { border: 2 }) };
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
