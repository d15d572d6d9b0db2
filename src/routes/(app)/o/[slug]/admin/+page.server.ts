import { m } from '$lib/paraglide/messages';
import { organisationAdminPage } from '$lib/server/organisations';
import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const page = await organisationAdminPage(locals.supabase, params.slug);
	// Anyone but its admins reads that they are not one (+error.svelte one level up).
	if (!page) error(403, m.org_not_admin_title());
	return page;
};
