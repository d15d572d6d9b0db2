// An organisation's public page: who they are, how to reach them, their open activities and the
// groups one may ask to join. Anyone may read it; it is the same for everyone in one language.
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { publicOrganisation } from '$lib/server/public-organisation';
import { meetupWhen } from '$lib/time';
import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url, setHeaders }) => {
	const organisation = await publicOrganisation(locals.supabase, params.slug);
	if (!organisation) error(404, m.page_not_found());
	const locale = getLocale();
	// A few minutes in a cache spare a bad connection the trip; a moved activity shows soon enough.
	setHeaders({ 'cache-control': 'public, max-age=300' });
	return {
		organisation,
		activities: organisation.activities.map((activity) => ({
			...activity,
			when: meetupWhen(activity.starts_at, activity.ends_at, locale)
		})),
		address: `${url.origin}/o/${organisation.slug}`
	};
};
