import { m } from '$lib/paraglide/messages';
import { explainDatabaseError } from '$lib/server/errors';
import { acceptAdminInvite, organisationBySlug } from '$lib/server/organisations';
import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

// Opening the link changes nothing; becoming admin is the button (a POST).
export const load: PageServerLoad = async ({ locals, params }) => {
	const organisation = await organisationBySlug(locals.supabase, params.slug);
	if (!organisation) error(404, m.page_not_found());
	const { user } = await locals.safeGetSession();
	return { organisation, emailAccount: Boolean(user && !user.is_anonymous && user.email) };
};

export const actions: Actions = {
	default: async ({ locals, params }) => {
		const { data: slug, error: refused } = await acceptAdminInvite(locals.supabase, params.code);
		if (refused || !slug) return fail(403, { problem: explainDatabaseError(refused) });
		redirect(303, `/o/${slug}/admin`);
	}
};
