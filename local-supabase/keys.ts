// The keys of the local platform. The legacy JWT secret and API keys are the Supabase CLI's
// well-known local defaults, so tools and habits that work with `supabase start` work here too.
// Access tokens are signed with an asymmetric key (ES256), as on a hosted project with JWT signing
// keys: made once per checkout in supabase/config.toml's signing_keys_path, never committed.
// Never use any of them in production.
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SignJWT, type JWK } from 'jose';
import { z } from 'zod';

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

/** A private signing key as `supabase gen signing-key` writes it into signing_keys_path. */
export type SigningKey = JWK & { kid: string; alg: 'ES256' | 'RS256' };

const signingKeyFile = z
	.array(
		z.looseObject({
			kty: z.enum(['EC', 'RSA']),
			kid: z.string().min(1),
			alg: z.enum(['ES256', 'RS256']),
			d: z.string().min(1)
		})
	)
	.min(1);

/** What `supabase gen signing-key --algorithm ES256` makes. */
function newSigningKey(): SigningKey {
	const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
	return {
		kty: 'EC',
		kid: randomUUID(),
		use: 'sig',
		key_ops: ['sign', 'verify'],
		alg: 'ES256',
		ext: true,
		...privateKey.export({ format: 'jwk' })
	} as SigningKey;
}

/**
 * The signing keys in `file`; the first one signs, all of them verify (as GoTrue with several
 * keys). A missing file gets one new ES256 key, written so that two platforms starting at once
 * (tests and the app) end up with the same one.
 */
export async function signingKeys(file: string): Promise<SigningKey[]> {
	try {
		return signingKeyFile.parse(JSON.parse(await readFile(file, 'utf8'))) as SigningKey[];
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
			throw new Error(`${file}: not a list of private signing keys (${String(error)})`);
		}
	}
	await mkdir(path.dirname(file), { recursive: true });
	const draft = `${file}.${process.pid}.${randomUUID()}`;
	await writeFile(draft, `${JSON.stringify([newSigningKey()], null, 2)}\n`, { mode: 0o600 });
	// link() fails when the file exists: whoever links first wins, and everyone reads theirs.
	await link(draft, file).catch((error: NodeJS.ErrnoException) => {
		if (error.code !== 'EEXIST') throw error;
	});
	await rm(draft, { force: true });
	return signingKeys(file);
}

/** The public half, as GoTrue publishes it at /auth/v1/.well-known/jwks.json. */
export function publicKey(key: SigningKey): JWK {
	const { kty, kid, use, alg, ext, crv, x, y, n, e } = key;
	const parts = { kty, kid, use, alg, ext, key_ops: ['verify'], crv, x, y, n, e };
	return Object.fromEntries(Object.entries(parts).filter(([, value]) => value !== undefined));
}

/**
 * What PostgREST verifies with (its jwt-secret accepts a JWK set): the public signing keys and the
 * legacy secret as an `oct` key, so the HS256 anon and service_role keys stay valid, as on hosted
 * Supabase.
 */
export function postgrestJwks(keys: SigningKey[], secret: string): { keys: JWK[] } {
	return {
		keys: [
			...keys.map(publicKey),
			{ kty: 'oct', k: Buffer.from(secret).toString('base64url'), alg: 'HS256' }
		]
	};
}
