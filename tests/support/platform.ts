// What database and contract tests need to talk to the platform the global setup started:
// supabase-js clients, people with sessions, and a superuser connection for arranging data.
import { randomUUID } from 'node:crypto';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import pg from 'pg';
import { inject } from 'vitest';
import ws from 'ws';

export const platform = () => inject('platform');

export function client(accessToken?: string): SupabaseClient {
	const { apiUrl, anonKey } = platform();
	return createClient(apiUrl, anonKey, {
		auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
		realtime: { transport: ws as never },
		global: accessToken ? { headers: { Authorization: `Bearer ${accessToken}` } } : undefined
	});
}

export function serviceClient(): SupabaseClient {
	const { apiUrl, serviceRoleKey } = platform();
	return createClient(apiUrl, serviceRoleKey, {
		auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
		realtime: { transport: ws as never }
	});
}

export interface Person {
	id: string;
	email: string;
	accessToken: string;
	/** A supabase-js client signed in as this person. */
	client: SupabaseClient;
}

/** Signs up a new person with email + password and returns them signed in. */
export async function signUp(nickname = 'Tester'): Promise<Person> {
	const email = `${randomUUID()}@kring.test`;
	const anonymous = client();
	const { data, error } = await anonymous.auth.signUp({
		email,
		password: 'correct-horse-battery',
		options: { data: { nickname } }
	});
	if (error || !data.session || !data.user) throw error ?? new Error('sign-up gave no session');
	return {
		id: data.user.id,
		email,
		accessToken: data.session.access_token,
		client: client(data.session.access_token)
	};
}

let pool: pg.Pool | undefined;

/** A superuser connection, for arranging data the test is not about. Never for assertions on access. */
export function db(): pg.Pool {
	pool ??= new pg.Pool({ connectionString: platform().dbUrl, max: 4 });
	return pool;
}
