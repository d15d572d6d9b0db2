import { m } from '$lib/paraglide/messages';
import { organisationAdminPage } from '$lib/server/organisations';
import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const page = await organisationAdminPage(locals.supabase, params.slug);
	// For anyone but its admins there is no such page.
	if (!page) error(404, m.page_not_found());
	return page;
};
