// The moderators' queue (issue 10) for a group with 1,000 open reports (800 items: posts reported
// by one or three people, answers, members) and 20 "left out" threads: one request to PostgREST,
// at most 20 ms in Postgres (EXPLAIN ANALYZE as the moderator, warm, median of 9). The queue
// shows the first 100 items and says how many there are.
// `npm run bench` runs it after bench/run.ts and adds its result to bench/results.json; alone:
// `npx tsx bench/moderation-queue.ts` (its own platform in a temporary folder).
import { createClient } from '@supabase/supabase-js';
import pg from 'pg';
import ws from 'ws';
import type { Platform } from '../local-supabase/platform';
import { synthesise } from '../scripts/synth';
import {
	accessToken,
	addToResults,
	executionTimes,
	median,
	onItsOwnPlatform,
	runAlone
} from './postgres';

const openReports = 1_000;
const budgetMs = 20;

export async function measureModerationQueue(
	platform: Pick<Platform, 'apiUrl' | 'anonKey' | 'dbUrl'>
) {
	const [groupId] = await synthesise(platform.dbUrl, {
		groups: 1,
		members: 300,
		posts: 2_000,
		seed: 10_010
	});
	const db = new pg.Client({ connectionString: platform.dbUrl });
	await db.connect();
	try {
		await addReports(db, groupId);
		const { rows } = await db.query<{ user_id: string }>(
			`select user_id from public.group_members where group_id = $1 and role = 'moderator' limit 1`,
			[groupId]
		);
		const moderator = rows[0].user_id;

		let requests = 0;
		const counting: typeof fetch = (input, init) => {
			requests++;
			return fetch(input, init);
		};
		const client = createClient(platform.apiUrl, platform.anonKey, {
			auth: { persistSession: false, autoRefreshToken: false },
			realtime: { transport: ws as never },
			global: {
				fetch: counting,
				headers: { Authorization: `Bearer ${await accessToken(moderator)}` }
			}
		});
		const { data, error } = await client.rpc('page_moderation_queue', { target_group: groupId });
		if (error || data?.item_count !== 800 || data.items.length !== 100) {
			throw new Error(`queue failed: ${error?.message ?? JSON.stringify(data).slice(0, 200)}`);
		}

		const { times } = await executionTimes(
			db,
			'select public.page_moderation_queue($1)',
			[groupId],
			{ as: moderator, buffers: true }
		);
		const [fastestMs, medianMs] = [times[0], median(times)];
		console.log(
			`\nModeration queue, ${openReports} open reports on ${data.item_count} items (the first ` +
				`${data.items.length} shown) and ` +
				`${data.threads.length} threads: requests to PostgREST: ${requests}; Postgres execution ` +
				`time, median of 9: ${medianMs} ms, fastest ${fastestMs} ms (budget ${budgetMs} ms)`
		);
		return {
			openReports,
			items: data.item_count,
			itemsShown: data.items.length,
			threads: data.threads.length,
			requests,
			medianMs,
			fastestMs,
			budgetMs,
			overBudget: requests !== 1 || medianMs > budgetMs
		};
	} finally {
		await db.end();
	}
}

/**
 * 1,000 open reports: the newest 100 posts by three people each, the next 500 posts, 100
 * answers and 100 members by one; never by the author or the member reported, and none about the
 * moderator who reads the queue (those are for the other moderators). Half with words.
 */
export async function addReports(db: pg.Client, groupId: string) {
	await db.query(
		`with moderators as (
			select m.user_id from public.group_members m where m.group_id = $1 and m.role = 'moderator'
		), reporters as (
			select m.user_id, row_number() over (order by m.id) - 1 as k
			from public.group_members m where m.group_id = $1 and m.role = 'member'
		), items as (
			(select p.id as post_id, null::uuid as comment_id, null::uuid as member_id,
				pa.author_id as author,
				case when row_number() over (order by p.created_at desc) <= 100 then 3 else 1 end as copies
			from public.posts p join public.post_authors pa on pa.post_id = p.id
			where p.group_id = $1 and pa.author_id not in (select user_id from moderators)
			order by p.created_at desc limit 600)
			union all
			(select null, c.id, null, ca.author_id, 1
			from public.comments c join public.comment_authors ca on ca.comment_id = c.id
			where c.group_id = $1 and ca.author_id not in (select user_id from moderators)
			order by c.created_at desc limit 100)
			union all
			(select null, null, m.id, m.user_id, 1
			from public.group_members m where m.group_id = $1 and m.role = 'member'
			order by m.id desc limit 100)
		), numbered as (
			select items.*, row_number() over () as n from items
		)
		insert into public.reports (group_id, reporter_id, post_id, comment_id, member_id,
			about_member, reason, body, client_id, created_at)
		select $1, r.user_id, i.post_id, i.comment_id, i.member_id, about.id,
			(enum_range(null::public.report_reason))[1 + ((i.n + copy) % 6)::int],
			case when (i.n + copy) % 2 = 0 then 'Dit voelt niet goed voor mij, ' || i.n end,
			gen_random_uuid(), now() - (i.n * 10 + copy) * interval '1 minute'
		from numbered i
		cross join lateral generate_series(0, i.copies - 1) copy
		cross join lateral (
			select rp.user_id from reporters rp
			where rp.user_id <> i.author and rp.k % 250 >= (i.n * 7 + copy * 50) % 250
			order by rp.k limit 1
		) r
		left join public.group_members about on about.group_id = $1 and about.user_id = i.author`,
		[groupId]
	);
	const { rows } = await db.query<{ count: number }>(
		`select count(*)::int from public.reports where group_id = $1 and resolved_at is null`,
		[groupId]
	);
	if (rows[0].count !== openReports) throw new Error(`made ${rows[0].count} reports`);
	await db.query(
		`with threads as (
			insert into public.moderation_threads (group_id, member_id, kind, to_all, waiting_since,
				created_at, last_message_at)
			select $1, m.id, 'left_out', true, now() - n * interval '1 hour',
				now() - n * interval '1 hour', now() - n * interval '1 hour'
			from generate_series(1, 20) n
			join lateral (
				select id from public.group_members
				where group_id = $1 and role = 'member' order by id offset n limit 1
			) m on true
			returning id, member_id
		)
		insert into public.moderation_messages (thread_id, from_moderators, author_id, body, client_id)
		select t.id, false, m.user_id, 'Ik voel me buitengesloten. ' || k, gen_random_uuid()
		from threads t join public.group_members m on m.id = t.member_id
		cross join generate_series(1, 3) k`,
		[groupId]
	);
	await db.query('analyze public.reports, public.moderation_threads, public.moderation_messages');
}

if (runAlone(import.meta.url)) {
	const result = await onItsOwnPlatform('moderation', measureModerationQueue);
	await addToResults('moderationQueue', result, 'Moderation queue over budget.');
}
