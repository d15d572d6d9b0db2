// The organisation's open activities as a calendar to subscribe to, or one of them
// (?activity=<id>) to add once. Public, like the page: a calendar app sends no cookie, so the link
// may say in which language (?lang=).
import { m } from '$lib/paraglide/messages';
import { getLocale, isLocale } from '$lib/paraglide/runtime';
import { activitiesCalendar, publicOrganisation } from '$lib/server/public-organisation';
import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params, url }) => {
	const organisation = await publicOrganisation(locals.supabase, params.slug);
	if (!organisation) error(404, m.page_not_found());
	const asked = url.searchParams.get('lang');
	const locale = isLocale(asked) ? asked : getLocale();
	const one = url.searchParams.get('activity');
	const activities = one
		? organisation.activities.filter((activity) => activity.id === one)
		: organisation.activities;
	if (one && !activities.length) error(404, m.page_not_found());
	const body = activitiesCalendar(organisation, activities, { origin: url.origin, locale });
	return new Response(body, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': `${one ? 'attachment' : 'inline'}; filename="${organisation.slug}.ics"`,
			'cache-control': 'public, max-age=300'
		}
	});
};
