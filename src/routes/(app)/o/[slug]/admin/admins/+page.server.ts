import { m } from '$lib/paraglide/messages';
import { explainOrganisationError } from '$lib/server/errors';
import {
	createAdminInvite,
	leaveOrganisation,
	organisationAdminPage,
	removeAdmin,
	revokeAdminInvite
} from '$lib/server/organisations';
import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';

async function pageOr404(locals: App.Locals, slug: string) {
	const page = await organisationAdminPage(locals.supabase, slug);
	if (!page) error(403, m.org_not_admin_title());
	return page;
}

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const page = await pageOr404(locals, params.slug);
	return {
		organisation: page.organisation,
		admins: page.admins,
		invites: page.admin_invites.map((invite) => ({
			...invite,
			link: `${url.origin}/o/${page.organisation.slug}/admin-invite/${invite.code}`
		}))
	};
};

const person = z.object({ person: z.uuid() });
const invite = z.object({ invite: z.uuid() });

export const actions: Actions = {
	invite: async ({ locals, params }) => {
		const { organisation } = await pageOr404(locals, params.slug);
		const { error: refused } = await createAdminInvite(locals.supabase, organisation.id);
		if (refused) return fail(403, { problem: explainOrganisationError(refused) });
	},
	revoke: async ({ request, locals }) => {
		const parsed = invite.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { problem: m.error_something_wrong() });
		const { error: refused } = await revokeAdminInvite(locals.supabase, parsed.data.invite);
		if (refused) return fail(403, { problem: explainOrganisationError(refused) });
	},
	remove: async ({ request, locals, params }) => {
		const parsed = person.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { problem: m.error_something_wrong() });
		const { organisation } = await pageOr404(locals, params.slug);
		const { error: refused } = await removeAdmin(
			locals.supabase,
			organisation.id,
			parsed.data.person
		);
		if (refused) return fail(403, { problem: explainOrganisationError(refused) });
		return { done: m.org_admins_removed() };
	},
	leave: async ({ locals, params }) => {
		const { organisation } = await pageOr404(locals, params.slug);
		const { error: refused } = await leaveOrganisation(locals.supabase, organisation.id);
		if (refused) return fail(403, { problem: explainOrganisationError(refused) });
		redirect(303, '/o');
	}
};
