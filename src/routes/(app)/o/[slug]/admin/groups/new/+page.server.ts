import { randomUUID } from 'node:crypto';
import { m } from '$lib/paraglide/messages';
import { newGroupSchema } from '$lib/schemas/organisations';
import { explainOrganisationError, fieldOfRefusal } from '$lib/server/errors';
import { refuse } from '$lib/server/forms';
import { createInvite } from '$lib/server/groups';
import { createGroup, organisationAdminPage } from '$lib/server/organisations';
import { slugFrom } from '$lib/slug';
import { error, redirect } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';

async function organisationOr404(locals: App.Locals, slug: string) {
	const page = await organisationAdminPage(locals.supabase, slug);
	if (!page) error(403, m.org_not_admin_title());
	return page.organisation;
}

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const organisation = await organisationOr404(locals, params.slug);
	return {
		organisation,
		// Right after registering: "make your first group".
		first: url.searchParams.has('first'),
		form: await superValidate(
			{
				client_id: randomUUID(),
				language: (organisation.languages[0] ?? 'nl') as 'nl' | 'fr' | 'en'
			},
			zod4(newGroupSchema),
			{ errors: false }
		)
	};
};

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		const organisation = await organisationOr404(locals, params.slug);
		const form = await superValidate(request, zod4(newGroupSchema));
		if (!form.valid) return refuse(form);
		const { client_id, nickname, ...facts } = form.data;
		const { data: group, error: refused } = await createGroup(
			locals.supabase,
			client_id,
			organisation.id,
			slugFrom(facts.name) || 'groep',
			nickname,
			facts
		);
		if (refused || !group) {
			const field = refused ? fieldOfRefusal[refused.message] : undefined;
			return refuse(form, { field, message: explainOrganisationError(refused) });
		}
		// The group's first link, so the admin leaves with something to share. Should it fail, the
		// group's page makes one with a tap.
		const { error: noLink } = await createInvite(locals.supabase, group, 14, 25);
		if (noLink) console.warn('first invite link not made', noLink.message);
		redirect(303, `/o/${organisation.slug}/admin/groups/${group}?ready`);
	}
};
