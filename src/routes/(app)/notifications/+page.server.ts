import { getLocale } from '$lib/paraglide/runtime';
import {
	markRead,
	myNotifications,
	notificationText,
	pageSize,
	unreadCount
} from '$lib/server/notifications';
import { timeAgo } from '$lib/time';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const asked = url.searchParams.get('before');
	const before = asked && !Number.isNaN(Date.parse(asked)) ? new Date(asked).toISOString() : null;
	const rows = await myNotifications(locals.supabase, before);

	const locale = getLocale();
	const now = new Date();
	const items = rows.map((row) => ({
		id: row.id,
		meetupId: row.meetup_id,
		text: notificationText(row, locale, now),
		ago: timeAgo(row.created_at, locale, now),
		unread: row.read_at === null
	}));

	// Opening the list is reading it: the notifications shown are marked read now, with no
	// button to press (one step fewer, and an unread count that never lingers because someone
	// did not know they had to tap "mark as read"). This page still shows them as new, because
	// it was read before the marking; only those shown are marked, so one that arrives while
	// the page loads stays new.
	await markRead(
		locals.supabase,
		items.filter((item) => item.unread).map((item) => item.id)
	);

	return {
		items,
		older: rows.length === pageSize ? rows[rows.length - 1].created_at : null,
		// Overrides the layout's count, which may have been read before the marking.
		notificationsUnread: await unreadCount(locals.supabase)
	};
};
