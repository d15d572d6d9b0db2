// The calendar file, read back with an independent parser (node-ical) the way a phone calendar
// would: what title, time, place and state it shows.
import ical, { type VEvent } from 'node-ical';
import { describe, expect, test } from 'vitest';
import { calendarFile, type CalendarMeetup } from './calendar';

const origin = 'https://kring.example';

function meetup(overrides: Partial<CalendarMeetup> = {}): CalendarMeetup {
	return {
		id: '6f1c2b1e-0d7a-4c55-9d8e-2a4b5c6d7e8f',
		title: 'Praatgroep',
		description: 'We praten over de week, met koffie.',
		starts_at: '2027-03-23T13:00:00Z',
		ends_at: '2027-03-23T15:00:00Z',
		place: 'Buurthuis De Kring, Kerkstraat 12, Gent',
		online_url: null,
		status: 'scheduled',
		updated_at: '2026-11-25T10:00:00Z',
		...overrides
	};
}

function events(file: string): VEvent[] {
	return Object.values(ical.sync.parseICS(file)).filter(
		(item): item is VEvent => item?.type === 'VEVENT'
	);
}

const brussels = (when: Date | undefined) =>
	new Intl.DateTimeFormat('nl-BE', {
		weekday: 'long',
		day: 'numeric',
		month: 'long',
		hour: '2-digit',
		minute: '2-digit',
		timeZone: 'Europe/Brussels'
	}).format(when ?? new Date(Number.NaN));

describe('calendar file', () => {
	test('a weekly 14:00 meetup stays at 14:00 in Brussels across the spring clock change', () => {
		const before = meetup({ id: '00000000-0000-4000-8000-000000000001' });
		// A week later, after Sunday 28 March 2027: 14:00 is now 12:00 UTC.
		const after = meetup({
			id: '00000000-0000-4000-8000-000000000002',
			starts_at: '2027-03-30T12:00:00Z',
			ends_at: '2027-03-30T14:00:00Z'
		});
		const [first, second] = events(calendarFile([before, after], { origin, locale: 'nl' }));
		expect(brussels(first.start)).toBe('dinsdag 23 maart om 14:00');
		expect(brussels(first.end)).toBe('dinsdag 23 maart om 16:00');
		expect(brussels(second.start)).toBe('dinsdag 30 maart om 14:00');
		expect(brussels(second.end)).toBe('dinsdag 30 maart om 16:00');
	});

	test('and across the autumn change', () => {
		const [event] = events(
			calendarFile(
				[meetup({ starts_at: '2027-11-02T13:00:00Z', ends_at: '2027-11-02T15:00:00Z' })],
				{ origin, locale: 'nl' }
			)
		);
		expect(brussels(event.start)).toBe('dinsdag 2 november om 14:00');
	});

	test('shows the title, where, what it is and a link back; the id is stable per meetup', () => {
		const file = calendarFile([meetup()], { origin, locale: 'nl' });
		const [event] = events(file);
		expect(event.summary).toBe('Praatgroep');
		expect(event.location).toBe('Buurthuis De Kring, Kerkstraat 12, Gent');
		expect(event.description).toContain('We praten over de week, met koffie.');
		expect(event.description).toContain(`${origin}/m/6f1c2b1e-0d7a-4c55-9d8e-2a4b5c6d7e8f`);
		expect(event.status).toBe('CONFIRMED');
		expect(event.uid).toBe('6f1c2b1e-0d7a-4c55-9d8e-2a4b5c6d7e8f@kring');
		// Made again later (e.g. after an edit): the same event, not a second one.
		const [again] = events(
			calendarFile([meetup({ title: 'Praatgroep met soep' })], { origin, locale: 'nl' })
		);
		expect(again.uid).toBe(event.uid);
		expect(again.summary).toBe('Praatgroep met soep');
	});

	test('an online meetup has its link as the place; with both, the link is in the text', () => {
		const [online] = events(
			calendarFile([meetup({ place: null, online_url: 'https://meet.example.org/kring' })], {
				origin,
				locale: 'nl'
			})
		);
		expect(online.location).toBe('https://meet.example.org/kring');
		const [both] = events(
			calendarFile([meetup({ online_url: 'https://meet.example.org/kring' })], {
				origin,
				locale: 'nl'
			})
		);
		expect(both.location).toBe('Buurthuis De Kring, Kerkstraat 12, Gent');
		expect(both.description).toContain('https://meet.example.org/kring');
	});

	test('a cancelled meetup is cancelled, also in words; maybe and waiting are not certain', () => {
		const file = calendarFile(
			[
				meetup({ id: '00000000-0000-4000-8000-000000000001', status: 'cancelled' }),
				meetup({ id: '00000000-0000-4000-8000-000000000002', my_answer: 'maybe' }),
				meetup({ id: '00000000-0000-4000-8000-000000000003', my_answer: 'waiting' })
			],
			{ origin, locale: 'fr', name: 'Kring' }
		);
		const [cancelled, maybe, waiting] = events(file);
		expect(cancelled.status).toBe('CANCELLED');
		expect(cancelled.summary).toBe('Annulé : Praatgroep');
		expect(maybe.status).toBe('TENTATIVE');
		expect(maybe.summary).toBe('Peut-être : Praatgroep');
		expect(waiting.status).toBe('TENTATIVE');
		expect(waiting.summary).toBe("Liste d'attente : Praatgroep");
		expect(file).toContain('X-WR-CALNAME:Kring');
	});

	test('a line break or control character in a name or text adds no line to the file', () => {
		const file = calendarFile(
			[
				meetup({
					title: 'Soep\r\nX-INJECT:2\u0000',
					description: 'Eerst dit.\r\nDan dat.\u000b\u007f',
					place: 'Kerkstraat\r1\u001b'
				})
			],
			{ origin, locale: 'nl', name: 'Samen\r\nX-INJECT:1' }
		);
		const [calendar] = Object.values(ical.sync.parseICS(file)).filter(
			(item) => item?.type === 'VCALENDAR'
		);
		expect(calendar).toMatchObject({
			name: 'Samen X-INJECT:1',
			'WR-CALNAME': 'Samen X-INJECT:1'
		});
		expect(file.split('\r\n').filter((line) => /^X-INJECT/i.test(line))).toEqual([]);
		// Lines end in CR LF; nothing else below a space is left anywhere.
		expect(file.replaceAll('\r\n', '')).not.toMatch(/\p{Cc}/u);
		const [event] = events(file);
		expect(event.summary).toBe('Soep X-INJECT:2');
		expect(event.description).toContain('Eerst dit.\nDan dat.');
		expect(event.location).toBe('Kerkstraat 1');
	});
});
