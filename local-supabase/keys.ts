// The JWT secret and API keys of the local platform: the Supabase CLI's well-known local defaults,
// so tools and habits that work with `supabase start` work here too. Never use them in production.
import { SignJWT } from 'jose';

export const jwtSecret = 'super-secret-jwt-token-with-at-least-32-characters-long';

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
