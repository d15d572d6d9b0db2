import { m } from '$lib/paraglide/messages';
import { explainDatabaseError } from '$lib/server/errors';
import { outage } from '$lib/server/outage';
import { isAuthApiError, isAuthSessionMissingError } from '@supabase/supabase-js';
import { fail, redirect } from '@sveltejs/kit';
import type { Actions } from './$types';

export const actions: Actions = {
	delete: async ({ request, locals }) => {
		const form = await request.formData();
		if (form.get('confirm') !== 'yes') return fail(400, { problem: m.delete_confirm_required() });
		// Asked of auth itself, not read from the token: a phone signed out elsewhere (lost, stolen)
		// still holds a token that has not expired, and must not delete the account with it.
		const { data: alive, error: gone } = await locals.sessionClient.auth.getUser();
		if (!alive.user) {
			// Auth out of reach is an outage; a session auth no longer knows signs in again.
			if (gone && !isAuthApiError(gone) && !isAuthSessionMissingError(gone)) outage(gone);
			redirect(303, '/signin?redirectTo=/me/data');
		}
		// Unnamed posts and answers stay unless the person asks otherwise (delete_my_account).
		const { error } = await locals.supabase.rpc('delete_my_account', {
			also_unnamed: form.get('also_unnamed') === 'yes'
		});
		if (error) return fail(400, { problem: explainDatabaseError(error) });
		await locals.sessionClient.auth.signOut({ scope: 'local' });
		redirect(303, '/?deleted=1');
	}
};
