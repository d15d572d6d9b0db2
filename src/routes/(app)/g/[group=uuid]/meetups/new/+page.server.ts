import { m } from '$lib/paraglide/messages';
import { meetupSchema } from '$lib/schemas/meetups';
import { explainDatabaseError, fieldOfRefusal } from '$lib/server/errors';
import { refuse } from '$lib/server/forms';
import { createMeetup } from '$lib/server/hosting';
import { rememberSaved } from '$lib/server/saved';
import { error, redirect } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';

// Hosts and moderators only; for anyone else this page does not exist (the database refuses too).
function mayHost(role: string) {
	return role === 'host' || role === 'moderator';
}

export const load: PageServerLoad = async ({ parent }) => {
	const { group } = await parent();
	if (!mayHost(group.me.role)) error(404, m.page_not_found());
	// The client id is made once per form shown: sending it twice makes one meetup.
	const form = await superValidate({ client_id: crypto.randomUUID() }, zod4(meetupSchema), {
		errors: false
	});
	return { form };
};

export const actions: Actions = {
	default: async ({ request, locals, params, cookies, url }) => {
		const form = await superValidate(request, zod4(meetupSchema));
		if (!form.valid) return refuse(form);
		const { data: meetupId, error: refused } = await createMeetup(
			locals.supabase,
			params.group,
			form.data.client_id,
			form.data
		);
		if (refused || !meetupId) {
			const field = refused ? fieldOfRefusal[refused.message] : undefined;
			return refuse(form, {
				field,
				message: explainDatabaseError(refused) || m.error_something_wrong()
			});
		}
		rememberSaved(cookies, url, meetupId, 'made');
		redirect(303, `/m/${meetupId}/host`);
	}
};
