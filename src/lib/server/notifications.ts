// Notifications: the unread count in the navigation and the list, in plain words. Asking for
// either also writes the reminders that became due (the database does that), so reminders
// appear on time without a job running.
import type { Database } from '$lib/database.types';
import { m } from '$lib/paraglide/messages';
import { outage } from '$lib/server/outage';
import { meetupMoment } from '$lib/time';
import type { SupabaseClient } from '@supabase/supabase-js';

type Locale = 'nl' | 'fr' | 'en';
type Row = Database['public']['Functions']['my_notifications']['Returns'][number];

export const pageSize = 50;

/** The number shown in the navigation: one cheap call per page. */
export async function unreadCount(supabase: SupabaseClient<Database>): Promise<number> {
	const { data, error } = await supabase.rpc('notification_count');
	if (error) outage(error);
	return data ?? 0;
}

export async function myNotifications(
	supabase: SupabaseClient<Database>,
	before: string | null
): Promise<Row[]> {
	const { data, error } = await supabase.rpc('my_notifications', {
		...(before ? { before } : {}),
		max_rows: pageSize
	});
	if (error) outage(error);
	return data ?? [];
}

export async function markRead(supabase: SupabaseClient<Database>, ids: string[]) {
	if (ids.length === 0) return;
	const { error } = await supabase.rpc('mark_notifications_read', { ids });
	if (error) outage(error);
}

const brusselsDay = (when: Date) =>
	new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(when);

/** What happened, in one plain sentence. A reminder says today or tomorrow as it is now. */
export function notificationText(row: Row, locale: Locale, now = new Date()): string {
	const words = { title: row.meetup_title, when: meetupMoment(row.meetup_starts_at, locale) };
	const options = { locale };
	switch (row.kind) {
		case 'promoted':
			return m.notif_promoted(words, options);
		case 'changed':
			return m.notif_changed(words, options);
		case 'cancelled':
			return m.notif_cancelled(words, options);
		case 'reminder': {
			const day = brusselsDay(new Date(row.meetup_starts_at));
			if (day === brusselsDay(now)) return m.notif_reminder_today(words, options);
			// The calendar day after today's Brussels date (not now + 24 hours: some days have 23).
			const tomorrow = new Date(`${brusselsDay(now)}T12:00:00Z`);
			tomorrow.setUTCDate(tomorrow.getUTCDate() + 1);
			if (day === tomorrow.toISOString().slice(0, 10)) {
				return m.notif_reminder_tomorrow(words, options);
			}
			return m.notif_reminder(words, options);
		}
	}
}
