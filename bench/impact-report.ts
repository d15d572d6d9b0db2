// The impact report (issue 12) for an organisation with 10 groups and a year of data: 40 members
// a group (5 of them without a phone), 500 posts and 250 answers a group, a weekly meetup a group
// for a year with 12-20 check-ins each. One request to PostgREST; at most 200 ms in Postgres
// (EXPLAIN ANALYZE as the organisation's admin, warm, median of 9).
// `npm run bench` runs it from bench/run.ts; alone: `npx tsx bench/impact-report.ts` (its own
// platform in a temporary folder; adds its result to bench/results.json).
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

const groups = 10;
const budgetMs = 200;

export async function measureImpactReport(
	platform: Pick<Platform, 'apiUrl' | 'anonKey' | 'dbUrl'>
) {
	const groupIds = await synthesise(platform.dbUrl, {
		groups,
		members: 35,
		posts: 500,
		seed: 12_012
	});
	const db = new pg.Client({ connectionString: platform.dbUrl });
	await db.connect();
	try {
		const { rows } = await db.query<{ organisation_id: string; admin: string }>(
			`select g.organisation_id, m.user_id as admin from public.groups g
			join public.group_members m on m.group_id = g.id and m.role = 'moderator'
			where g.id = $1 limit 1`,
			[groupIds[0]]
		);
		const { organisation_id: organisation, admin } = rows[0];
		await plantAYear(db, organisation, admin);

		// The report covers whole months that are over: the year planted before this month,
		// rounded out to its months.
		const { rows: period } = await db.query<{ from: string; to: string }>(
			`select to_char(date_trunc('month', start - interval '364 days'), 'YYYY-MM-DD') as from,
				to_char(start - interval '1 day', 'YYYY-MM-DD') as to
			from (select date_trunc('month', now() at time zone 'Europe/Brussels') as start) this_month`
		);
		const { from, to } = period[0];
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
				headers: { Authorization: `Bearer ${await accessToken(admin)}` }
			}
		});
		const { data, error } = await client.rpc('impact_report', {
			organisation,
			from_date: from,
			to_date: to
		});
		const meetups = (data as { total?: { meetups?: { value: number | null } } } | null)?.total
			?.meetups?.value;
		if (error || meetups !== groups * 52) {
			throw new Error(`report failed: ${error?.message ?? JSON.stringify(data).slice(0, 300)}`);
		}

		const { times } = await executionTimes(
			db,
			'select public.impact_report($1, $2, $3)',
			[organisation, from, to],
			{ as: admin, buffers: true }
		);
		const [fastestMs, medianMs] = [times[0], median(times)];
		const { rows: sizes } = await db.query<{ attendance: number; meetups: number }>(
			`select (select count(*)::int from public.attendance) as attendance,
				(select count(*)::int from public.meetups) as meetups`
		);
		console.log(
			`\nImpact report, ${groups} groups, a year: ${sizes[0].meetups} meetups, ` +
				`${sizes[0].attendance} check-ins; requests to PostgREST: ${requests}; Postgres ` +
				`execution time, median of 9: ${medianMs} ms, fastest ${fastestMs} ms (budget ${budgetMs} ms)`
		);
		return {
			groups,
			meetups: sizes[0].meetups,
			checkIns: sizes[0].attendance,
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

// The first moment of this month in Brussels: the report counts only what came before it.
const thisMonth = `(select date_trunc('month', now() at time zone 'Europe/Brussels')
	at time zone 'Europe/Brussels' as this_month) start_of_month`;

/**
 * The admin, 5 members without a phone a group, and a weekly meetup a group over the year before
 * this month (every third one with childcare, every fourth with transport help, half of them
 * free), each with 12-20 of the group's members checked in. The groups began before that year.
 */
async function plantAYear(db: pg.Client, organisation: string, admin: string) {
	await db.query(
		'insert into public.organisation_admins (organisation_id, user_id) values ($1, $2)',
		[organisation, admin]
	);
	await db.query(
		`update public.groups set created_at = this_month - interval '400 days'
		from ${thisMonth}
		where organisation_id = $1`,
		[organisation]
	);
	await db.query(
		`insert into public.group_members (group_id, nickname, status, joined_at)
		select g.id, 'Zonder telefoon ' || n, 'active', this_month - interval '200 days'
		from public.groups g, generate_series(1, 5) n, ${thisMonth}
		where g.organisation_id = $1`,
		[organisation]
	);
	await db.query(
		`insert into public.meetups (group_id, title, starts_at, ends_at, place, childcare,
			transport_help, cost, created_at)
		select g.id, 'Praatcafé ' || w, this_month - w * interval '7 days' + interval '1 hour',
			this_month - w * interval '7 days' + interval '3 hours', 'Buurthuis', w % 3 = 0,
			w % 4 = 0, case when w % 2 = 0 then '€ 2' end,
			this_month - w * interval '7 days' - interval '14 days'
		from public.groups g, generate_series(1, 52) w, ${thisMonth}
		where g.organisation_id = $1`,
		[organisation]
	);
	await db.query(
		`insert into public.attendance (meetup_id, member_id, checked_in_at)
		select mt.id, gm.id, mt.starts_at
		from public.meetups mt
		join public.groups g on g.id = mt.group_id and g.organisation_id = $1
		cross join lateral (
			select id from public.group_members m
			where m.group_id = mt.group_id and m.status = 'active'
			order by md5(m.id::text || mt.id::text)
			limit 12 + abs(hashtext(mt.id::text)) % 9
		) gm`,
		[organisation]
	);
	await db.query('analyze');
}

if (runAlone(import.meta.url)) {
	const result = await onItsOwnPlatform('impact', measureImpactReport);
	await addToResults('impactReport', result, 'Impact report over budget.');
}
