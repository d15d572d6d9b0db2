import { getLocale } from '$lib/paraglide/runtime';
import { homePage } from '$lib/server/groups';
import { nextOfEach } from '$lib/server/meetups';
import { meetupWhen } from '$lib/time';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const { groups, answers, meetups } = await homePage(locals.supabase);
	const now = new Date();
	return {
		groups,
		answers,
		meetups: nextOfEach(meetups)
			.slice(0, 5)
			.map((meetup) => ({
				...meetup,
				when: meetupWhen(meetup.starts_at, meetup.ends_at, getLocale(), now)
			}))
	};
};
