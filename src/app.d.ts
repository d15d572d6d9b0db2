import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import type { SessionUser } from '$lib/server/session';

declare global {
	namespace App {
		interface Error {
			message: string;
			/** Shown on the error page, so a person can pass it on and the log line can be found. */
			requestId?: string;
		}
		interface Locals {
			/** Names this request in the log and on the error page. */
			requestId: string;
			/** The database, under the signed-in person's rights. */
			supabase: SupabaseClient<Database>;
			/**
			 * The session in the cookies, for its `.auth`: signing in and out, changing the account,
			 * and getUser() where the auth server must confirm the session is still alive.
			 */
			sessionClient: SupabaseClient<Database>;
			/**
			 * The signed-in person from the verified access token (checked locally, no call to the
			 * auth server), once per request and again after signing in or out.
			 */
			safeGetSession(): Promise<{ user: SessionUser | null }>;
		}
		namespace Superforms {
			/** What a form says after it was sent: a refusal or a confirmation, in plain words. */
			type Message = { kind: 'ok' | 'error'; text: string };
		}
	}
}

export {};
