import { m } from '$lib/paraglide/messages';
import { logPage, logPageSize } from '$lib/server/moderation';
import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

// 50 entries a page, newest first; ?before= is the moment of the last one shown.
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const before = url.searchParams.get('before') ?? undefined;
	if (before !== undefined && Number.isNaN(Date.parse(before))) error(404, m.page_not_found());
	const entries = await logPage(locals.supabase, params.group, before);
	if (!entries) error(404, m.page_not_found());
	return {
		entries,
		older: entries.length === logPageSize ? entries[entries.length - 1].created_at : null
	};
};
