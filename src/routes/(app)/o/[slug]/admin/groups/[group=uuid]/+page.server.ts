import { m } from '$lib/paraglide/messages';
import { groupSchema } from '$lib/schemas/organisations';
import { explainOrganisationError, fieldOfRefusal } from '$lib/server/errors';
import { confirm, refuse } from '$lib/server/forms';
import { createInvite, shareable } from '$lib/server/groups';
import { archiveGroup, groupAdminPage, setModerator, updateGroup } from '$lib/server/organisations';
import { error, fail } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';

async function pageOr404(locals: App.Locals, slug: string, groupId: string) {
	const page = await groupAdminPage(locals.supabase, slug, groupId);
	// Only the organisation's admins, and only its own groups.
	if (!page) error(404, m.page_not_found());
	return page;
}

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const page = await pageOr404(locals, params.slug, params.group);
	const { group } = page;
	return {
		...page,
		ready: url.searchParams.has('ready'),
		invites: page.invites?.map((invite) => shareable(invite, url.origin)) ?? null,
		form: await superValidate(
			{
				name: group.name,
				description: group.description,
				rules: group.rules,
				join_policy: group.join_policy,
				language: group.language as 'nl' | 'fr' | 'en'
			},
			zod4(groupSchema),
			{ errors: false }
		)
	};
};

const member = z.object({ member: z.uuid(), moderator: z.enum(['true', 'false']) });
const archived = z.object({ archived: z.enum(['true', 'false']) });

export const actions: Actions = {
	save: async ({ request, locals, params }) => {
		const form = await superValidate(request, zod4(groupSchema));
		if (!form.valid) return refuse(form);
		const { error: refused } = await updateGroup(locals.supabase, params.group, form.data);
		if (refused) {
			return refuse(form, {
				field: fieldOfRefusal[refused.message],
				message: explainOrganisationError(refused)
			});
		}
		return confirm(form, m.org_group_saved());
	},
	invite: async ({ locals, params }) => {
		const { error: refused } = await createInvite(locals.supabase, params.group, 14, 25);
		if (refused) return fail(403, { problem: explainOrganisationError(refused) });
	},
	moderator: async ({ request, locals }) => {
		const parsed = member.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { problem: m.error_something_wrong() });
		const { error: refused } = await setModerator(
			locals.supabase,
			parsed.data.member,
			parsed.data.moderator === 'true'
		);
		if (refused) return fail(403, { problem: explainOrganisationError(refused) });
	},
	archive: async ({ request, locals, params }) => {
		const parsed = archived.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { problem: m.error_something_wrong() });
		const { error: refused } = await archiveGroup(
			locals.supabase,
			params.group,
			parsed.data.archived === 'true'
		);
		if (refused) return fail(403, { problem: explainOrganisationError(refused) });
	}
};
