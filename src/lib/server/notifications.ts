// Notifications: the list, in plain words, and marking read. Reading writes nothing: reminders
// that are due but not written yet come along computed (the database does that), so they appear
// on time without a job running; marking read is a deliberate POST. The unread count in the
// navigation comes with every page's app_shell().
import type { Database } from '$lib/database.types';
import { m } from '$lib/paraglide/messages';
import { outage } from '$lib/server/outage';
import { meetupMoment } from '$lib/time';
import type { SupabaseClient } from '@supabase/supabase-js';

type Locale = 'nl' | 'fr' | 'en';
type Row = Database['public']['Functions']['page_notifications']['Returns'][number];

export const pageSize = 50;

/** The notifications page's one call: newest first, before a moment for older pages. */
export async function myNotifications(
	supabase: SupabaseClient<Database>,
	before: string | null
): Promise<Row[]> {
	const { data, error } = await supabase.rpc('page_notifications', {
		...(before ? { before } : {}),
		max_rows: pageSize
	});
	if (error) outage(error);
	return data ?? [];
}

/**
 * Marks read what the page showed: written notifications by id, reminders not written yet by
 * their meetup. Anything newer stays new.
 */
export async function markRead(
	supabase: SupabaseClient<Database>,
	shown: { ids: string[]; reminders: string[] }
) {
	if (shown.ids.length === 0 && shown.reminders.length === 0) return;
	const { error } = await supabase.rpc('mark_notifications_read', shown);
	if (error) outage(error);
}

const brusselsDay = (when: Date) =>
	new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(when);

/** Admin news names people by the names admins see of each other; an account gone is "someone". */
const adminNews = (row: Row, options: { locale: Locale }) => ({
	organisation: row.organisation_name ?? '',
	person: row.person_nickname ?? m.org_notif_someone({}, options),
	actor: row.actor_name ?? m.org_notif_someone({}, options)
});

/**
 * What happened, in one plain sentence. A reminder says today or tomorrow as it is now. What the
 * moderators ask or write is said by role, never with a moderator's name; a post without a name
 * stays without one.
 */
export function notificationText(row: Row, locale: Locale, now = new Date()): string {
	const words = { title: row.meetup_title, when: meetupMoment(row.meetup_starts_at, locale) };
	const options = { locale };
	const nickname = row.person_nickname ?? m.post_a_member({}, options);
	switch (row.kind) {
		case 'invited':
			return m.invite_text(words, options);
		case 'answer_asked':
			return row.person_nickname
				? m.kept_notif_answer_asked({ name: row.person_nickname }, options)
				: m.kept_notif_answer_asked_anonymous({}, options);
		case 'buddy_asked':
			return m.buddy_notif_asked({ nickname }, options);
		case 'buddy_accepted':
			return m.buddy_notif_accepted({ nickname, group: row.group_name }, options);
		case 'moderators_wrote':
			return m.kept_notif_moderators_wrote({ group: row.group_name }, options);
		// A new admin comes with the start of their e-mail address: a name anyone can choose, that not.
		case 'admin_joined': {
			const news = adminNews(row, options);
			const person = row.person_email ? `${news.person} (${row.person_email})` : news.person;
			return m.org_notif_admin_joined({ ...news, person }, options);
		}
		// Without a name of who did it (they left, or that account is gone), just what is so.
		case 'admin_removed':
			if (row.about_me) return m.org_notif_admin_removed_you(adminNews(row, options), options);
			return row.actor_name
				? m.org_notif_admin_removed(adminNews(row, options), options)
				: m.org_notif_admin_left(adminNews(row, options), options);
		// Who moderates a group is told to the person and the group's other moderators.
		case 'moderator_appointed':
			return row.about_me
				? m.notif_moderator_appointed_you({ group: row.group_name }, options)
				: m.notif_moderator_appointed({ person: nickname, group: row.group_name }, options);
		case 'moderator_removed':
			return row.about_me
				? m.notif_moderator_removed_you({ group: row.group_name }, options)
				: m.notif_moderator_removed({ person: nickname, group: row.group_name }, options);
		// Requests to join: the moderators hear one is waiting, who asked hears the answer.
		case 'join_requested':
			return m.notif_join_requested({ group: row.group_name }, options);
		case 'join_accepted':
			return m.notif_join_accepted({ group: row.group_name }, options);
		case 'join_refused':
			return m.notif_join_refused({ group: row.group_name }, options);
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

/** Where a notification leads (the page resolves it): the meetup, the post to answer, the buddy
 * request, the thread with the moderators. */
export type NotificationLink =
	| { to: 'meetup'; meetup: string }
	| { to: 'post'; group: string; post: string }
	| { to: 'home' }
	| { to: 'group'; group: string }
	| { to: 'manage'; group: string }
	| { to: 'ask'; group: string }
	| { to: 'thread'; thread: string }
	| { to: 'organisation'; slug: string }
	| { to: 'organisations' };

export function notificationLink(row: Row): NotificationLink {
	switch (row.kind) {
		case 'answer_asked':
			return { to: 'post', group: row.group_id, post: row.post_id };
		// Still to answer: on home, where the answer is; answered: the group.
		case 'buddy_asked':
			return row.buddy_status === 'asked' ? { to: 'home' } : { to: 'group', group: row.group_id };
		case 'buddy_accepted':
		case 'moderator_appointed':
		case 'moderator_removed':
		case 'join_accepted':
			return { to: 'group', group: row.group_id };
		case 'join_requested':
			return { to: 'manage', group: row.group_id };
		// The request's page says why, if the moderators said, and when one can ask again.
		case 'join_refused':
			return { to: 'ask', group: row.group_id };
		case 'moderators_wrote':
			return { to: 'thread', thread: row.thread_id };
		// To the admins and their links; someone no longer admin, to their organisations.
		case 'admin_joined':
		case 'admin_removed':
			return row.about_me || !row.organisation_slug
				? { to: 'organisations' }
				: { to: 'organisation', slug: row.organisation_slug };
		default:
			return { to: 'meetup', meetup: row.meetup_id };
	}
}
