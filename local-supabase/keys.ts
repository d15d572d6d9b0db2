// The JWT secret and API keys of the local platform: the Supabase CLI's well-known local defaults,
// so tools and habits that work with `supabase start` work here too. Never use them in production.
import { SignJWT } from 'jose';

export const jwtSecret = 'super-secret-jwt-token-with-at-least-32-characters-long';

/**
 * The CLI's local secret key (`sb_secret_…`, not a JWT): it acts as the service role, and only a
 * request made with it may pass a person's address on to auth (Sb-Forwarded-For). The app's
 * server uses it for auth calls only.
 */
export const secretKey = 'sb_secret_N7UND0UgjKTVK-Uodkm0Hg_xSvEMPvz';

// The CLI's local keys are signed with this issuer and expiry (2032-10-14).
const localKeyExpiry = 1983812996;

async function apiKey(role: 'anon' | 'service_role'): Promise<string> {
	return new SignJWT({ iss: 'supabase-demo', role, exp: localKeyExpiry })
		.setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
		.sign(new TextEncoder().encode(jwtSecret));
}

export async function apiKeys(): Promise<{ anonKey: string; serviceRoleKey: string }> {
	return { anonKey: await apiKey('anon'), serviceRoleKey: await apiKey('service_role') };
}
