import { describe, expect, test } from 'vitest';
import { changePasswordSchema, signInSchema, signUpSchema } from './auth';

// bcrypt, behind Supabase Auth, reads 72 bytes; an accented letter is two of them.
describe('passwords are measured in bytes, as bcrypt reads them', () => {
	const person = { nickname: 'Ann', email: 'ann@kring.test' };

	test('72 bytes are taken, 74 are refused in plain words', () => {
		expect(signUpSchema.safeParse({ ...person, password: 'é'.repeat(36) }).success).toBe(true);
		const tooLong = signUpSchema.safeParse({ ...person, password: 'é'.repeat(37) });
		expect(tooLong.success).toBe(false);
		expect(tooLong.error?.issues[0].message).toMatch(/72/);
	});

	test('a sign-in or a current password longer than any password can be is refused before auth', () => {
		const password = `${'é'.repeat(36)}x`;
		expect(signInSchema.safeParse({ email: person.email, password }).success).toBe(false);
		const change = { current_password: password, password: 'a-new-password' };
		expect(changePasswordSchema.safeParse(change).success).toBe(false);
	});
});
