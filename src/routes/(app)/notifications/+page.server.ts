import { getLocale } from '$lib/paraglide/runtime';
import {
	markRead,
	myNotifications,
	notificationLink,
	notificationText,
	pageSize
} from '$lib/server/notifications';
import { timeAgo } from '$lib/time';
import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const asked = url.searchParams.get('before');
	const before = asked && !Number.isNaN(Date.parse(asked)) ? new Date(asked).toISOString() : null;
	const rows = await myNotifications(locals.supabase, before);

	const locale = getLocale();
	const now = new Date();
	const items = rows.map((row) => {
		// A reminder that is due but not written yet has no id: it is known by its meetup.
		const id = row.id as string | null;
		return {
			key: id ?? `reminder-${row.meetup_id}`,
			id,
			meetupId: row.meetup_id,
			link: notificationLink(row),
			text: notificationText(row, locale, now),
			ago: timeAgo(row.created_at, locale, now),
			unread: row.read_at === null
		};
	});

	return {
		items,
		before,
		older: rows.length === pageSize ? rows[rows.length - 1].created_at : null
	};
};

const shown = z.object({
	ids: z.array(z.uuid()).max(100),
	reminders: z.array(z.uuid()).max(100),
	before: z.iso.datetime({ offset: true }).optional()
});

export const actions: Actions = {
	// Opening the list is reading it: the page sends what it showed as new once it is on the
	// screen (the button does it without JavaScript). Only those are marked, so one that arrives
	// in the meantime stays new. Reading the page itself writes nothing.
	read: async ({ request, locals }) => {
		const form = await request.formData();
		const parsed = shown.safeParse({
			ids: form.getAll('id'),
			reminders: form.getAll('reminder'),
			before: form.get('before') || undefined
		});
		if (!parsed.success) return fail(400);
		const { before, ...marked } = parsed.data;
		await markRead(locals.supabase, marked);
		// Back to the page that was shown (an older page keeps its place), now read.
		redirect(303, before ? `/notifications?${new URLSearchParams({ before })}` : '/notifications');
	}
};
