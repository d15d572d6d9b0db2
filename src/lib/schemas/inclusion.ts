// The forms of "Hoe gaat het met de groep?": the kind actions on a signal, the group's message
// templates and the signals' thresholds. The ranges repeat nothing the database would not refuse;
// they only say it before sending, beside the field, in plain words.
import { settingFields } from '$lib/inclusion';
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
