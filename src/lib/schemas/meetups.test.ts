import { m } from '$lib/paraglide/messages';
import { describe, expect, it } from 'vitest';
import { cancelMeetupSchema, meetupEditSchema, meetupRecord, meetupSchema } from './meetups';

const good = {
	client_id: '6f1e4a8c-2b7d-4c3e-9a5f-0d8b7c6e5f4a',
	title: 'Praatcafé',
	date: '2027-03-09',
	start: '14:00',
	end: '16:00',
	place: 'Buurthuis, Sleepstraat 1, Gent'
};

/** The field each refusal is about, with its words. */
function problems(
	input: Record<string, unknown>,
	schema: typeof meetupSchema | typeof meetupEditSchema = meetupSchema
) {
	const result = schema.safeParse(input);
	if (result.success) return {};
	return Object.fromEntries(
		result.error.issues.map((issue) => [issue.path.join('.'), issue.message])
	);
}

describe('meetupSchema', () => {
	it('refuses a place with something one does not see, in words, beside the field', () => {
		// The database refuses the same (meetup_place_hidden_characters).
		for (const place of ['Buurthuis\nKerkstraat 1', 'Buurt\u200bhuis', 'Buurthuis \u202e1']) {
			expect(problems({ ...good, place })).toEqual({ place: m.error_text_hidden() });
		}
	});

	it('takes a plain one-off meetup, free and without a limit', () => {
		const data = meetupSchema.parse(good);
		expect(data.capacity).toBeUndefined();
		expect(data).toMatchObject({
			repeat: 'once',
			cost: '',
			open_to: 'group',
			childcare: false
		});
		expect(meetupRecord(data)).toMatchObject({
			starts_at: '2027-03-09T13:00:00.000Z',
			ends_at: '2027-03-09T15:00:00.000Z',
			capacity: null,
			cost: '',
			languages: []
		});
	});

	it('stores a cost typed as free ("Gratis", "0 €") as no cost, and keeps a real one', () => {
		for (const cost of ['Gratis', '0 €', 'gratuit']) {
			expect(meetupRecord(meetupSchema.parse({ ...good, cost })).cost).toBe('');
		}
		expect(meetupRecord(meetupSchema.parse({ ...good, cost: '2 €' })).cost).toBe('2 €');
	});

	it('says the end must come after the start, on the end field', () => {
		expect(problems({ ...good, end: '13:00' })).toEqual({
			end: 'Het einde moet na het begin komen.'
		});
		expect(problems({ ...good, end: '14:00' })).toHaveProperty('end');
	});

	it('says a time in the spring gap does not exist', () => {
		// 28 March 2027 is the last Sunday of March.
		expect(problems({ ...good, date: '2027-03-28', start: '02:30', end: '04:00' })).toEqual({
			start: expect.stringContaining('bestaat niet')
		});
	});

	it('asks for a place or an online link', () => {
		expect(problems({ ...good, place: '  ' })).toEqual({
			place: 'Geef een adres, of een link om online mee te doen.'
		});
		expect(problems({ ...good, place: '', online_url: 'https://meet.example/kring' })).toEqual({});
		expect(problems({ ...good, online_url: 'meet.example' })).toHaveProperty('online_url');
	});

	it('asks for a title, a date and times', () => {
		expect(Object.keys(problems({ ...good, title: ' ', date: '', start: '' })).sort()).toEqual([
			'date',
			'start',
			'title'
		]);
		expect(problems({ ...good, date: '2027-02-30' })).toHaveProperty('date');
	});

	it('wants a capacity of at least 1 or none', () => {
		expect(problems({ ...good, capacity: 0 })).toHaveProperty('capacity');
		expect(problems({ ...good, capacity: 2.5 })).toHaveProperty('capacity');
		expect(problems({ ...good, capacity: 1 })).toEqual({});
	});

	it('lets a series run from its first date up to a year later', () => {
		expect(problems({ ...good, repeat: 'weekly', until: '2027-03-08' })).toHaveProperty('until');
		expect(problems({ ...good, repeat: 'weekly', until: '2028-03-10' })).toHaveProperty('until');
		expect(problems({ ...good, repeat: 'weekly', until: '2028-03-09' })).toEqual({});
		// Empty: three months after the first date.
		const data = meetupSchema.parse({ ...good, repeat: 'monthly_nth_weekday' });
		expect(meetupRecord(data).repeat_until).toBe('2027-06-09');
		expect(problems({ ...good, repeat: 'fortnightly' })).toHaveProperty('repeat');
	});

	it('keeps the chosen and the written languages, at most ten', () => {
		const data = meetupSchema.parse({
			...good,
			languages: ['nl', 'fr'],
			languages_other: 'Arabisch, Turks ,'
		});
		expect(meetupRecord(data).languages).toEqual(['nl', 'fr', 'Arabisch', 'Turks']);
		expect(problems({ ...good, languages_other: 'a,b,c,d,e,f,g,h,i,j,k' })).toHaveProperty(
			'languages_other'
		);
	});

	it('needs the client id that makes a retry harmless', () => {
		expect(problems({ ...good, client_id: 'again' })).toHaveProperty('client_id');
	});
});

describe('meetupEditSchema and cancelMeetupSchema', () => {
	it('edits one time or the series, with the same checks', () => {
		const edit: Record<string, unknown> = { ...good };
		delete edit.client_id;
		expect(meetupEditSchema.parse(edit).scope).toBe('one');
		expect(problems({ ...edit, end: '12:00', scope: 'series' }, meetupEditSchema)).toHaveProperty(
			'end'
		);
		expect(
			problems({ ...edit, scope: 'series', until: '2026-01-01' }, meetupEditSchema)
		).toHaveProperty('until');
	});

	it('cancels only after the host ticked that they are sure', () => {
		expect(cancelMeetupSchema.safeParse({}).success).toBe(false);
		expect(cancelMeetupSchema.parse({ confirm: true, scope: 'series' }).scope).toBe('series');
	});
});
