import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { groupMeetups } from '$lib/server/meetups';
import { meetupWhen } from '$lib/time';
import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const now = new Date();
	// Runs beside the layout's call, not after it: the database refuses non-members itself.
	const meetups = await groupMeetups(locals.supabase, params.group);
	if (!meetups) error(404, m.page_not_found());
	return {
		meetups: meetups.map((meetup) => ({
			...meetup,
			when: meetupWhen(meetup.starts_at, meetup.ends_at, getLocale(), now)
		}))
	};
};
