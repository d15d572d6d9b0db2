import { signInSchema } from '$lib/schemas/auth';
import { comeBackTo, safeRedirect, signIn } from '$lib/server/auth';
import { clientAddress } from '$lib/server/client-address';
import { refuse } from '$lib/server/forms';
import { rememberLanguage } from '$lib/server/language';
import { myProfile } from '$lib/server/profiles';
import { isAdminInvite } from '$lib/server/sign-in-first';
import { redirect } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const { user } = await locals.safeGetSession();
	if (user) redirect(303, safeRedirect(url.searchParams.get('redirectTo')));
	const redirectTo = comeBackTo(url);
	return {
		form: await superValidate(zod4(signInSchema)),
		redirectTo,
		adminInvite: redirectTo !== null && isAdminInvite(redirectTo)
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { request, locals, url, cookies } = event;
		const form = await superValidate(request, zod4(signInSchema));
		if (!form.valid) return refuse(form);
		const { email, password } = form.data;
		const result = await signIn(locals.sessionClient, clientAddress(event), email, password);
		if (!result.ok) return refuse(form, result);

		// Signing in on a new phone brings back the language the person chose before.
		const { user } = await locals.safeGetSession();
		const profile = user && (await myProfile(locals.supabase, user.id));
		if (profile) rememberLanguage(cookies, url, profile.language);
		redirect(303, safeRedirect(url.searchParams.get('redirectTo')));
	}
};
