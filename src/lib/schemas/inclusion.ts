// The forms of "Hoe gaat het met de groep?": the kind actions on a signal, the group's message
// templates and the signals' thresholds. The ranges repeat nothing the database would not refuse;
// they only say it before sending, beside the field, in plain words.
import { signalKinds } from '$lib/inclusion-sentences';
import { m } from '$lib/paraglide/messages';
import { z } from 'zod';

const member = z.uuid({ error: () => m.inclusion_error_pick_member() });

const note = z
	.string()
	.trim()
	.max(1000, { error: () => m.inclusion_error_note() })
	.default('');

/** Marking handled: a closed circle is one signal per member of the set, handled together. */
export const handledSchema = z.object({
	kind: z.enum(signalKinds),
	members: z.array(z.uuid()).default([]),
	post: z.uuid().optional(),
	note
});

export const kindMessageSchema = z.object({
	client_id: z.uuid(),
	member: z.uuid(),
	kind: z.enum(['welcome', 'check_in']),
	body: z
		.string()
		.trim()
		.min(1, { error: () => m.inclusion_error_message() })
		.max(2000, { error: () => m.error_post_too_long() })
});

export const inviteSchema = z.object({
	client_id: z.uuid(),
	member: z.uuid(),
	meetup: z.uuid({ error: () => m.inclusion_error_pick_meetup() })
});

export const buddySchema = z.object({ client_id: z.uuid(), member: z.uuid(), buddy: member });

export const answerSchema = z.object({ client_id: z.uuid(), post: z.uuid(), member });

export const templateSchema = z.object({
	kind: z.enum(['welcome', 'check_in']),
	// Empty: back to Kring's own words.
	body: z
		.string()
		.trim()
		.max(1000, { error: () => m.inclusion_error_template_long() })
		.default('')
});

/** Each threshold: whole days, hours or counts, or a share shown as a percentage. */
export interface SettingField {
	key: string;
	unit: 'days' | 'hours' | 'count' | 'percent';
	min: number;
	max: number;
}

const days = (key: string, min = 1, max = 365): SettingField => ({ key, unit: 'days', min, max });
const count = (key: string, min: number, max: number): SettingField => ({
	key,
	unit: 'count',
	min,
	max
});
const percent = (key: string, min = 1, max = 99): SettingField => ({
	key,
	unit: 'percent',
	min,
	max
});

/** The thresholds, grouped by the signal they shape, in the order the page shows them. */
export const settingGroups = [
	{
		kind: 'unanswered_post',
		fields: [
			days('unanswered_window_days'),
			{ key: 'unanswered_after_hours', unit: 'hours', min: 1, max: 720 }
		]
	},
	{
		kind: 'not_reached',
		fields: [days('not_reached_window_days'), count('not_reached_min_items', 1, 100)]
	},
	{
		kind: 'newcomer_not_welcomed',
		fields: [days('newcomer_window_days'), days('newcomer_after_days', 0, 60)]
	},
	{
		kind: 'fading',
		fields: [
			days('fading_quiet_days'),
			days('fading_before_days'),
			count('fading_min_items', 1, 100),
			count('fading_missed_in_series', 1, 20),
			count('fading_series_min_attended', 1, 100)
		]
	},
	{
		kind: 'dominance',
		fields: [
			days('dominance_window_days'),
			percent('dominance_top_fraction'),
			percent('dominance_share'),
			count('dominance_min_contributions', 1, 10000)
		]
	},
	{
		kind: 'closed_circle',
		fields: [
			days('ties_window_days'),
			count('circle_min_size', 2, 100),
			percent('circle_max_fraction'),
			percent('circle_inside_share', 1, 100)
		]
	},
	{
		kind: 'first_timer_not_returned',
		fields: [days('first_timer_min_days'), days('first_timer_max_days')]
	},
	{
		kind: 'needs_not_met',
		fields: [days('needs_window_days'), count('needs_min_missed', 1, 50)]
	}
] as const satisfies { kind: (typeof signalKinds)[number]; fields: SettingField[] }[];

export const settingFields: SettingField[] = settingGroups.flatMap((group) => [...group.fields]);

/** A percentage as the database keeps it (0.2 for 20 %), and back. */
export const toStored = (field: SettingField, value: number) =>
	field.unit === 'percent' ? Math.round(value * 100) / 10000 : value;
export const toShown = (field: SettingField, value: number) =>
	field.unit === 'percent' ? Math.round(value * 10000) / 100 : value;

export const settingsSchema = z
	.object(
		Object.fromEntries(
			settingFields.map((field) => {
				const number = z.coerce.number({ error: () => m.inclusion_error_number() });
				const whole =
					field.unit === 'percent'
						? number
						: number.int({ error: () => m.inclusion_error_whole() });
				return [
					field.key,
					whole
						.min(field.min, {
							error: () => m.inclusion_error_range({ min: field.min, max: field.max })
						})
						.max(field.max, {
							error: () => m.inclusion_error_range({ min: field.min, max: field.max })
						})
				];
			})
		)
	)
	.superRefine((value, context) => {
		if (Number(value.first_timer_min_days) > Number(value.first_timer_max_days)) {
			context.addIssue({
				code: 'custom',
				path: ['first_timer_max_days'],
				message: m.inclusion_error_first_timer_order()
			});
		}
	});
