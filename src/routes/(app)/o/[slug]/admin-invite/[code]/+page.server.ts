import { m } from '$lib/paraglide/messages';
import { explainOrganisationError } from '$lib/server/errors';
import { acceptAdminInvite, adminInvitePreview } from '$lib/server/organisations';
import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

// Opening the link changes nothing; becoming admin is the button (a POST). The page names the
// organisation the code belongs to; a code shown under another organisation's address is refused,
// so no one is made admin of something else than what they read.
export const load: PageServerLoad = async ({ locals, params }) => {
	const invite = await adminInvitePreview(locals.supabase, params.code);
	if (!invite || invite.slug !== params.slug) error(404, m.org_error_admin_invite_invalid());
	const { user } = await locals.safeGetSession();
	return {
		organisation: { name: invite.name, slug: invite.slug },
		works: invite.works,
		emailAccount: Boolean(user && !user.is_anonymous && user.email)
	};
};

export const actions: Actions = {
	default: async ({ locals, params }) => {
		const { data: slug, error: refused } = await acceptAdminInvite(
			locals.supabase,
			params.code,
			params.slug
		);
		if (refused || !slug) return fail(403, { problem: explainOrganisationError(refused) });
		redirect(303, `/o/${slug}/admin`);
	}
};
