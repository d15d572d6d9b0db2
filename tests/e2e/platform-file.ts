// Where the e2e web server tells the specs its platform's address (one file per app port), so
// a spec can arrange data through supabase-js as a person would.
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import ws from 'ws';

export interface E2ePlatform {
	apiUrl: string;
	anonKey: string;
	/** For a journey that must move time: its data is made days old, as a history would be. */
	dbUrl: string;
}

export const platformFile = (port: number) =>
	path.join(tmpdir(), `kring-e2e-platform-${port}.json`);

export const forgetPlatform = (port: number) => rm(platformFile(port), { force: true });

/** The platform the app under test runs on; waits for the web server to have written it. */
export async function e2ePlatform(): Promise<E2ePlatform> {
	const file = platformFile(Number(process.env.KRING_E2E_PORT));
	for (let attempt = 0; ; attempt++) {
		try {
			return JSON.parse(await readFile(file, 'utf8')) as E2ePlatform;
		} catch (problem) {
			if (attempt > 100) throw problem;
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
	}
}

/** A supabase-js client signed in as one of the seed's people (password kring-demo). */
export async function signedInClient(email: string): Promise<SupabaseClient> {
	const { apiUrl, anonKey } = await e2ePlatform();
	const client = createClient(apiUrl, anonKey, {
		auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
		realtime: { transport: ws as never }
	});
	const { error } = await client.auth.signInWithPassword({ email, password: 'kring-demo' });
	if (error) throw error;
	return client;
}
