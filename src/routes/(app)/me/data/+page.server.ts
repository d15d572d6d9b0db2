import { m } from '$lib/paraglide/messages';
import { explainDatabaseError } from '$lib/server/errors';
import { fail, redirect } from '@sveltejs/kit';
import type { Actions } from './$types';

export const actions: Actions = {
	delete: async ({ request, locals }) => {
		const form = await request.formData();
		if (form.get('confirm') !== 'yes') return fail(400, { problem: m.delete_confirm_required() });
		// Unnamed posts and answers stay unless the person asks otherwise (delete_my_account).
		const { error } = await locals.supabase.rpc('delete_my_account', {
			also_unnamed: form.get('also_unnamed') === 'yes'
		});
		if (error) return fail(400, { problem: explainDatabaseError(error) });
		await locals.supabase.auth.signOut({ scope: 'local' });
		redirect(303, '/?deleted=1');
	}
};
