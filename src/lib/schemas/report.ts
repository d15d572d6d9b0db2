// The impact report's period, as the picker sends it in the address: a quarter, a year, or from
// one month to another. One period at a time, so no two periods on a page can be set against each
// other; a free range is rounded out to whole months, as the database asks (two ranges a few days
// apart subtracted to one day's figures); the database refuses more than three years, and any day
// of the month still running (its figures grow, so asking twice shows who came in between): a
// period is cut at the end of the last whole month.
import { isDate } from '$lib/zoned';
import { z } from 'zod';

export const periodKinds = ['quarter', 'year', 'range'] as const;

// Postgres knows no year 0; a report is about this century, so the rest gets words, not an error.
const inCentury = (value: string) =>
	Number(value.slice(0, 4)) >= 2000 && Number(value.slice(0, 4)) <= 2100;
const quarter = z
	.string()
	.regex(/^\d{4}-Q[1-4]$/)
	.refine(inCentury);
const year = z
	.string()
	.regex(/^\d{4}$/)
	.refine(inCentury);
const date = z.string().refine(isDate).refine(inCentury);

const periodQuery = z.discriminatedUnion('period', [
	z.object({ period: z.literal('quarter'), quarter }),
	z.object({ period: z.literal('year'), year }),
	z.object({ period: z.literal('range'), from: date, to: date })
]);

export interface Period {
	kind: (typeof periodKinds)[number];
	/** First and last day, both included (Brussels dates). */
	from: string;
	to: string;
	quarter: string;
	year: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, month: number) => new Date(Date.UTC(y, month, 0)).getUTCDate();

export function quarterOf(day: string): string {
	return `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
}

export function quarterDays(value: string): { from: string; to: string } {
	const y = Number(value.slice(0, 4));
	const q = Number(value.slice(6));
	const last = q * 3;
	return { from: `${y}-${pad(last - 2)}-01`, to: `${y}-${pad(last)}-${lastDay(y, last)}` };
}

/** The last day a report may count: the end of the month before the one of today. */
export function lastReportDay(today: string): string {
	const y = Number(today.slice(0, 4));
	const month = Number(today.slice(5, 7)) - 1;
	return month === 0 ? `${y - 1}-12-31` : `${y}-${pad(month)}-${lastDay(y, month)}`;
}

/** The last quarters, newest first, for the picker. */
export function recentQuarters(today: string, count = 8): string[] {
	let y = Number(today.slice(0, 4));
	let q = Number(quarterOf(today).slice(6));
	const quarters: string[] = [];
	for (let i = 0; i < count; i += 1) {
		quarters.push(`${y}-Q${q}`);
		q -= 1;
		if (q === 0) [y, q] = [y - 1, 4];
	}
	return quarters;
}

/**
 * The period the address asks for, cut at the end of the last whole month; without one, the last
 * quarter that is over. `valid` is false when the address asked for something that is not a
 * period, or only days of this month or later (then the page shows the last whole quarter and
 * says so).
 */
export function periodFrom(search: URLSearchParams, today: string): Period & { valid: boolean } {
	const end = lastReportDay(today);
	let lastQuarter = quarterOf(end);
	if (quarterDays(lastQuarter).to !== end) lastQuarter = recentQuarters(end, 2)[1];
	const fallback: Period = {
		kind: 'quarter',
		...quarterDays(lastQuarter),
		quarter: lastQuarter,
		year: end.slice(0, 4)
	};
	if (!search.has('period')) return { ...fallback, valid: true };
	const parsed = periodQuery.safeParse(Object.fromEntries(search));
	if (!parsed.success) return { ...fallback, valid: false };
	const asked = parsed.data;
	let period: Period;
	if (asked.period === 'quarter') {
		period = { ...fallback, ...quarterDays(asked.quarter), quarter: asked.quarter };
	} else if (asked.period === 'year') {
		period = {
			...fallback,
			kind: 'year',
			from: `${asked.year}-01-01`,
			to: `${asked.year}-12-31`,
			year: asked.year
		};
	} else {
		const from = `${asked.from.slice(0, 7)}-01`;
		const toYear = Number(asked.to.slice(0, 4));
		const toMonth = Number(asked.to.slice(5, 7));
		const to = `${asked.to.slice(0, 7)}-${lastDay(toYear, toMonth)}`;
		const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
		if (days < 0 || days > 1096) return { ...fallback, valid: false };
		period = { ...fallback, kind: 'range', from, to };
	}
	if (period.from > end) return { ...fallback, valid: false };
	return { ...period, to: period.to > end ? end : period.to, valid: true };
}

/** The same period as address parameters, for the CSV link. */
export function periodSearch(period: Period): string {
	const params = new URLSearchParams({ period: period.kind });
	if (period.kind === 'quarter') params.set('quarter', period.quarter);
	else if (period.kind === 'year') params.set('year', period.year);
	else {
		params.set('from', period.from);
		params.set('to', period.to);
	}
	return params.toString();
}
