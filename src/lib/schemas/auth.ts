// One schema per form; the messages are the person's language, read when a check fails.
import { m } from '$lib/paraglide/messages';
import { z } from 'zod';

// Characters one does not see or that turn the text around: the database refuses the same ones
// (private.without_hidden_characters), so that one name cannot look like another.
/* eslint-disable no-control-regex, no-misleading-character-class -- these characters are what it looks for */
const hiddenCharacters =
	/[\u0001-\u001f\u007f-\u009f\u00ad\u034f\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u2028-\u202e\u2060-\u206f\u2800\u3164\ufe00-\ufe0d\ufeff\uffa0\ufff9-\ufffb\u{110bd}\u{110cd}\u{13430}-\u{1343f}\u{1bca0}-\u{1bca3}\u{1d173}-\u{1d17a}\u{e0000}-\u{e007f}]/u;
/* eslint-enable no-control-regex, no-misleading-character-class */

/** Whether text shows all it holds: no line break, nothing invisible, nothing turned around. */
export const withoutHiddenCharacters = (text: string) => !hiddenCharacters.test(text);

export const nickname = z
	.string()
	.trim()
	.min(1, { error: () => m.error_nickname_required() })
	.max(40, { error: () => m.error_nickname_too_long() })
	.refine(withoutHiddenCharacters, { error: () => m.error_nickname_hidden() });

const email = z
	.string()
	.trim()
	.toLowerCase()
	.pipe(
		z
			.email({ error: () => m.error_email_invalid() })
			.max(255, { error: () => m.error_email_invalid() })
	);

// bcrypt, behind Supabase Auth, reads 72 bytes: an accented letter takes two of them.
const fitsBcrypt = (password: string) => new TextEncoder().encode(password).length <= 72;

const newPassword = z
	.string()
	.min(8, { error: () => m.error_password_short() })
	.refine(fitsBcrypt, { error: () => m.error_password_too_long() });

const currentPassword = z
	.string()
	.min(1, { error: () => m.account_current_required() })
	.refine(fitsBcrypt, { error: () => m.account_current_wrong() });

export const languages = ['nl', 'fr', 'en'] as const;

export const signInSchema = z.object({
	email,
	password: z
		.string()
		.min(1, { error: () => m.error_password_required() })
		.refine(fitsBcrypt, { error: () => m.error_wrong_credentials() })
});

export const signUpSchema = z.object({ nickname, email, password: newPassword });

export const startSchema = z.object({ nickname });

export const keepAccountSchema = z.object({ email, password: newPassword });

/** For an account that has a password: it is asked again before the email or password changes. */
export const changeEmailSchema = z.object({ email, current_password: currentPassword });

export const changePasswordSchema = z.object({
	current_password: currentPassword,
	password: newPassword
});

export const profileSchema = z.object({ display_name: nickname, language: z.enum(languages) });
