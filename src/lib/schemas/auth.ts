// One schema per form; the messages are the person's language, read when a check fails.
import { m } from '$lib/paraglide/messages';
import { z } from 'zod';

export const nickname = z
	.string()
	.trim()
	.min(1, { error: () => m.error_nickname_required() })
	.max(40, { error: () => m.error_nickname_too_long() });

const email = z
	.string()
	.trim()
	.toLowerCase()
	.pipe(
		z
			.email({ error: () => m.error_email_invalid() })
			.max(255, { error: () => m.error_email_invalid() })
	);

const newPassword = z
	.string()
	.min(8, { error: () => m.error_password_short() })
	.max(72, { error: () => m.error_password_too_long() });

export const languages = ['nl', 'fr', 'en'] as const;

export const signInSchema = z.object({
	email,
	password: z
		.string()
		.min(1, { error: () => m.error_password_required() })
		.max(72)
});

export const signUpSchema = z.object({ nickname, email, password: newPassword });

export const startSchema = z.object({ nickname });

export const keepAccountSchema = z.object({ email, password: newPassword });

export const profileSchema = z.object({ display_name: nickname, language: z.enum(languages) });
