import { m } from '$lib/paraglide/messages';
import { groupForMember } from '$lib/server/groups';
import { error } from '@sveltejs/kit';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals, params }) => {
	const { user } = await locals.safeGetSession();
	const group = user && (await groupForMember(locals.supabase, params.group));
	if (!group) error(404, m.page_not_found());
	return { group };
};
