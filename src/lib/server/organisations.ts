// Running an organisation: registering it, its admins, its groups and their moderators. A thin
// layer over the functions of 20261201110000; every rule lives there. Reads that fail are
// outages; writes give back the database's refusal for the form to put in words.
import type { Database } from '$lib/database.types';
import { outage } from '$lib/server/outage';
import type { SupabaseClient } from '@supabase/supabase-js';

type Client = SupabaseClient<Database>;
type JoinPolicy = Database['public']['Enums']['join_policy'];

export interface OrganisationFacts {
	name: string;
	description: string;
	address: string;
	contact: string;
	languages: string[];
	colour: string;
	initials: string;
}

export interface AdminOrganisation extends OrganisationFacts {
	id: string;
	slug: string;
}

export interface AdminGroup {
	id: string;
	name: string;
	language: string;
	join_policy: JoinPolicy;
	archived_at: string | null;
	members: number;
}

export interface OrganisationAdminPage {
	organisation: AdminOrganisation;
	groups: AdminGroup[];
	admins: { id: string; name: string; me: boolean; since: string }[];
	admin_invites: { id: string; code: string; expires_at: string }[];
	/** While I am a new admin (first week, with an older one): until when I change nothing others read. */
	still_new_until: string | null;
}

export interface GroupFacts {
	name: string;
	description: string;
	rules: string;
	join_policy: JoinPolicy;
	language: string;
}

export interface GroupAdminPage {
	organisation: { id: string; name: string; slug: string };
	group: GroupFacts & { id: string; slug: string; archived_at: string | null };
	/** `me`: the admin looking, who cannot appoint themself. */
	members: {
		id: string;
		nickname: string;
		role: Database['public']['Enums']['member_role'];
		me: boolean;
	}[];
	/** Null when I am not a moderator of the group (only they make invite links). */
	invites: { code: string; expires_at: string; uses: number; max_uses: number }[] | null;
}

export interface MyOrganisation {
	id: string;
	name: string;
	slug: string;
	colour: string;
	initials: string;
}

/** Null when I am not an admin of an organisation with that address. */
export async function organisationAdminPage(
	supabase: Client,
	slug: string
): Promise<OrganisationAdminPage | null> {
	const { data, error } = await supabase.rpc('page_organisation_admin', {
		organisation_slug: slug
	});
	if (error) outage(error);
	return data as unknown as OrganisationAdminPage | null;
}

/** Null when I am not an admin of the organisation, or the group is not one of its groups. */
export async function groupAdminPage(
	supabase: Client,
	slug: string,
	groupId: string
): Promise<GroupAdminPage | null> {
	const { data, error } = await supabase.rpc('page_group_admin', {
		organisation_slug: slug,
		target_group: groupId
	});
	if (error) outage(error);
	return data as unknown as GroupAdminPage | null;
}

export async function myOrganisations(supabase: Client): Promise<MyOrganisation[]> {
	const { data, error } = await supabase.rpc('page_my_organisations');
	if (error) outage(error);
	return data as unknown as MyOrganisation[];
}

/**
 * The organisation an admin invite code belongs to, for the page that makes someone its admin: the
 * code decides, not the address the link shows. Null for a code that does not exist.
 */
export async function adminInvitePreview(supabase: Client, code: string) {
	const { data, error } = await supabase.rpc('admin_invite_preview', { code });
	if (error) outage(error);
	return data?.[0] ?? null;
}

export const registerOrganisation = (
	supabase: Client,
	clientId: string,
	slug: string,
	facts: OrganisationFacts
) => supabase.rpc('register_organisation', { client_id: clientId, slug, ...facts });

export const updateOrganisation = (supabase: Client, id: string, facts: OrganisationFacts) =>
	supabase.rpc('update_organisation', { organisation: id, ...facts });

export const createAdminInvite = (supabase: Client, organisation: string) =>
	supabase.rpc('create_admin_invite', { organisation });

export const revokeAdminInvite = (supabase: Client, invite: string) =>
	supabase.rpc('revoke_admin_invite', { invite });

/** Refused when the code is another organisation's than the page's (slug). */
export const acceptAdminInvite = (supabase: Client, code: string, slug: string) =>
	supabase.rpc('accept_admin_invite', { code, organisation_slug: slug });

export const removeAdmin = (supabase: Client, organisation: string, person: string) =>
	supabase.rpc('remove_organisation_admin', { organisation, person });

export const leaveOrganisation = (supabase: Client, organisation: string) =>
	supabase.rpc('leave_organisation', { organisation });

export const createGroup = (
	supabase: Client,
	clientId: string,
	organisation: string,
	slug: string,
	nickname: string,
	facts: GroupFacts
) =>
	supabase.rpc('create_group', {
		client_id: clientId,
		organisation,
		slug,
		nickname,
		...facts
	});

export const updateGroup = (supabase: Client, groupId: string, facts: GroupFacts) =>
	supabase.rpc('update_group', { target_group: groupId, ...facts });

export const archiveGroup = (supabase: Client, groupId: string, archived: boolean) =>
	supabase.rpc(archived ? 'archive_group' : 'unarchive_group', { target_group: groupId });

export const setModerator = (supabase: Client, member: string, moderator: boolean) =>
	supabase.rpc(moderator ? 'appoint_moderator' : 'remove_moderator', { member });
