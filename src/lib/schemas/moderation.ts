// The member's side of moderation: a report, "I feel left out", a reply to the moderators.
import { reportReasons } from '$lib/kinds';
import { m } from '$lib/paraglide/messages';
import { z } from 'zod';

const words = (max: number, tooLong: () => string) =>
	z.string().trim().max(max, { error: tooLong });

/** One of post, comment or member: the report menu sends the one it is about. */
export const reportSchema = z
	.object({
		client_id: z.uuid(),
		reason: z.enum(reportReasons),
		post: z.uuid().optional(),
		comment: z.uuid().optional(),
		member: z.uuid().optional(),
		body: words(1000, m.report_words_too_long).default(''),
		// Where the person was, to go back to after a report sent without JavaScript.
		back: z.string().default('')
	})
	.refine((report) => [report.post, report.comment, report.member].filter(Boolean).length === 1);

export const leftOutSchema = z.object({
	client_id: z.uuid(),
	group: z.uuid(),
	// Empty: all the moderators of the group.
	to: z.union([z.uuid(), z.literal('')]).default(''),
	body: words(2000, m.leftout_too_long).default('')
});

export const replySchema = z.object({
	client_id: z.uuid(),
	thread: z.uuid(),
	body: z
		.string()
		.trim()
		.min(1, { error: () => m.error_body_required() })
		.max(2000, { error: () => m.leftout_too_long() })
});
