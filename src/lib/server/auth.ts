// Signing up, in and out through Supabase Auth, with its errors turned into plain words. Tries
// are limited per client address and account first (attempts.ts), so that no one can guess a
// password at speed or shut others out.
import { m } from '$lib/paraglide/messages';
import { noNewAccount, signedIn, tryNewAccount, trySignIn } from '$lib/server/attempts';
import { authForwardingFetch } from '$lib/server/client-address';
import { supabaseSettings } from '$lib/server/env';
import { getLocale } from '$lib/paraglide/runtime';
import { createClient, type AuthError, type SupabaseClient } from '@supabase/supabase-js';
import ws from 'ws';

export type AuthResult =
	{ ok: true } | { ok: false; field?: 'email' | 'password' | 'current_password'; message: string };

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
		case 'same_password':
			return { ok: false, field: 'password', message: m.account_password_same() };
		case 'current_password_required':
			return { ok: false, field: 'current_password', message: m.account_current_required() };
		case 'current_password_invalid':
			return { ok: false, field: 'current_password', message: m.account_current_wrong() };
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

/**
 * Pages read who is signed in from the access token's claims (email, is_anonymous): after a change
 * to the account, a new token carries it at once instead of when the old one expires.
 */
async function renewToken(supabase: SupabaseClient): Promise<AuthResult> {
	return outcome(await supabase.auth.refreshSession());
}

/** Gives an anonymous account an email and a password, so it can be used on another phone. */
export async function keepAccount(supabase: SupabaseClient, email: string, password: string) {
	const kept = outcome(await supabase.auth.updateUser({ email, password }));
	return kept.ok ? renewToken(supabase) : kept;
}

/**
 * Whether `password` is the account's own, asked before its email or password changes: someone
 * who finds a phone or a computer still signed in must not make the account theirs. Checked with
 * a sign-in of its own on the side, limited like every sign-in and ended at once; this works
 * whatever the auth server's settings.
 */
async function provePassword(
	address: string,
	email: string,
	password: string
): Promise<AuthResult> {
	const tooMany = await trySignIn(address, email);
	if (tooMany) return { ok: false, field: 'current_password', message: tooMany.message };
	const { PUBLIC_SUPABASE_URL, PUBLIC_SUPABASE_ANON_KEY } = supabaseSettings();
	const side = createClient(PUBLIC_SUPABASE_URL, PUBLIC_SUPABASE_ANON_KEY, {
		auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
		global: {
			fetch: authForwardingFetch({ getClientAddress: () => address }, PUBLIC_SUPABASE_URL)
		},
		realtime: { transport: ws as never }
	});
	const { error } = await side.auth.signInWithPassword({ email, password });
	if (error?.code === 'invalid_credentials')
		return { ok: false, field: 'current_password', message: m.account_current_wrong() };
	if (error) return explain(error);
	await signedIn(address, email);
	const ended = await side.auth.signOut({ scope: 'local' });
	if (ended.error) return explain(ended.error);
	return { ok: true };
}

export type EmailChange = { ok: true; confirm: boolean } | Exclude<AuthResult, { ok: true }>;

/**
 * A new email for an account that has a password. With email confirmation on (hosted), the new
 * address holds once its owner clicks the link sent to it; locally it holds at once.
 */
export async function changeEmail(
	supabase: SupabaseClient,
	address: string,
	currentEmail: string,
	newEmail: string,
	currentPassword: string
): Promise<EmailChange> {
	if (newEmail === currentEmail)
		return { ok: false, field: 'email', message: m.account_email_same() };
	const proven = await provePassword(address, currentEmail, currentPassword);
	if (!proven.ok) return proven;
	const { data, error } = await supabase.auth.updateUser({ email: newEmail });
	if (error) return explain(error);
	const renewed = await renewToken(supabase);
	if (!renewed.ok) return renewed;
	return { ok: true, confirm: data.user.email !== newEmail };
}

/** A new password for an account that has one; the auth server is given the current one too. */
export async function changePassword(
	supabase: SupabaseClient,
	address: string,
	email: string,
	currentPassword: string,
	newPassword: string
): Promise<AuthResult> {
	const proven = await provePassword(address, email, currentPassword);
	if (!proven.ok) return proven;
	return outcome(
		await supabase.auth.updateUser({ password: newPassword, current_password: currentPassword })
	);
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

/**
 * The page a person asked for before being sent to sign in, checked as safeRedirect checks it,
 * so the links between sign in, sign up and start can carry it on; null when there is none.
 */
export function comeBackTo(url: URL): string | null {
	const target = url.searchParams.get('redirectTo');
	return (target && safeRedirect(target, '')) || null;
}
