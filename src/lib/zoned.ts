// Brussels wall-clock time ↔ an instant. A date input and a time input on the meetup form mean
// the time on a clock in Brussels, whatever time zone the server (or the phone) runs in. Only
// Intl is used, so this works the same in Node and in the browser.
//
// Daylight saving time:
// - The gap (last Sunday of March, 02:00 → 03:00): a time such as 02:30 does not exist that
//   night. We do NOT move it forward silently: brusselsToInstant answers null and the form says
//   so in plain words, so the host picks the time they really mean.
// - The fold (last Sunday of October, 03:00 → 02:00): a time such as 02:30 happens twice. We
//   take the first one (still summer time, +02:00), as Temporal's "compatible" choice does.

const brusselsZone = 'Europe/Brussels';

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const timePattern = /^([01]\d|2[0-3]):([0-5]\d)(:[0-5]\d)?$/;

const wallClock = new Intl.DateTimeFormat('en-GB', {
	timeZone: brusselsZone,
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit',
	hourCycle: 'h23'
});

function parts(instant: Date): Record<string, number> {
	const out: Record<string, number> = {};
	for (const part of wallClock.formatToParts(instant)) {
		if (part.type !== 'literal') out[part.type] = Number(part.value);
	}
	return out;
}

/** Minutes Brussels is ahead of UTC at this instant (60 in winter, 120 in summer). */
function offsetMinutes(instant: Date): number {
	const p = parts(instant);
	const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
	return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/** A date as written in a date input ("2026-03-29"), checked to be a real day. */
export function isDate(value: string): boolean {
	const match = datePattern.exec(value);
	if (!match) return false;
	const [, y, mo, d] = match.map(Number);
	const day = new Date(Date.UTC(y, mo - 1, d));
	return day.getUTCFullYear() === y && day.getUTCMonth() === mo - 1 && day.getUTCDate() === d;
}

/** A time as written in a time input ("14:00"; seconds are not used). */
export function isTime(value: string): boolean {
	return timePattern.test(value);
}

/**
 * The instant a Brussels clock shows `date` `time`; null when the date or time is not valid or
 * the time does not exist that day (the spring gap, see above).
 */
export function brusselsToInstant(date: string, time: string): Date | null {
	if (!isDate(date) || !isTime(time)) return null;
	const [y, mo, d] = date.split('-').map(Number);
	const [h, mi] = time.slice(0, 5).split(':').map(Number);
	const wall = Date.UTC(y, mo - 1, d, h, mi);
	// The offsets in force around that wall time: the same one twice, or both sides of a change.
	const offsets = new Set([
		offsetMinutes(new Date(wall - 14 * 3_600_000)),
		offsetMinutes(new Date(wall + 14 * 3_600_000))
	]);
	const matches = [...offsets]
		.map((offset) => new Date(wall - offset * 60_000))
		.filter((instant) => {
			const p = parts(instant);
			return p.year === y && p.month === mo && p.day === d && p.hour === h && p.minute === mi;
		})
		.sort((a, b) => a.getTime() - b.getTime());
	return matches[0] ?? null;
}

/** What a Brussels clock and calendar show at this instant, as the form's inputs want them. */
export function instantToBrussels(instant: Date | string): { date: string; time: string } {
	const p = parts(new Date(instant));
	const two = (n: number) => String(n).padStart(2, '0');
	return {
		date: `${p.year}-${two(p.month)}-${two(p.day)}`,
		time: `${two(p.hour)}:${two(p.minute)}`
	};
}

/** Today's date in Brussels. */
export function brusselsToday(now = new Date()): string {
	return instantToBrussels(now).date;
}

/**
 * A calendar date some months later, kept in the month when the day does not exist there
 * (31 January + 1 month = 28 or 29 February).
 */
export function addMonths(date: string, months: number): string {
	const [y, mo, d] = date.split('-').map(Number);
	const first = new Date(Date.UTC(y, mo - 1 + months, 1));
	const lastDay = new Date(
		Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)
	).getUTCDate();
	first.setUTCDate(Math.min(d, lastDay));
	return first.toISOString().slice(0, 10);
}

/**
 * Which weekday of its month a date is, as "monthly on the n-th weekday" repeats it: 1 to 4,
 * or 'last' for a date in the fifth week (the series then falls on the last such weekday).
 * weekday is 0 (Sunday) to 6 (Saturday).
 */
export function nthWeekday(date: string): { nth: 1 | 2 | 3 | 4 | 'last'; weekday: number } {
	const [y, mo, d] = date.split('-').map(Number);
	const weekday = new Date(Date.UTC(y, mo - 1, d)).getUTCDay();
	const n = Math.ceil(d / 7);
	return { nth: n >= 5 ? 'last' : (n as 1 | 2 | 3 | 4), weekday };
}

/** The weekday of a date in words, in the person's language ("dinsdag", "mardi"). */
export function weekdayName(date: string, locale: string): string {
	const [y, mo, d] = date.split('-').map(Number);
	return new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(
		new Date(Date.UTC(y, mo - 1, d, 12))
	);
}
