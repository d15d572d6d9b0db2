import { explainDatabaseError } from '$lib/server/errors';
import type { Database } from '$lib/database.types';
import type { SupabaseClient } from '@supabase/supabase-js';
import { describe, expect, it } from 'vitest';
import { report } from './moderation-member';

/** A database that answers create_report with what the test gives. */
function database(answer: { data: string | null; error: { message: string } | null }) {
	const calls: unknown[] = [];
	const client = {
		rpc: async (name: string, args: unknown) => {
			calls.push({ name, args });
			return answer;
		}
	} as unknown as SupabaseClient<Database>;
	return { client, calls };
}

describe('report', () => {
	const clientId = crypto.randomUUID();
	const sent = { clientId, reason: 'left_out' as const, post: crypto.randomUUID(), body: '' };

	it('is new when the database gives back the id the page sent', async () => {
		const { client, calls } = database({ data: clientId, error: null });
		expect(await report(client, sent)).toEqual({ error: null, already: false });
		// No words: the optional argument is left out, not sent empty.
		expect(calls).toEqual([
			{
				name: 'create_report',
				args: {
					client_id: clientId,
					reason: 'left_out',
					post: sent.post,
					comment: undefined,
					member: undefined,
					body: undefined
				}
			}
		]);
	});

	it('was already sent when the database gives back an earlier report', async () => {
		const { client } = database({ data: crypto.randomUUID(), error: null });
		expect(await report(client, sent)).toEqual({ error: null, already: true });
	});

	it('says the daily limit in words', async () => {
		const { client } = database({ data: null, error: { message: 'report_limit_reached' } });
		const { error } = await report(client, sent);
		expect(explainDatabaseError(error)).toBe(
			'Je meldde vandaag al 10 keer iets. Morgen kan je weer melden. Is het dringend? Spreek een begeleider aan.'
		);
	});
});
