import { keepAccountSchema, profileSchema } from '$lib/schemas/auth';
import { keepAccount } from '$lib/server/auth';
import { confirm, refuse } from '$lib/server/forms';
import { rememberLanguage } from '$lib/server/language';
import { myProfile, updateMyProfile } from '$lib/server/profiles';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { error, redirect } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const { user } = await locals.safeGetSession();
	const profile = user && (await myProfile(locals.supabase, user.id));
	if (!profile) error(404, m.page_not_found());
	return {
		profileForm: await superValidate(
			{ display_name: profile.display_name, language: profile.language as 'nl' | 'fr' | 'en' },
			zod4(profileSchema),
			{ id: 'profile' }
		),
		keepForm: await superValidate(zod4(keepAccountSchema), { id: 'keep' })
	};
};

export const actions: Actions = {
	profile: async ({ request, locals, cookies, url }) => {
		const form = await superValidate(request, zod4(profileSchema), { id: 'profile' });
		if (!form.valid) return refuse(form);
		const { user } = await locals.safeGetSession();
		const saved = user && (await updateMyProfile(locals.supabase, user.id, form.data));
		if (!saved?.ok) return refuse(form, { message: m.error_something_wrong() });
		rememberLanguage(cookies, url, form.data.language);
		// A new language needs a fresh page, so every word and the page's lang change at once.
		if (form.data.language !== getLocale()) redirect(303, '/me');
		return confirm(form, m.me_profile_saved());
	},
	keep: async ({ request, locals }) => {
		const form = await superValidate(request, zod4(keepAccountSchema), { id: 'keep' });
		if (!form.valid) return refuse(form);
		const result = await keepAccount(locals.supabase, form.data.email, form.data.password);
		if (!result.ok) return refuse(form, result);
		form.data.password = '';
		return confirm(form, m.keep_done({ email: form.data.email }));
	}
};
