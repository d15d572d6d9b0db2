// The meetup forms hosts fill in on a phone. Every check says what to do in plain words, on the
// field it is about. Dates and times are a Brussels clock (see $lib/zoned).
import { audiences, repeats, spokenLanguages } from '$lib/meetup-options';
import { m } from '$lib/paraglide/messages';
import { meetupIsFree } from '$lib/rsvp';
import { addMonths, brusselsToInstant, isDate, isTime } from '$lib/zoned';
import { z } from 'zod';
import { withoutHiddenCharacters } from './auth';

/** How far ahead a series may run, and how far it runs when the host leaves "until" empty. */
const seriesMaxMonths = 12;
const seriesDefaultMonths = 3;

const text = (max: number, tooLong: () => string) =>
	z.string().trim().max(max, { error: tooLong }).default('');

const meetupFields = {
	title: z
		.string()
		.trim()
		.min(1, { error: () => m.meetupform_error_title() })
		.max(120, { error: () => m.meetupform_error_title_long() }),
	description: text(4000, () => m.meetupform_error_description_long()),
	date: z
		.string()
		.default('')
		.refine(isDate, { error: () => m.meetupform_error_date() }),
	start: z
		.string()
		.default('')
		.refine(isTime, { error: () => m.meetupform_error_time() }),
	end: z
		.string()
		.default('')
		.refine(isTime, { error: () => m.meetupform_error_time() }),
	place: z
		.string()
		.trim()
		.max(300, { error: () => m.meetupform_error_place_long() })
		.refine(withoutHiddenCharacters, { error: () => m.error_text_hidden() })
		.default(''),
	online_url: z
		.string()
		.trim()
		.max(500, { error: () => m.meetupform_error_online() })
		.refine((url) => url === '' || /^https?:\/\/\S+$/.test(url), {
			error: () => m.meetupform_error_online()
		})
		.default(''),
	// Empty means free.
	cost: text(60, () => m.meetupform_error_cost()),
	childcare: z.boolean().default(false),
	transport_help: z.boolean().default(false),
	wheelchair_access: z.boolean().default(false),
	// "Breng gerust iemand mee": each answer may bring one extra person.
	guests_welcome: z.boolean().default(false),
	languages: z.array(z.enum(spokenLanguages)).default([]),
	// Other languages, separated by commas ("Arabisch, Turks").
	languages_other: text(400, () => m.meetupform_error_languages()),
	open_to: z.enum(audiences).default('group'),
	// Empty means no limit.
	capacity: z
		.number({ error: () => m.meetupform_error_capacity() })
		.int({ error: () => m.meetupform_error_capacity() })
		.min(1, { error: () => m.meetupform_error_capacity() })
		.max(10_000, { error: () => m.meetupform_error_capacity() })
		.optional(),
	// For a series: its last date, empty for three months after the first date.
	until: z.string().default('')
};

type Fields = {
	date: string;
	start: string;
	end: string;
	place: string;
	online_url: string;
	languages: readonly string[];
	languages_other: string;
};

/** The other languages as the database keeps them: one entry each, without blanks. */
function otherLanguages(value: string): string[] {
	return value
		.split(/[,;\n]/)
		.map((language) => language.trim())
		.filter(Boolean);
}

function checkMeetup(data: Fields, ctx: z.RefinementCtx) {
	if (isDate(data.date) && isTime(data.start) && isTime(data.end)) {
		const starts = brusselsToInstant(data.date, data.start);
		const ends = brusselsToInstant(data.date, data.end);
		if (!starts)
			ctx.addIssue({ code: 'custom', path: ['start'], message: m.meetupform_error_gap() });
		if (!ends) ctx.addIssue({ code: 'custom', path: ['end'], message: m.meetupform_error_gap() });
		if (starts && ends && ends <= starts) {
			ctx.addIssue({ code: 'custom', path: ['end'], message: m.meetupform_error_end() });
		}
	}
	if (data.place === '' && data.online_url === '') {
		ctx.addIssue({ code: 'custom', path: ['place'], message: m.meetupform_error_place() });
	}
	const others = otherLanguages(data.languages_other);
	if (
		others.length + data.languages.length > 10 ||
		others.some((language) => language.length > 40)
	) {
		ctx.addIssue({
			code: 'custom',
			path: ['languages_other'],
			message: m.meetupform_error_languages()
		});
	}
}

