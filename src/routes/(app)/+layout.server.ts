import { unreadCount } from '$lib/server/notifications';
import { redirect } from '@sveltejs/kit';
import type { LayoutServerLoad } from './$types';

// The one guard of the signed-in area. It also gives the navigation its unread count: reading
// url here makes SvelteKit run this again on every navigation, so the count is fresh on each
// page for the price of one small database call (which also writes reminders that became due).
export const load: LayoutServerLoad = async ({ locals, url }) => {
	const here = url.pathname + url.search;
	const { user } = await locals.safeGetSession();
	if (!user) redirect(303, `/signin?redirectTo=${encodeURIComponent(here)}`);
	return { notificationsUnread: await unreadCount(locals.supabase) };
};
