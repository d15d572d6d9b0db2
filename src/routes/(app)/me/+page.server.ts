import {
	changeEmailSchema,
	changePasswordSchema,
	keepAccountSchema,
	profileSchema
} from '$lib/schemas/auth';
import { changeEmail, changePassword, keepAccount } from '$lib/server/auth';
import { clientAddress } from '$lib/server/client-address';
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
		keepForm: await superValidate(zod4(keepAccountSchema), { id: 'keep' }),
		emailForm: await superValidate(zod4(changeEmailSchema), { id: 'email' }),
		passwordForm: await superValidate(zod4(changePasswordSchema), { id: 'password' })
	};
};

/**
 * The account as auth knows it now. Not safeGetSession(), which trusts any unexpired token: before
 * the account changes hands, auth itself confirms the session is still alive (not signed out on
 * another phone, the account not deleted), and the page's load in this same request sees the change.
 */
async function accountNow(locals: App.Locals) {
	const { data, error } = await locals.sessionClient.auth.getUser();
	return error ? null : data.user;
}

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
	// Only for an account without a password: one that has one proves it first (email, password).
	keep: async ({ request, locals }) => {
		const form = await superValidate(request, zod4(keepAccountSchema), { id: 'keep' });
		if (!form.valid) return refuse(form);
		const user = await accountNow(locals);
		if (!user?.is_anonymous) return refuse(form, { message: m.account_already_kept() });
		const result = await keepAccount(locals.sessionClient, form.data.email, form.data.password);
		if (!result.ok) return refuse(form, result);
		form.data.password = '';
		return confirm(form, m.keep_done({ email: form.data.email }));
	},
	email: async (event) => {
		const { request, locals } = event;
		const form = await superValidate(request, zod4(changeEmailSchema), { id: 'email' });
		if (!form.valid) return refuse(form);
		const user = await accountNow(locals);
		if (!user?.email || user.is_anonymous)
			return refuse(form, { message: m.error_something_wrong() });
		const { email, current_password } = form.data;
		const result = await changeEmail(
			locals.sessionClient,
			clientAddress(event),
			user.email,
			email,
			current_password
		);
		if (!result.ok) return refuse(form, result);
		form.data.current_password = '';
		return confirm(
			form,
			result.confirm ? m.account_email_confirm({ email }) : m.account_email_done({ email })
		);
	},
	password: async (event) => {
		const { request, locals } = event;
		const form = await superValidate(request, zod4(changePasswordSchema), { id: 'password' });
		// The new password typed stays when the form is refused; the current one is asked again.
		const secrets = ['current_password'];
		if (!form.valid) return refuse(form, undefined, secrets);
		const user = await accountNow(locals);
		if (!user?.email || user.is_anonymous)
			return refuse(form, { message: m.error_something_wrong() }, secrets);
		const { current_password, password } = form.data;
		const result = await changePassword(
			locals.sessionClient,
			clientAddress(event),
			user.email,
			current_password,
			password
		);
		if (!result.ok) return refuse(form, result, secrets);
		form.data.current_password = '';
		form.data.password = '';
		return confirm(form, m.account_password_done());
	}
};
