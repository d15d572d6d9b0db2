// "2 hours ago", in the person's language, from the server's clock.
import { m } from '$lib/paraglide/messages';

const steps: Array<[Intl.RelativeTimeFormatUnit, number]> = [
	['year', 365 * 24 * 3600],
	['month', 30 * 24 * 3600],
	['week', 7 * 24 * 3600],
	['day', 24 * 3600],
	['hour', 3600],
	['minute', 60]
];

export function timeAgo(when: string | Date, locale: string, now = new Date()): string {
	const seconds = Math.round((new Date(when).getTime() - now.getTime()) / 1000);
	const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
	for (const [unit, size] of steps) {
		if (Math.abs(seconds) >= size) return format.format(Math.trunc(seconds / size), unit);
	}
	// Intl says "binnen een minuut" (within a minute) for 0 in Dutch: it reads like the future.
	return m.time_just_now({}, { locale: locale as 'nl' | 'fr' | 'en' });
}

/** A date in words in Brussels time, e.g. "di 3 dec." */
export function shortDate(when: string | Date, locale: string): string {
	return new Intl.DateTimeFormat(locale, {
		day: 'numeric',
		month: 'short',
		timeZone: 'Europe/Brussels'
	}).format(new Date(when));
}

const brussels = 'Europe/Brussels';
// English as spoken in Belgium: "Tuesday 3 December", 24-hour clock.
const intlLocale = (locale: string) => (locale === 'en' ? 'en-GB' : locale);

const dayAndHour: Intl.DateTimeFormatOptions = {
	weekday: 'long',
	day: 'numeric',
	month: 'long',
	hour: '2-digit',
	minute: '2-digit',
	hourCycle: 'h23',
	timeZone: brussels
};

/** "dinsdag 8 december om 14:00", in Brussels time. */
export function meetupMoment(when: string | Date, locale: string): string {
	return new Intl.DateTimeFormat(intlLocale(locale), dayAndHour).format(new Date(when));
}

/** The date and hours for hosts, who want the date itself: "zaterdag 28 november, 14:00–16:00". */
export function meetupDateAndHours(
	startsAt: string | Date,
	endsAt: string | Date,
	locale: string
): string {
	return new Intl.DateTimeFormat(intlLocale(locale), dayAndHour).formatRange(
		new Date(startsAt),
		new Date(endsAt)
	);
}

/** The Brussels calendar date of a moment, as a day number that ignores clock changes. */
function brusselsDay(when: Date): number {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone: brussels,
		year: 'numeric',
		month: 'numeric',
		day: 'numeric'
	}).formatToParts(when);
	const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
	return Date.UTC(part('year'), part('month') - 1, part('day')) / 86_400_000;
}

/** The day of a meetup in words: "vandaag", "morgen", "dinsdag", "volgende dinsdag", or a date. */
function dayInWords(when: Date, locale: string, now: Date): string {
	const lang = intlLocale(locale);
	const days = brusselsDay(when) - brusselsDay(now);
	if (days === 0 || days === 1) {
		return new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }).format(days, 'day');
	}
	const weekday = new Intl.DateTimeFormat(lang, { weekday: 'long', timeZone: brussels }).format(
		when
	);
	if (days > 1 && days < 7) {
		// Monday starts the week, as in Belgium: a Tuesday in next week is "next Tuesday".
		const mondayBased = (day: number) => (day + 3) % 7; // day 0 (1 Jan 1970) was a Thursday
		const sameWeek = mondayBased(brusselsDay(when)) > mondayBased(brusselsDay(now));
		return sameWeek
			? weekday
			: m.meetup_when_next_weekday({ weekday }, { locale: locale as 'nl' | 'fr' | 'en' });
	}
	const sameYear =
		new Intl.DateTimeFormat('en-US', { year: 'numeric', timeZone: brussels }).format(when) ===
		new Intl.DateTimeFormat('en-US', { year: 'numeric', timeZone: brussels }).format(now);
	return new Intl.DateTimeFormat(lang, {
		weekday: 'long',
		day: 'numeric',
		month: 'long',
		year: sameYear ? undefined : 'numeric',
		timeZone: brussels
	}).format(when);
}

/**
 * When a meetup is, in words and in Brussels time whatever the server's time zone:
 * "morgen 14:00–16:00", "volgende dinsdag 14:00–16:00", "dinsdag 3 december 14:00–16:00".
 */
export function meetupWhen(
	startsAt: string | Date,
	endsAt: string | Date,
	locale: string,
	now = new Date()
): string {
	const start = new Date(startsAt);
	const end = new Date(endsAt);
	const clock = new Intl.DateTimeFormat(intlLocale(locale), {
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23',
		timeZone: brussels
	});
	const day = dayInWords(start, locale, now);
	if (brusselsDay(start) === brusselsDay(end)) {
		return `${day} ${clock.format(start)}–${clock.format(end)}`;
	}
	return `${day} ${clock.format(start)} – ${dayInWords(end, locale, now)} ${clock.format(end)}`;
}
