// supabase/config.toml, read the way the Supabase CLI reads it: the one place that says the local
// platform's ports and how auth behaves, so the stand-in and a hosted project (`supabase config
// push`) are set up alike. Only the settings the stand-in acts on are checked here.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'smol-toml';
import { z } from 'zod';

const count = z.number().int().min(1);

const schema = z.object({
	api: z.object({
		port: z.number().int(),
		schemas: z.array(z.string()).min(1),
		extra_search_path: z.array(z.string()),
		max_rows: count
	}),
	db: z.object({ port: z.number().int() }),
	auth: z.object({
		site_url: z.url(),
		jwt_expiry: count,
		// The stand-in always signs with asymmetric keys, as a hosted project with signing keys.
		signing_keys_path: z.string().min(1),
		// The stand-in always rotates refresh tokens, as hosted Supabase does by default.
		enable_refresh_token_rotation: z.literal(true),
		refresh_token_reuse_interval: z.number().int().min(0),
		enable_signup: z.boolean(),
		enable_anonymous_sign_ins: z.boolean(),
		minimum_password_length: z.number().int().min(6).max(72),
		rate_limit: z.object({
			anonymous_users: count,
			sign_in_sign_ups: count,
			token_refresh: count
		}),
		email: z.object({
			// The stand-in sends no email, so it can only work with confirmations off.
			enable_confirmations: z.literal(false)
		})
	})
});

export type SupabaseConfig = z.infer<typeof schema>;
export type AuthRateLimits = SupabaseConfig['auth']['rate_limit'];

export const configFile = path.resolve(
	path.dirname(fileURLToPath(import.meta.url)),
	'../supabase/config.toml'
);

/** A path in supabase/config.toml, which the CLI reads relative to the supabase folder. */
export const configPath = (relative: string) => path.resolve(path.dirname(configFile), relative);

let cached: SupabaseConfig | undefined;

export function supabaseConfig(): SupabaseConfig {
	if (cached) return cached;
	const result = schema.safeParse(parse(readFileSync(configFile, 'utf8')));
	if (!result.success) {
		const issue = result.error.issues[0];
		throw new Error(`${configFile}: ${issue.path.join('.')}: ${issue.message}`);
	}
	return (cached = result.data);
}
