import { getLocale } from '$lib/paraglide/runtime';
import { upcomingMeetups } from '$lib/server/meetups';
import { meetupWhen } from '$lib/time';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const now = new Date();
	const meetups = await upcomingMeetups(locals.supabase, params.group, 50);
	return {
		meetups: meetups.map((meetup) => ({
			...meetup,
			when: meetupWhen(meetup.starts_at, meetup.ends_at, getLocale(), now)
		}))
	};
};
