// Signing up, in and out through Supabase Auth, with its errors turned into plain words. Tries
// are limited per client address and account first (attempts.ts), so that no one can guess a
// password at speed or shut others out.
import { m } from '$lib/paraglide/messages';
import { noNewAccount, signedIn, tryNewAccount, trySignIn } from '$lib/server/attempts';
import { getLocale } from '$lib/paraglide/runtime';
import type { AuthError, SupabaseClient } from '@supabase/supabase-js';

export type AuthResult =
	{ ok: true } | { ok: false; field?: 'email' | 'password'; message: string };

/** Plain words for the auth server's error codes (the same codes on hosted Supabase). */
export function explain(error: AuthError): Exclude<AuthResult, { ok: true }> {
	switch (error.code) {
		case 'invalid_credentials':
			return { ok: false, message: m.error_wrong_credentials() };
		case 'user_already_exists':
		case 'email_exists':
			return { ok: false, field: 'email', message: m.error_email_taken() };
		case 'weak_password':
			return { ok: false, field: 'password', message: m.error_weak_password() };
		case 'validation_failed':
		case 'email_address_invalid':
			return { ok: false, field: 'email', message: m.error_email_invalid() };
		case 'over_request_rate_limit':
		case 'over_email_send_rate_limit':
			return { ok: false, message: m.error_too_many_attempts() };
		default:
			return { ok: false, message: m.error_something_wrong() };
	}
}

const outcome = ({ error }: { error: AuthError | null }): AuthResult =>
	error ? explain(error) : { ok: true };

/** `address` is where the person is (client-address.ts). */
export async function signIn(
	supabase: SupabaseClient,
	address: string,
	email: string,
	password: string
): Promise<AuthResult> {
	const tooMany = await trySignIn(address, email);
	if (tooMany) return { ok: false, message: tooMany.message };
	const result = outcome(await supabase.auth.signInWithPassword({ email, password }));
	if (result.ok) await signedIn(address, email);
	return result;
}

/** Makes an account, unless too many were made from `address` lately. */
async function newAccount(address: string, make: () => Promise<AuthResult>): Promise<AuthResult> {
	const tooMany = await tryNewAccount(address);
	if (tooMany) return { ok: false, message: tooMany.message };
	const result = await make();
	if (!result.ok) await noNewAccount(address);
	return result;
}

export function signUp(
	supabase: SupabaseClient,
	address: string,
	nickname: string,
	email: string,
	password: string
) {
	// The new profile starts in the language the person is reading now.
	const data = { nickname, language: getLocale() };
	return newAccount(address, async () =>
		outcome(await supabase.auth.signUp({ email, password, options: { data } }))
	);
}

/** A person who gives only a nickname: an anonymous account, kept on this phone. */
export function startWithNickname(supabase: SupabaseClient, address: string, nickname: string) {
	const data = { nickname, language: getLocale() };
	return newAccount(address, async () =>
		outcome(await supabase.auth.signInAnonymously({ options: { data } }))
	);
}

/** Gives an anonymous account an email and a password, so it can be used on another phone. */
export async function keepAccount(supabase: SupabaseClient, email: string, password: string) {
	return outcome(await supabase.auth.updateUser({ email, password }));
}

export async function signOut(supabase: SupabaseClient) {
	await supabase.auth.signOut({ scope: 'local' });
}

/**
 * Only paths inside Kring, so a link can't send someone elsewhere after signing in. The target
 * is read the way a browser reads it (tabs and backslashes included) and must stay on our origin.
 */
export function safeRedirect(target: string | null | undefined, fallback = '/home'): string {
	if (!target) return fallback;
	const base = 'http://kring.invalid';
	try {
		const url = new URL(target, base);
		if (url.origin !== base) return fallback;
		// '/.//evil.com' resolves to the path '//evil.com', which a browser reads as another site.
		const path = url.pathname + url.search + url.hash;
		return /^\/[/\\]/.test(path) ? fallback : path;
	} catch {
		return fallback;
	}
}
