// The group feed's database work in a group with 20,000 posts: how many requests the app makes
// for a page of 50 posts with their counts, and how long Postgres takes (EXPLAIN ANALYZE).
import { createClient } from '@supabase/supabase-js';
import pg from 'pg';
import ws from 'ws';
import { SignJWT } from 'jose';
import { jwtSecret } from '../local-supabase/keys';
import type { Platform } from '../local-supabase/platform';
import { synthesise } from '../scripts/synth';
import { feedQueryMs as budgetMs, feedQueryRequests } from './budgets';

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
		const token = await memberToken(member);
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
		await db.query('begin');
		await db.query(`select set_config('request.jwt.claims', $1, true)`, [
			JSON.stringify({ sub: member, role: 'authenticated' })
		]);
		await db.query('set local role authenticated');
		const times: number[] = [];
		let plan = '';
		for (let run = 0; run < 5; run++) {
			const result = await db.query<{ 'QUERY PLAN': string }>(
				`explain (analyze, buffers) select * from public.group_feed($1, null, null, 50)`,
				[groupId]
			);
			plan = result.rows.map((row) => row['QUERY PLAN']).join('\n');
			times.push(Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1]));
		}
		await db.query('rollback');
		const medianMs = times.sort((a, b) => a - b)[2];
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

/** An access token for a synthetic member, signed as the auth service signs them. */
async function memberToken(userId: string): Promise<string> {
	return new SignJWT({ sub: userId, role: 'authenticated', aud: 'authenticated' })
		.setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
		.setExpirationTime('10m')
		.sign(new TextEncoder().encode(jwtSecret));
}
