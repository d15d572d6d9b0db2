import type { LayoutServerLoad } from './$types';

// No database call here: every page would wait for it. The signed-in area's layout replaces
// `person` with the name from the database (app_shell); pages outside it (joining another
// group, signing in again) show the nickname the session carries.
export const load: LayoutServerLoad = async ({ locals }) => {
	const { user } = await locals.safeGetSession();
	if (!user) return { person: null };
	return {
		person: {
			name: user.user_metadata.nickname ?? '',
			anonymous: user.is_anonymous ?? false,
			email: user.email ?? null
		}
	};
};
