import { myOrganisations } from '$lib/server/organisations';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
	organisations: await myOrganisations(locals.supabase)
});
