import { m } from '$lib/paraglide/messages';
import { organisationFactsSchema } from '$lib/schemas/organisations';
import { explainOrganisationError, fieldOfRefusal } from '$lib/server/errors';
import { confirm, refuse } from '$lib/server/forms';
import { organisationAdminPage, updateOrganisation } from '$lib/server/organisations';
import { error } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';

async function organisationOr404(locals: App.Locals, slug: string) {
	const page = await organisationAdminPage(locals.supabase, slug);
	if (!page) error(403, m.org_not_admin_title());
	return page.organisation;
}

export const load: PageServerLoad = async ({ locals, params }) => {
	const organisation = await organisationOr404(locals, params.slug);
	const { name, description, address, contact, languages, colour, initials } = organisation;
	return {
		organisation,
		form: await superValidate(
			{
				name,
				description,
				address,
				contact,
				languages: languages as ('nl' | 'fr' | 'en')[],
				colour,
				initials
			},
			zod4(organisationFactsSchema),
			{ errors: false }
		)
	};
};

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		const organisation = await organisationOr404(locals, params.slug);
		const form = await superValidate(request, zod4(organisationFactsSchema));
		if (!form.valid) return refuse(form);
		const { error: refused } = await updateOrganisation(
			locals.supabase,
			organisation.id,
			form.data
		);
		if (refused) {
			return refuse(form, {
				field: fieldOfRefusal[refused.message],
				message: explainOrganisationError(refused)
			});
		}
		return confirm(form, m.org_facts_saved());
	}
};
