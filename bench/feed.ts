// The group feed's database work in a group with 20,000 posts: how many requests the app makes
// for a page of 50 posts with their counts, and how long Postgres takes (EXPLAIN ANALYZE).
import { createClient } from '@supabase/supabase-js';
import pg from 'pg';
import ws from 'ws';
import type { Platform } from '../local-supabase/platform';
import { synthesise } from '../scripts/synth';
import { feedQueryMs as budgetMs, feedQueryRequests } from './budgets';
import { accessToken, executionTimes, median } from './postgres';

const postsInGroup = 20_000;

export async function measureFeed(platform: Platform) {
	const [groupId] = await synthesise(platform.dbUrl, {
		groups: 1,
		members: 50,
		posts: postsInGroup,
		seed: 20_000
	});
	const db = new pg.Client({ connectionString: platform.dbUrl });
	await db.connect();
	try {
		const { rows } = await db.query<{ user_id: string }>(
			`select user_id from public.group_members where group_id = $1 and role = 'member' limit 1`,
			[groupId]
		);
		const member = rows[0].user_id;

		// Round trips, counted at the client as the app would make them.
		let requests = 0;
		const counting: typeof fetch = (input, init) => {
			requests++;
			return fetch(input, init);
		};
		const token = await accessToken(member);
		const client = createClient(platform.apiUrl, platform.anonKey, {
			auth: { persistSession: false, autoRefreshToken: false },
			realtime: { transport: ws as never },
			global: { fetch: counting, headers: { Authorization: `Bearer ${token}` } }
		});
		const { data, error } = await client.rpc('group_feed', {
			target_group: groupId,
			page_size: 50
		});
		if (error || !data || data.length !== 50) throw new Error(`feed failed: ${error?.message}`);

		// Postgres time, as the member, warm: the median of five runs.
		const { times, plan } = await executionTimes(
			db,
			'select * from public.group_feed($1, null, null, 50)',
			[groupId],
			{ as: member, runs: 5, buffers: true }
		);
		const medianMs = median(times);
		console.log(`\nGroup feed, 50 posts of ${postsInGroup} — EXPLAIN ANALYZE (last run):\n${plan}`);
		console.log(
			`requests to PostgREST: ${requests}; Postgres execution time, median of 5: ${medianMs} ms (budget ${budgetMs} ms)`
		);
		return {
			postsInGroup,
			requests,
			medianMs,
			budgetMs,
			overBudget: requests > feedQueryRequests || medianMs > budgetMs
		};
	} finally {
		await db.end();
	}
}
