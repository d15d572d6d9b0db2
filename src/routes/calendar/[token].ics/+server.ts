// A person's calendar feed, fetched by phone calendar apps without a session: the secret token
// in the address is the only key. An unknown or stopped token is a plain 404 that says nothing
// about why. The link says in which language (a calendar app sends no cookie).
import { m } from '$lib/paraglide/messages';
import { getLocale, isLocale } from '$lib/paraglide/runtime';
import { calendarFile, calendarResponse, feedMeetups } from '$lib/server/calendar';
import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, url }) => {
	const meetups = await feedMeetups(params.token);
	if (!meetups) error(404, m.page_not_found());
	const asked = url.searchParams.get('lang');
	const locale = isLocale(asked) ? asked : getLocale();
	return calendarResponse(
		calendarFile(meetups, {
			origin: url.origin,
			locale,
			name: m.calendar_feed_name({}, { locale })
		}),
		'kring.ics'
	);
};
