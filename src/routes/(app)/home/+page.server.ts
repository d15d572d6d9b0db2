import { myGroups } from '$lib/server/groups';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
	groups: await myGroups(locals.supabase)
});
