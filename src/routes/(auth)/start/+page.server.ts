import { startSchema } from '$lib/schemas/auth';
import { comeBackTo, safeRedirect, startWithNickname } from '$lib/server/auth';
import { clientAddress } from '$lib/server/client-address';
import { refuse } from '$lib/server/forms';
import { redirect } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const { user } = await locals.safeGetSession();
	if (user) redirect(303, safeRedirect(url.searchParams.get('redirectTo')));
	return { form: await superValidate(zod4(startSchema)), redirectTo: comeBackTo(url) };
};

export const actions: Actions = {
	default: async (event) => {
		const { request, locals, url } = event;
		const form = await superValidate(request, zod4(startSchema));
		if (!form.valid) return refuse(form);
		const address = clientAddress(event);
		const result = await startWithNickname(locals.sessionClient, address, form.data.nickname);
		if (!result.ok) return refuse(form, result);
		redirect(303, safeRedirect(url.searchParams.get('redirectTo')));
	}
};
