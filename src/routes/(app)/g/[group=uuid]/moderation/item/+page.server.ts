import { m } from '$lib/paraglide/messages';
import { itemPage, targetOf } from '$lib/server/moderation';
import { moderationActions } from '$lib/server/moderation-actions';
import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

// ?post=, ?comment= or ?member=: the reported item in context, with what the moderators can do.
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const target = targetOf(url);
	if (!target) error(404, m.page_not_found());
	const item = await itemPage(locals.supabase, params.group, target);
	if (!item) error(404, m.page_not_found());
	return { target, item, clientId: crypto.randomUUID() };
};

export const actions: Actions = moderationActions;
