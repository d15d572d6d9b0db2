import { getLocale } from '$lib/paraglide/runtime';
import { answersToMe, myGroups } from '$lib/server/groups';
import { myNextMeetups } from '$lib/server/meetups';
import { meetupWhen } from '$lib/time';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const [groups, answers, meetups] = await Promise.all([
		myGroups(locals.supabase),
		answersToMe(locals.supabase),
		myNextMeetups(locals.supabase)
	]);
	const now = new Date();
	return {
		groups,
		answers,
		meetups: meetups.map((meetup) => ({
			...meetup,
			when: meetupWhen(meetup.starts_at, meetup.ends_at, getLocale(), now)
		}))
	};
};
