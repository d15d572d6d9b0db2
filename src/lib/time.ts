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
