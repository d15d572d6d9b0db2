import { m } from '$lib/paraglide/messages';
import { z } from 'zod';
import { postKinds } from '$lib/kinds';
import { nickname } from './auth';

const body = z
	.string()
	.trim()
	.min(1, { error: () => m.error_body_required() })
	.max(2000, { error: () => m.error_post_too_long() });

/** client_id is made by the page once per message, so sending it again never posts twice. */
export const postSchema = z.object({
	client_id: z.uuid(),
	kind: z.enum(postKinds).default('story'),
	body,
	anonymous: z.boolean().default(false)
});

export const editPostSchema = z.object({ kind: z.enum(postKinds), body });

export const commentSchema = z.object({
	client_id: z.uuid(),
	body,
	anonymous: z.boolean().default(false)
});

export const editCommentSchema = z.object({ id: z.uuid(), body });

export const joinSchema = z.object({
	nickname,
	// Unticked until the person ticks it: agreeing is their own act.
	accept_rules: z
		.boolean()
		.default(false)
		.refine((accepted) => accepted, { error: () => m.error_rules_not_accepted() })
});

export const inviteSchema = z.object({
	days: z
		.number()
		.int()
		.min(1, { error: () => m.error_invite_expiry() })
		.max(365, { error: () => m.error_invite_expiry() })
		.default(14),
	max_uses: z
		.number()
		.int()
		.min(1, { error: () => m.error_invite_uses() })
		.max(1000, { error: () => m.error_invite_uses() })
		.default(25)
});
