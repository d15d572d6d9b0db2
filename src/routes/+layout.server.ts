import { myProfile } from '$lib/server/profiles';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals }) => {
	const { user } = await locals.safeGetSession();
	if (!user) return { person: null };
	const profile = await myProfile(locals.supabase, user.id);
	return {
		person: {
			name: profile?.display_name ?? user.user_metadata.nickname ?? '',
			anonymous: user.is_anonymous ?? false,
			email: user.email ?? null
		}
	};
};
