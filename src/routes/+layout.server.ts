import { myProfile } from '$lib/server/profiles';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals }) => {
	const { user } = await locals.safeGetSession();
	if (!user) return { person: null };
	// The header's name is not worth the whole page: when the root layout fails, SvelteKit can
	// show only its bare fallback page, without the request id. The outage is logged either way,
	// and the page's own reads still show it.
	const profile = await myProfile(locals.supabase, user.id).catch(() => null);
	return {
		person: {
			name: profile?.display_name ?? user.user_metadata.nickname ?? '',
			anonymous: user.is_anonymous ?? false,
			email: user.email ?? null
		}
	};
};
