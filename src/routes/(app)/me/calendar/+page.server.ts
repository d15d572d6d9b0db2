import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { outage } from '$lib/server/outage';
import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const { user } = await locals.safeGetSession();
	const { data, error } = await locals.supabase
		.from('calendar_feeds')
		.select('created_at')
		.eq('user_id', user?.id ?? '')
		.maybeSingle();
	if (error) outage(error);
	return { since: data?.created_at ?? null };
};

export const actions: Actions = {
	// Also "make a new link": the database replaces the old secret, so the old link stops.
	make: async ({ locals, url }) => {
		const { data: token, error } = await locals.supabase.rpc('create_calendar_feed');
		if (error || !token) return fail(500, { problem: m.error_something_wrong() });
		// A calendar app fetches the feed without the person's cookie: the link carries their language.
		const path = `/calendar/${token}.ics?lang=${getLocale()}`;
		return { link: `${url.origin}${path}`, webcal: `webcal://${url.host}${path}` };
	},
	stop: async ({ locals }) => {
		const { error } = await locals.supabase.rpc('revoke_calendar_feed');
		if (error) return fail(500, { problem: m.error_something_wrong() });
		return { stopped: true };
	}
};
