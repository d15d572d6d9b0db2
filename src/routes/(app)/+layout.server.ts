import { redirect } from '@sveltejs/kit';
import type { LayoutServerLoad } from './$types';

// The one guard of the signed-in area.
export const load: LayoutServerLoad = async ({ locals, url }) => {
	const { user } = await locals.safeGetSession();
	if (!user) redirect(303, `/signin?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
};
