import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { rsvpSchema } from '$lib/schemas/meetups';
import { explainDatabaseError, fieldOfRefusal } from '$lib/server/errors';
import { refuse } from '$lib/server/forms';
import { answerMeetup, oneMeetup } from '$lib/server/meetups';
import { shellData } from '$lib/server/shell';
import { meetupWhen } from '$lib/time';
import { error } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';

// One call: the meetup with what the layouts show (the shell).
export const load: PageServerLoad = async ({ locals, params }) => {
	const [page, { user }] = await Promise.all([
		oneMeetup(locals.supabase, params.meetup),
		locals.safeGetSession()
	]);
	if (!page || !user) error(404, m.page_not_found());
	const { shell, ...meetup } = page;
	const now = new Date();
	// A fresh client id per page shown: a double tap or a retry of this answer counts once.
	const form = await superValidate(
		{
			client_id: crypto.randomUUID(),
			status: meetup.my_status === 'waiting' ? 'going' : (meetup.my_status ?? 'going'),
			childcare_children: meetup.my_childcare_children ?? 0,
			transport_help: meetup.my_transport_help ?? false,
			cost_is_a_problem: meetup.my_cost_is_a_problem ?? false,
			note: meetup.my_note ?? '',
			guests: (meetup.my_guests ?? 0) > 0
		},
		zod4(rsvpSchema),
		{ errors: false }
	);
	return {
		...shellData(shell, user, null),
		meetup,
		form,
		when: meetupWhen(meetup.starts_at, meetup.ends_at, getLocale(), now),
		started: new Date(meetup.starts_at) <= now
	};
};

export const actions: Actions = {
	rsvp: async ({ request, locals, params }) => {
		const form = await superValidate(request, zod4(rsvpSchema));
		if (!form.valid) return refuse(form);
		const { error: refused } = await answerMeetup(locals.supabase, {
			clientId: form.data.client_id,
			meetupId: params.meetup,
			status: form.data.status,
			childcareChildren: form.data.childcare_children,
			transportHelp: form.data.transport_help,
			costIsAProblem: form.data.cost_is_a_problem,
			note: form.data.note,
			guests: form.data.guests ? 1 : 0
		});
		if (refused) {
			const field = fieldOfRefusal[refused.message];
			return refuse(form, { field, message: explainDatabaseError(refused) });
		}
		// Nothing to return: the page loads again with where I stand and a new client id.
	}
};
