import { answersToMe, myGroups } from '$lib/server/groups';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const [groups, answers] = await Promise.all([
		myGroups(locals.supabase),
		answersToMe(locals.supabase)
	]);
	return { groups, answers };
};
