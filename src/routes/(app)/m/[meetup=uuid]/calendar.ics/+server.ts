// "Add to my calendar" for one meetup. Endpoints are not behind the signed-in area's layout
// guard, so the session is checked here; the meetup is read with the person's own client, so
// row level security decides who gets it (everyone else: 404, as for a meetup that does not
// exist).
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { calendarFile, calendarResponse, meetupForCalendar } from '$lib/server/calendar';
import { error, redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params, url }) => {
	const { user } = await locals.safeGetSession();
	if (!user) redirect(303, `/signin?redirectTo=${encodeURIComponent(url.pathname)}`);
	const meetup = await meetupForCalendar(locals.supabase, params.meetup);
	if (!meetup) error(404, m.page_not_found());
	return calendarResponse(
		calendarFile([meetup], { origin: url.origin, locale: getLocale() }),
		`kring-${meetup.id.slice(0, 8)}.ics`
	);
};
