import { m } from '$lib/paraglide/messages';
import { explainDatabaseError } from '$lib/server/errors';
import { fail, redirect } from '@sveltejs/kit';
import type { Actions } from './$types';

export const actions: Actions = {
	delete: async ({ request, locals }) => {
		const confirmed = (await request.formData()).get('confirm') === 'yes';
		if (!confirmed) return fail(400, { problem: m.delete_confirm_required() });
		const { error } = await locals.supabase.rpc('delete_my_account');
		if (error) return fail(400, { problem: explainDatabaseError(error) });
		await locals.supabase.auth.signOut({ scope: 'local' });
		redirect(303, '/?deleted=1');
	}
};