/** The last date of a series must lie between its first date and a year later. */
function untilProblem(until: string, first: string): boolean {
	return !isDate(until) || until < first || until > addMonths(first, seriesMaxMonths);
}

/** client_id is made once per form, so sending it again never makes a second meetup. */
export const meetupSchema = z
	.object({
		client_id: z.uuid(),
		...meetupFields,
		repeat: z.enum(repeats).default('once')
	})
	.superRefine((data, ctx) => {
		checkMeetup(data, ctx);
		if (data.repeat !== 'once' && data.until !== '' && isDate(data.date)) {
			if (untilProblem(data.until, data.date)) {
				ctx.addIssue({ code: 'custom', path: ['until'], message: m.meetupform_error_until() });
			}
		}
	});

/** Editing one meetup, or (scope 'series') it and every later one of its series. */
export const meetupEditSchema = z
	.object({
		...meetupFields,
		scope: z.enum(['one', 'series']).default('one')
	})
	.superRefine((data, ctx) => {
		checkMeetup(data, ctx);
		if (data.scope === 'series' && data.until !== '' && isDate(data.date)) {
			if (untilProblem(data.until, data.date)) {
				ctx.addIssue({ code: 'custom', path: ['until'], message: m.meetupform_error_until() });
			}
		}
	});

export const cancelMeetupSchema = z.object({
	scope: z.enum(['one', 'series']).default('one'),
	confirm: z
		.boolean()
		.default(false)
		.refine((sure) => sure, { error: () => m.meetupform_cancel_confirm_required() })
});

export type MeetupEditForm = z.infer<typeof meetupEditSchema>;

/** The start and end instants, and the series' last date, as the database functions want them. */
export function meetupRecord(data: Omit<MeetupEditForm, 'scope'>) {
	const starts = brusselsToInstant(data.date, data.start);
	const ends = brusselsToInstant(data.date, data.end);
	if (!starts || !ends) throw new Error('meetupRecord needs a validated form');
	return {
		title: data.title,
		description: data.description,
		starts_at: starts.toISOString(),
		ends_at: ends.toISOString(),
		place: data.place,
		online_url: data.online_url,
		// Free as the host may type it ("Gratis", "0 €") is the database's free, no cost: the page
		// says "Gratis", the RSVP asks nothing about the price, the impact report counts it free.
		cost: meetupIsFree(data.cost) ? '' : data.cost,
		childcare: data.childcare,
		transport_help: data.transport_help,
		wheelchair_access: data.wheelchair_access,
		guests_welcome: data.guests_welcome,
		languages: [...data.languages, ...otherLanguages(data.languages_other)],
		open_to: data.open_to,
		capacity: data.capacity ?? null,
		repeat_until: data.until || addMonths(data.date, seriesDefaultMonths)
	};
}

// RSVP ----------------------------------------------------------------------------------------

const rsvpAnswers = ['going', 'maybe', 'not_going'] as const;

/** A member's answer with what they need to be able to come; client_id makes a retry harmless. */
export const rsvpSchema = z.object({
	client_id: z.uuid(),
	status: z.enum(rsvpAnswers).default('going'),
	childcare_children: z
		.number({ error: () => m.rsvp_error_children() })
		.int({ error: () => m.rsvp_error_children() })
		.min(0, { error: () => m.rsvp_error_children() })
		.max(20, { error: () => m.rsvp_error_children() })
		.default(0),
	transport_help: z.boolean().default(false),
	cost_is_a_problem: z.boolean().default(false),
	// One extra person, where the meetup welcomes them.
	guests: z.boolean().default(false),
	note: z
		.string()
		.trim()
		.max(300, { error: () => m.rsvp_error_note_long() })
		.default('')
});

/** A host answers for a member without a phone; client_id makes a retry count once. */
export const answerForMemberSchema = z.object({
	client_id: z.uuid(),
	member: z.uuid({ error: () => m.host_for_member_who() }),
	status: z.enum(rsvpAnswers).default('going'),
	childcare_children: z
		.number({ error: () => m.host_error_children() })
		.int({ error: () => m.host_error_children() })
		.min(0, { error: () => m.host_error_children() })
		.max(20, { error: () => m.host_error_children() })
		.default(0),
	transport_help: z.boolean().default(false),
	cost_is_a_problem: z.boolean().default(false),
	note: text(300, () => m.host_error_note())
});
