import { randomUUID } from 'node:crypto';
import { registerScreens } from '$lib/organisation-options';
import { registerSchema } from '$lib/schemas/organisations';
import { explainOrganisationError, fieldOfRefusal } from '$lib/server/errors';
import { refuse } from '$lib/server/forms';
import { registerOrganisation } from '$lib/server/organisations';
import { slugFrom } from '$lib/slug';
import { redirect } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';

async function emailAccount(locals: App.Locals) {
	const { user } = await locals.safeGetSession();
	return Boolean(user && !user.is_anonymous && user.email);
}

export const load: PageServerLoad = async ({ locals }) => ({
	// Only someone who can sign in again on any phone runs an organisation (the database says so
	// too); a nickname account first keeps its account with an email address.
	emailAccount: await emailAccount(locals),
	form: await superValidate({ client_id: randomUUID(), screen: 1 }, zod4(registerSchema), {
		errors: false
	})
});

/** The screen a field is asked on (1–3). */
const screenOf = (field: string) =>
	registerScreens.findIndex((fields) => (fields as readonly string[]).includes(field)) + 1;

/** Up to three capitals from the first letters of the name's words: a first suggestion. */
const initialsOf = (name: string) =>
	slugFrom(name)
		.split('-')
		.filter((word) => /^[a-z]/.test(word))
		.slice(0, 3)
		.map((word) => word[0].toUpperCase())
		.join('');

export const actions: Actions = {
	// One form over three screens: "next" checks the screens so far, "back" checks nothing, and
	// "register" checks all of them and asks the database.
	default: async ({ request, locals }) => {
		const body = await request.formData();
		const intent = String(body.get('intent') ?? 'next');
		const form = await superValidate(body, zod4(registerSchema));
		const screen = form.data.screen;
		if (screen === 1 && !form.data.slug) form.data.slug = slugFrom(form.data.name);
		if (!form.data.initials) form.data.initials = initialsOf(form.data.name);
		if (intent === 'back') {
			form.errors = {};
			form.data.screen = Math.max(1, screen - 1);
			return { form };
		}
		const upTo = intent === 'register' ? 3 : screen;
		const errors = form.errors as Record<string, unknown>;
		for (const field of Object.keys(errors)) {
			if (screenOf(field) < 1 || screenOf(field) > upTo) delete errors[field];
		}
		const wrong = Object.keys(errors).map(screenOf);
		if (wrong.length > 0) {
			form.data.screen = Math.min(...wrong);
			return refuse(form);
		}
		if (intent !== 'register') {
			form.data.screen = Math.min(3, screen + 1);
			return { form };
		}
		if (!(await emailAccount(locals))) redirect(303, '/o/new');
		const { data } = form;
		const { error: refused } = await registerOrganisation(
			locals.supabase,
			data.client_id,
			data.slug,
			{
				name: data.name,
				description: data.description,
				address: data.address,
				contact: data.contact,
				languages: data.languages,
				colour: data.colour,
				initials: data.initials
			}
		);
		if (refused) {
			const field = fieldOfRefusal[refused.message];
			if (field) form.data.screen = screenOf(field);
			return refuse(form, { field, message: explainOrganisationError(refused) });
		}
		redirect(303, `/o/${data.slug}/admin/groups/new?first`);
	}
};
