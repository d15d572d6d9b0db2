// The roles a screen names beside a person's name. A member's role goes unsaid; a host or
// moderator is always said, so someone else with the same name is told apart.
import type { Database } from '$lib/database.types';
import { m } from '$lib/paraglide/messages';

export type MemberRole = Database['public']['Enums']['member_role'];

export function roleBesideName(role: MemberRole | null | undefined): string | undefined {
	if (role === 'host') return m.role_host();
	if (role === 'moderator') return m.role_moderator();
	return undefined;
}
