import { m } from '$lib/paraglide/messages';
import { cancelMeetupSchema, meetupEditSchema } from '$lib/schemas/meetups';
import { explainDatabaseError, fieldOfRefusal } from '$lib/server/errors';
import { refuse } from '$lib/server/forms';
import { cancelMeetup, editValues, meetupToEdit, updateMeetup } from '$lib/server/hosting';
import { rememberSaved } from '$lib/server/saved';
import { error, redirect } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';

async function meetupOr404(locals: App.Locals, meetupId: string) {
	const meetup = await meetupToEdit(locals.supabase, meetupId);
	// Only the group's hosts and moderators: for anyone else there is no such page.
	if (!meetup) error(404, m.page_not_found());
	return meetup;
}

export const load: PageServerLoad = async ({ locals, params }) => {
	const meetup = await meetupOr404(locals, params.meetup);
	const [form, cancelForm] = await Promise.all([
		superValidate(editValues(meetup), zod4(meetupEditSchema), { errors: false, id: 'edit' }),
		superValidate({}, zod4(cancelMeetupSchema), { errors: false, id: 'cancel' })
	]);
	return { meetup, form, cancelForm };
};

export const actions: Actions = {
	save: async ({ request, locals, params, cookies, url }) => {
		const meetup = await meetupOr404(locals, params.meetup);
		const form = await superValidate(request, zod4(meetupEditSchema), { id: 'edit' });
		if (!form.valid) return refuse(form);
		// Emptied "until" keeps the series' end as it is.
		if (form.data.scope === 'series' && !form.data.until && meetup.series) {
			form.data.until = meetup.series.repeat_until;
		}
		const { error: refused } = await updateMeetup(locals.supabase, meetup.id, form.data);
		if (refused) {
			const field = fieldOfRefusal[refused.message];
			return refuse(form, { field, message: explainDatabaseError(refused) });
		}
		rememberSaved(cookies, url, meetup.id, 'changed');
		redirect(303, `/m/${meetup.id}/host`);
	},
	cancel: async ({ request, locals, params }) => {
		const meetup = await meetupOr404(locals, params.meetup);
		const form = await superValidate(request, zod4(cancelMeetupSchema), { id: 'cancel' });
		if (!form.valid)
			return refuse(form, { field: 'confirm', message: m.meetupform_cancel_confirm_required() });
		const { error: refused } = await cancelMeetup(locals.supabase, meetup.id, form.data.scope);
		if (refused) return refuse(form, { message: explainDatabaseError(refused) });
		redirect(303, `/m/${meetup.id}/host`);
	}
};
