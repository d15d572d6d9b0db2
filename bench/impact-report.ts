// The impact report (issue 12) for an organisation with 10 groups and a year of data: 40 members
// a group (5 of them without a phone), 500 posts and 250 answers a group, a weekly meetup a group
// for a year with 12-20 check-ins each. One request to PostgREST; at most 200 ms in Postgres
// (EXPLAIN ANALYZE as the organisation's admin, warm, median of 9).
// `npm run bench` runs it from bench/run.ts; alone: `npx tsx bench/impact-report.ts` (its own
// platform in a temporary folder; adds its result to bench/results.json).
import { randomBytes } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createClient } from '@supabase/supabase-js';
import { SignJWT } from 'jose';
import pg from 'pg';
import ws from 'ws';
import { jwtSecret } from '../local-supabase/keys';
import { startPlatform, type Platform } from '../local-supabase/platform';
import { freePort } from '../local-supabase/ports';
import { synthesise } from '../scripts/synth';

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

		const to = new Date().toISOString().slice(0, 10);
		const from = new Date(Date.now() - 364 * 86_400_000).toISOString().slice(0, 10);
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

		await db.query('begin');
		await db.query(`select set_config('request.jwt.claims', $1, true)`, [
			JSON.stringify({ sub: admin, role: 'authenticated' })
		]);
		await db.query('set local role authenticated');
		const times: number[] = [];
		for (let run = 0; run < 9; run++) {
			const result = await db.query<{ 'QUERY PLAN': string }>(
				`explain (analyze, buffers) select public.impact_report($1, $2, $3)`,
				[organisation, from, to]
			);
			const plan = result.rows.map((row) => row['QUERY PLAN']).join('\n');
			times.push(Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1]));
		}
		await db.query('rollback');
		times.sort((a, b) => a - b);
		const [fastestMs, medianMs] = [times[0], times[4]];
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

/**
 * The admin, 5 members without a phone a group, and a weekly meetup a group over the last year
 * (every third one with childcare, every fourth with transport help, half of them free), each
 * with 12-20 of the group's members checked in.
 */
async function plantAYear(db: pg.Client, organisation: string, admin: string) {
	await db.query(
		'insert into public.organisation_admins (organisation_id, user_id) values ($1, $2)',
		[organisation, admin]
	);
	await db.query(
		`insert into public.group_members (group_id, nickname, status, joined_at)
		select g.id, 'Zonder telefoon ' || n, 'active', now() - interval '200 days'
		from public.groups g, generate_series(1, 5) n
		where g.organisation_id = $1`,
		[organisation]
	);
	await db.query(
		`insert into public.meetups (group_id, title, starts_at, ends_at, place, childcare,
			transport_help, cost, created_at)
		select g.id, 'Praatcafé ' || w, now() - w * interval '7 days' + interval '1 hour',
			now() - w * interval '7 days' + interval '3 hours', 'Buurthuis', w % 3 = 0, w % 4 = 0,
			case when w % 2 = 0 then '€ 2' end, now() - w * interval '7 days' - interval '14 days'
		from public.groups g, generate_series(1, 52) w
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

/** An access token for a synthetic person, signed as the auth service signs the legacy ones. */
async function accessToken(userId: string): Promise<string> {
	return new SignJWT({ sub: userId, role: 'authenticated', aud: 'authenticated' })
		.setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
		.setExpirationTime('10m')
		.sign(new TextEncoder().encode(jwtSecret));
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
	const dataDir = path.join(tmpdir(), `kring-bench-impact-${randomBytes(6).toString('hex')}`);
	const platform = await startPlatform({
		dataDir,
		apiPort: await freePort(),
		dbPort: await freePort(),
		seed: false
	});
	let result: Awaited<ReturnType<typeof measureImpactReport>>;
	try {
		result = await measureImpactReport(platform);
	} finally {
		await platform.stop();
		await rm(dataDir, { recursive: true, force: true });
	}
	const file = 'bench/results.json';
	const results = JSON.parse(await readFile(file, 'utf8').catch(() => '{}'));
	results.impactReport = result;
	await writeFile(file, JSON.stringify(results, null, '\t') + '\n');
	if (result.overBudget) {
		console.error('Impact report over budget.');
		process.exit(1);
	}
}
