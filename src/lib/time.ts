// "2 hours ago", in the person's language, from the server's clock.
import { m } from '$lib/paraglide/messages';

const brussels = 'Europe/Brussels';

/** The ways Kring writes a moment; each formatter is made once per language and kept. */
const dateStyles = {
	// "di 3 dec."
	short: { day: 'numeric', month: 'short', timeZone: brussels },
	// "dinsdag 8 december om 14:00"
	dayAndHour: {
		weekday: 'long',
		day: 'numeric',
		month: 'long',
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23',
		timeZone: brussels
	},
	clock: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: brussels },
	weekday: { weekday: 'long', timeZone: brussels },
	date: { weekday: 'long', day: 'numeric', month: 'long', timeZone: brussels },
	dateWithYear: {
		weekday: 'long',
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone: brussels
	},
	calendarDay: { year: 'numeric', month: 'numeric', day: 'numeric', timeZone: brussels }
} satisfies Record<string, Intl.DateTimeFormatOptions>;

// Making an Intl formatter costs close to a millisecond; using one costs microseconds. A page
// of meetups formats dozens of times, so formatters are made once and kept.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();

function dateFormat(locale: string, style: keyof typeof dateStyles): Intl.DateTimeFormat {
	const key = `${locale} ${style}`;
	let format = dateFormats.get(key);
	if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(locale, dateStyles[style])));
	return format;
}

function relativeFormat(locale: string): Intl.RelativeTimeFormat {
	let format = relativeFormats.get(locale);
	if (!format) {
		relativeFormats.set(
			locale,
			(format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }))
		);
	}
	return format;
}

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
	const format = relativeFormat(locale);
	for (const [unit, size] of steps) {
		if (Math.abs(seconds) >= size) return format.format(Math.trunc(seconds / size), unit);
	}
	// Intl says "binnen een minuut" (within a minute) for 0 in Dutch: it reads like the future.
	return m.time_just_now({}, { locale: locale as 'nl' | 'fr' | 'en' });
}

/**
 * Items with their moment in words ("2 uur geleden"), written by the server as a meetup's `when`
 * is: the first Intl formatter a page uses starts up the phone's calendars (about 25 ms on this
 * machine, four times that on a cheap phone), in the middle of the feed's start-up.
 */
export function withAgo<Item extends { created_at: string }>(
	items: Item[],
	locale: string,
	now = new Date()
): Array<Item & { ago: string }> {
	return items.map((item) => ({ ...item, ago: timeAgo(item.created_at, locale, now) }));
}

/** A date in words in Brussels time, e.g. "di 3 dec." */
export function shortDate(when: string | Date, locale: string): string {
	return dateFormat(locale, 'short').format(new Date(when));
}

// English as spoken in Belgium: "Tuesday 3 December", 24-hour clock.
const intlLocale = (locale: string) => (locale === 'en' ? 'en-GB' : locale);

/** "dinsdag 8 december om 14:00", in Brussels time. */
export function meetupMoment(when: string | Date, locale: string): string {
	return dateFormat(intlLocale(locale), 'dayAndHour').format(new Date(when));
}

/** The date and hours for hosts, who want the date itself: "zaterdag 28 november, 14:00–16:00". */
export function meetupDateAndHours(
	startsAt: string | Date,
	endsAt: string | Date,
	locale: string
): string {
	return dateFormat(intlLocale(locale), 'dayAndHour').formatRange(
		new Date(startsAt),
		new Date(endsAt)
	);
}

/** The Brussels calendar date of a moment, as a day number that ignores clock changes. */
function brusselsDay(when: Date): number {
	const parts = dateFormat('en-US', 'calendarDay').formatToParts(when);
	const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
	return Date.UTC(part('year'), part('month') - 1, part('day')) / 86_400_000;
}

/** The day of a meetup in words: "vandaag", "morgen", "dinsdag", "volgende dinsdag", or a date. */
function dayInWords(when: Date, locale: string, now: Date): string {
	const lang = intlLocale(locale);
	const days = brusselsDay(when) - brusselsDay(now);
	if (days === 0 || days === 1) {
		return relativeFormat(lang).format(days, 'day');
	}
	const weekday = dateFormat(lang, 'weekday').format(when);
	if (days > 1 && days < 7) {
		// Monday starts the week, as in Belgium: a Tuesday in next week is "next Tuesday".
		const mondayBased = (day: number) => (day + 3) % 7; // day 0 (1 Jan 1970) was a Thursday
		const sameWeek = mondayBased(brusselsDay(when)) > mondayBased(brusselsDay(now));
		return sameWeek
			? weekday
			: m.meetup_when_next_weekday({ weekday }, { locale: locale as 'nl' | 'fr' | 'en' });
	}
	const year = (moment: Date) =>
		dateFormat('en-US', 'calendarDay')
			.formatToParts(moment)
			.find((p) => p.type === 'year')?.value;
	return dateFormat(lang, year(when) === year(now) ? 'date' : 'dateWithYear').format(when);
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
	const clock = dateFormat(intlLocale(locale), 'clock');
	const day = dayInWords(start, locale, now);
	if (brusselsDay(start) === brusselsDay(end)) {
		return `${day} ${clock.format(start)}–${clock.format(end)}`;
	}
	return `${day} ${clock.format(start)} – ${dayInWords(end, locale, now)} ${clock.format(end)}`;
}
