import { m } from '$lib/paraglide/messages';
import { queuePage } from '$lib/server/moderation';
import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const queue = await queuePage(locals.supabase, params.group);
	if (!queue) error(404, m.page_not_found());
	return { queue };
};
