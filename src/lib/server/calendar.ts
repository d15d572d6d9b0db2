// Calendar files (.ics) for one meetup and for a person's secret feed. Times are written in UTC
// (…Z): every phone calendar reads those correctly and shows them in the phone's own time zone,
// with no time zone table that could be read wrong around a clock change.
import type { Database } from '$lib/database.types';
import { m } from '$lib/paraglide/messages';
import { supabaseSettings } from '$lib/server/env';
import { outage } from '$lib/server/outage';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import ical, { ICalEventStatus } from 'ical-generator';
import ws from 'ws';

type Locale = 'nl' | 'fr' | 'en';

export interface CalendarMeetup {
	id: string;
	title: string;
	description: string;
	starts_at: string;
	ends_at: string;
	place: string | null;
	online_url: string | null;
	status: Database['public']['Enums']['meetup_status'];
	updated_at: string;
	/** The owner's answer, in a feed: maybe and waiting are shown as not certain. */
	my_answer?: Database['public']['Enums']['rsvp_status'] | null;
}

/** One meetup as its reader may see it (row level security decides), or null. */
export async function meetupForCalendar(
	supabase: SupabaseClient<Database>,
	id: string
): Promise<CalendarMeetup | null> {
	const { data, error } = await supabase
		.from('meetups')
		.select('id, title, description, starts_at, ends_at, place, online_url, status, updated_at')
		.eq('id', id)
		.maybeSingle();
	if (error) outage(error);
	return data;
}

/**
 * The meetups behind a feed token, asked with only the public key: the token is the only key.
 * null for an unknown or stopped token (the database answers both the same way).
 */
export async function feedMeetups(token: string): Promise<CalendarMeetup[] | null> {
	if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
	const { PUBLIC_SUPABASE_URL, PUBLIC_SUPABASE_ANON_KEY } = supabaseSettings();
	const anonymous = createClient<Database>(PUBLIC_SUPABASE_URL, PUBLIC_SUPABASE_ANON_KEY, {
		auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
		realtime: { transport: ws as never }
	});
	const { data, error } = await anonymous.rpc('calendar_feed', { token });
	if (error?.message === 'calendar_feed_not_found') return null;
	if (error) outage(error);
	return data;
}

// ical-generator writes the calendar's name as it comes and escapes only line breaks in the
// event texts: a line break in a name, or any other control character, would add a line of its
// own to the file (another property, even another event) or make it unreadable.
const oneLine = (text: string) => text.replace(/\p{Cc}+/gu, ' ').trim();
const lines = (text: string) => text.replace(/\r\n?/g, '\n').replace(/[^\P{Cc}\n]+/gu, '');

export function calendarFile(
	meetups: CalendarMeetup[],
	options: {
		origin: string;
		locale: Locale;
		name?: string;
		/** Where an event links to; a member's meetup page unless said otherwise. */
		page?: (id: string) => string;
	}
): string {
	const { origin, locale } = options;
	const calendar = ical({
		prodId: { company: 'Kring', product: 'Kring', language: locale.toUpperCase() },
		...(options.name ? { name: oneLine(options.name), ttl: 60 * 60 } : {})
	});
	calendar.x('X-WR-TIMEZONE', 'Europe/Brussels');
	for (const meetup of meetups) {
		const page = options.page ? options.page(meetup.id) : `${origin}/m/${meetup.id}`;
		const cancelled = meetup.status === 'cancelled';
		const unsure = meetup.my_answer === 'maybe' || meetup.my_answer === 'waiting';
		const title = { title: oneLine(meetup.title) };
		const summary = cancelled
			? m.calendar_event_cancelled(title, { locale })
			: meetup.my_answer === 'maybe'
				? m.calendar_event_maybe(title, { locale })
				: meetup.my_answer === 'waiting'
					? m.calendar_event_waiting(title, { locale })
					: title.title;
		const description = [
			lines(meetup.description),
			meetup.place && meetup.online_url ? meetup.online_url : '',
			m.calendar_event_more({ url: page }, { locale })
		]
			.filter(Boolean)
			.join('\n\n');
		calendar.createEvent({
			// Stable per meetup: a calendar updates the event instead of adding a second one.
			id: `${meetup.id}@kring`,
			start: new Date(meetup.starts_at),
			end: new Date(meetup.ends_at),
			summary,
			description,
			location: oneLine(meetup.place ?? meetup.online_url ?? '') || null,
			url: page,
			status: cancelled
				? ICalEventStatus.CANCELLED
				: unsure
					? ICalEventStatus.TENTATIVE
					: ICalEventStatus.CONFIRMED,
			stamp: new Date(meetup.updated_at),
			lastModified: new Date(meetup.updated_at)
		});
	}
	return calendar.toString();
}

export function calendarResponse(body: string, filename: string): Response {
	return new Response(body, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': `attachment; filename="${filename}"`,
			'cache-control': 'private, no-store'
		}
	});
}
