// The moderators' forms: a reason for every action (picked, or in their own words), a mute's
// length, a message to a member, a reply in a thread, a refused request to join.
import { reasonPicks, type ReasonPick } from '$lib/moderation';
import { m } from '$lib/paraglide/messages';
import { z } from 'zod';

// The database keeps at most 500 characters; the picked sentence takes some of them.
const words = z
	.string()
	.trim()
	.max(400, { error: () => m.mod_error_words_long() })
	.default('');

const reason = {
	pick: z.enum(reasonPicks, { error: () => m.mod_error_reason() }),
	words
};

function ownWordsWhenOwn(value: { pick: ReasonPick; words: string }, context: z.RefinementCtx) {
	if (value.pick === 'own' && !value.words) {
		context.addIssue({ code: 'custom', path: ['words'], message: m.mod_error_words() });
	}
}

const item = {
	post: z.uuid().optional(),
	comment: z.uuid().optional(),
	member: z.uuid().optional()
};

const message = z
	.string()
	.trim()
	.min(1, { error: () => m.mod_error_message() })
	.max(2000, { error: () => m.error_post_too_long() });

/** Dismiss, hide, restore, unmute: a reason is all they ask. */
export const reasonSchema = z.object({ ...item, ...reason }).superRefine(ownWordsWhenOwn);

export const muteSchema = z
	.object({
		...item,
		...reason,
		days: z.enum(['1', '7', '30'], { error: () => m.mod_error_days() })
	})
	.superRefine(ownWordsWhenOwn);

export const removeSchema = z
	.object({
		...item,
		...reason,
		// Removing someone cannot be undone from here: the moderator says so once more.
		sure: z.literal('yes', { error: () => m.mod_error_sure() })
	})
	.superRefine(ownWordsWhenOwn);

export const messageSchema = z.object({ ...item, client_id: z.uuid(), body: message });

export const moderatorReplySchema = z.object({ client_id: z.uuid(), body: message });

export const refuseSchema = z.object({
	member: z.uuid(),
	reason: z
		.string()
		.trim()
		.max(500, { error: () => m.mod_error_words_long() })
		.default('')
});
