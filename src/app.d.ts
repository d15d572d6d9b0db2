import type { Session, SupabaseClient, User } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';

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
			supabase: SupabaseClient<Database>;
			/** The signed-in person, checked with the auth server; memoised per request. */
			safeGetSession(): Promise<{ session: Session | null; user: User | null }>;
		}
		namespace Superforms {
			/** What a form says after it was sent: a refusal or a confirmation, in plain words. */
			type Message = { kind: 'ok' | 'error'; text: string };
		}
	}
}

export {};
