// Inclusion signals (issue 11) for one group of 500 members with 5,000, 50,000 and 500,000 posts
// over a year (answers 0.8× and reactions 4× the posts, 53 weekly meetups with attendance and
// RSVPs that ask for childcare, transport or help with the cost): every signal in one call, as
// the group's moderator. Postgres execution time (EXPLAIN ANALYZE, warm, median of 7) and the
// same call through PostgREST (median of 7 round trips). Budget: 100 ms in Postgres at 50,000.
// `npm run bench` runs it after the rest and adds its result to bench/results.json; alone:
// `npx tsx bench/inclusion-signals.ts` (its own platform in a temporary folder).
import { readFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { createClient } from '@supabase/supabase-js';
import pg from 'pg';
import ws from 'ws';
import type { Platform } from '../local-supabase/platform';
import { inclusionSignalsMs } from './budgets';
import {
	accessToken,
	addToResults,
	asPerson,
	executionTimes,
	median,
	onItsOwnPlatform,
	runAlone
} from './postgres';

const sizes = [5_000, 50_000, 500_000];
const members = 500;
const runs = 7;

export interface PlantedGroup {
	groupId: string;
	moderator: string;
	posts: number;
	answers: number;
	reactions: number;
	meetups: number;
	attendance: number;
	rsvps: number;
}

/**
 * A group's year, planted in one transaction with triggers off (`session_replication_role =
 * replica`: the nickname check made 500 members take minutes), so what triggers would have made
 * is made here (the group's settings row, the nicknames' readings, the inclusion summaries). Who
 * writes, answers and reacts is skewed (a few write much, many little) and follows from the row
 * number, so every run plants the same shapes. Planted on purpose among them: newcomers of the
 * last month nobody greeted, regulars who went quiet three weeks ago, a circle of four who only
 * talk to each other, members who asked for childcare and then did not come.
 */
export async function plantGroup(db: pg.Client, posts: number): Promise<PlantedGroup> {
	const hash = (salt: string, n: string) => `(abs(hashtext('${salt}' || ${n})) / 2147483648.0)`;
	await db.query('begin');
	try {
		await db.query(`set local session_replication_role = replica`);
		const { rows } = await db.query<{ group_id: string }>(
			`with org as (
				insert into public.organisations (name, slug)
				values ('Bench inclusie', 'bench-inclusie-' || $1) returning id
			)
			insert into public.groups (organisation_id, name, slug, description, rules)
			select id, 'Groep met ' || $1 || ' berichten', 'groep', 'Bench', 'Wees vriendelijk'
			from org returning id as group_id`,
			[posts]
		);
		const groupId = rows[0].group_id;
		await db.query(`insert into public.inclusion_settings (group_id) values ($1)`, [groupId]);
		// Members 1–2 moderate, 3–5 host; 481–500 joined in the last month; 471–474 left.
		await db.query(
			`create temporary table bench_members on commit drop as
			select m, gen_random_uuid() as user_id, gen_random_uuid() as id,
				case when m > 480 then now() - (m - 480) * interval '36 hours'
					else now() - (400 + m) * interval '1 day' end as joined_at
			from generate_series(1, $1) m`,
			[members]
		);
		await db.query('analyze bench_members');
		await db.query(
			`insert into auth.users (instance_id, id, aud, role, email, is_anonymous, created_at,
				updated_at)
			select '00000000-0000-0000-0000-000000000000', user_id, 'authenticated', 'authenticated',
				user_id || '@bench.kring.test', false, joined_at, joined_at
			from bench_members`
		);
		await db.query(
			`insert into public.group_members (id, group_id, user_id, role, status, nickname,
				nickname_readings, joined_at, rules_accepted_at)
			select id, $1, user_id,
				case when m <= 2 then 'moderator' when m <= 5 then 'host' else 'member'
				end::public.member_role,
				case when m between 471 and 474 then 'left' else 'active' end::public.member_status,
				'Lid ' || m, array['lid ' || m], joined_at, joined_at
			from bench_members`,
			[groupId]
		);
		// Who writes: skewed towards low numbers. Members 441–444 (the circle) and the newcomers
		// never come up; 421–440 went quiet three weeks ago (someone else writes instead).
		await db.query(`
			create or replace function pg_temp.bench_writer(h numeric, at timestamptz) returns integer
			language sql immutable as $$
				select case
					when w between 441 and 444 or w > 470 then 1 + (w * 7) % 420
					when w between 421 and 440 and at > now() - interval '21 days' then w - 420
					else w end
				from (select 1 + floor(470 * h * h)::integer as w) x
			$$`);
		await db.query(
			`create temporary table bench_posts on commit drop as
			select i, gen_random_uuid() as id,
				now() - interval '365 days' * (i - 0.5) / $1 as created_at,
				pg_temp.bench_writer(${hash('a', 'i')}, now() - interval '365 days' * (i - 0.5) / $1)
					as writer,
				i % 7 = 0 as anonymous
			from generate_series(1, $1) i`,
			[posts]
		);
		await db.query('analyze bench_posts');
		await db.query(
			`insert into public.posts (id, group_id, author_id, kind, body, anonymous, created_at)
			select p.id, $1, case when p.anonymous then null else m.user_id end,
				(array['story','question','tip','looking_for','offering'])[1 + p.i % 5]::public.post_kind,
				'Bericht ' || p.i, p.anonymous, p.created_at
			from bench_posts p join bench_members m on m.m = p.writer`,
			[groupId]
		);
		await db.query(
			`insert into public.post_authors (post_id, author_id, client_id, created_at)
			select p.id, m.user_id, gen_random_uuid(), p.created_at
			from bench_posts p join bench_members m on m.m = p.writer`
		);
		// Answers: 0.8 per post, to a post chosen at random, within two days of it (never in the
		// future); so about 45% of posts get none and some of those a reaction only.
		await db.query(
			`create temporary table bench_answers on commit drop as
			select j, gen_random_uuid() as id, p.id as post_id,
				least(p.created_at + ${hash('ct', 'j')} * interval '2 days', now() - interval '1 minute')
					as created_at,
				pg_temp.bench_writer(${hash('cw', 'j')}, p.created_at) as writer
			from generate_series(1, ($1 * 0.8)::integer) j
			join bench_posts p on p.i = 1 + floor($1 * ${hash('cp', 'j')})::integer`,
			[posts]
		);
		await db.query('analyze bench_answers');
		await db.query(
			`insert into public.comments (id, post_id, group_id, author_id, body, created_at)
			select a.id, a.post_id, $1, m.user_id, 'Antwoord ' || a.j, a.created_at
			from bench_answers a join bench_members m on m.m = a.writer`,
			[groupId]
		);
		await db.query(
			`insert into public.comment_authors (comment_id, author_id, client_id, created_at)
			select a.id, m.user_id, gen_random_uuid(), a.created_at
			from bench_answers a join bench_members m on m.m = a.writer`
		);
		// Reactions: 4 per post, three of four on a post, the rest on an answer, within three days.
		await db.query(
			`insert into public.reactions (group_id, post_id, comment_id, user_id, kind, client_id,
				created_at)
			select $1, p.id, a.id, m.user_id,
				(array['recognise','support','thanks'])[1 + r.j % 3]::public.reaction_kind,
				gen_random_uuid(),
				least(coalesce(p.created_at, a.created_at) + r.delay * interval '3 days',
					now() - interval '1 minute')
			from (
				select j, j % 4 = 0 as on_answer, ${hash('rt', 'j')} as delay, ${hash('rw', 'j')} as who,
					case when j % 4 = 0 then 1 + floor(($2 * 0.8)::integer * ${hash('rc', 'j')})::integer
						else 1 + floor($2 * ${hash('rp', 'j')})::integer end as target
				from generate_series(1, $2 * 4) j
			) r
			left join bench_posts p on not r.on_answer and p.i = r.target
			left join bench_answers a on r.on_answer and a.j = r.target
			join bench_members m
				on m.m = pg_temp.bench_writer(r.who, coalesce(p.created_at, a.created_at))
			on conflict do nothing`,
			[groupId, posts]
		);
		// The circle of four: each writes a post a week; the other three answer and react.
		await db.query(
			`with circle_posts as (
				insert into public.posts (group_id, author_id, kind, body, created_at)
				select $1, m.user_id, 'story', 'Onder ons ' || w, now() - (w * 7 + m.m - 440) * interval '1 day'
				from bench_members m cross join generate_series(0, 8) w
				where m.m between 441 and 444
				returning id, author_id, created_at
			), authored as (
				insert into public.post_authors (post_id, author_id, client_id, created_at)
				select id, author_id, gen_random_uuid(), created_at from circle_posts returning post_id
			)
			insert into public.reactions (group_id, post_id, user_id, kind, client_id, created_at)
			select $1, p.id, m.user_id, 'support', gen_random_uuid(), p.created_at + interval '1 hour'
			from circle_posts p join bench_members m on m.m between 441 and 444
				and m.user_id <> p.author_id`,
			[groupId]
		);
		// A weekly meetup for a year (and the next two), checked in: the regulars (members 1–40, the
		// quiet ones until three weeks ago) and others by turn; 40 RSVPs, one in eight with a need.
		// Members 450–452 asked for childcare or transport lately and did not come.
		await db.query(
			`with series as (
				insert into public.meetup_series (group_id, repeat, first_on, repeat_until)
				values ($1, 'weekly', (now() - interval '365 days')::date, (now() + interval '21 days')::date)
				returning id
			)
			insert into public.meetups (group_id, title, starts_at, ends_at, place, series_id,
				occurrence_on)
			select $1, 'Praatcafé', now() - w * interval '7 days' + interval '2 days',
				now() - w * interval '7 days' + interval '2 days 2 hours', 'Buurthuis', series.id,
				(now() - w * interval '7 days' + interval '2 days')::date
			from series cross join generate_series(-1, 52) w`,
			[groupId]
		);
		await db.query(
			`create temporary table bench_meetups on commit drop as
			select id, starts_at, row_number() over (order by starts_at) as n
			from public.meetups where group_id = $1 and starts_at < now()`,
			[groupId]
		);
		await db.query(
			`insert into public.attendance (meetup_id, member_id, checked_in_at, created_at)
			select mt.id, m.id, mt.starts_at, mt.starts_at
			from bench_meetups mt join bench_members m
				on (m.m <= 40 and (mt.n + m.m) % 5 <> 0
						and not (m.m between 21 and 40 and mt.starts_at > now() - interval '21 days'))
					or (m.m between 41 and 440 and (mt.n * 37 + m.m) % 50 = 0)`
		);
		await db.query(
			`insert into public.rsvps (meetup_id, member_id, status, childcare_children,
				transport_help, cost_is_a_problem, client_id, created_at, updated_at)
			select mt.id, m.id, 'going',
				case when m.m = 450 or (mt.n + m.m) % 8 = 0 then 1 else 0 end,
				m.m = 451 or (mt.n + m.m) % 8 = 3, (mt.n + m.m) % 8 = 5,
				gen_random_uuid(), mt.starts_at - interval '3 days', mt.starts_at - interval '3 days'
			from bench_meetups mt join bench_members m
				on m.m <= 40 or (m.m between 441 and 460 and (mt.n + m.m) % 2 = 0)
					or m.m between 450 and 452`
		);
		// What the inclusion triggers keep (the signals read it), filled as the migration does.
		await db.query('select private.inclusion_backfill($1)', [groupId]);
		await db.query('commit');
		// As autovacuum leaves a database in service: statistics, and the pages marked all-visible
		// (index-only scans read no table page), whether or not autovacuum has come by yet.
		await db.query(`vacuum (analyze)`);
		const counts = await db.query(
			`select (select count(*) from public.posts where group_id = $1)::int as posts,
				(select count(*) from public.comments where group_id = $1)::int as answers,
				(select count(*) from public.reactions where group_id = $1)::int as reactions,
				(select count(*) from public.meetups where group_id = $1)::int as meetups,
				(select count(*) from public.attendance a join public.meetups m on m.id = a.meetup_id
					where m.group_id = $1)::int as attendance,
				(select count(*) from public.rsvps r join public.meetups m on m.id = r.meetup_id
					where m.group_id = $1)::int as rsvps,
				(select user_id from public.group_members where group_id = $1 and role = 'moderator'
					order by joined_at limit 1) as moderator`,
			[groupId]
		);
		return { groupId, ...counts.rows[0] };
	} catch (error) {
		await db.query('rollback');
		throw error;
	}
}

export async function measureInclusionSignals(
	platform: Pick<Platform, 'apiUrl' | 'anonKey' | 'dbUrl'>
) {
	const db = new pg.Client({ connectionString: platform.dbUrl });
	await db.connect();
	const loadBefore = loadavg()[0];
	try {
		const measured = [];
		for (const size of sizes) {
			const group = await plantGroup(db, size);
			measured.push({ ...group, ...(await measureOne(db, platform, group)) });
		}
		const at50k = measured.find((m) => m.posts >= 50_000 && m.posts < 500_000)!;
		return {
			members,
			sizes: measured.map((size) => {
				const { groupId, moderator, ...rest } = size;
				void groupId;
				void moderator;
				return rest;
			}),
			budgetMs: inclusionSignalsMs,
			loadBefore,
			loadAfter: loadavg()[0],
			overBudget: at50k.requests !== 1 || at50k.postgresMedianMs > inclusionSignalsMs
		};
	} finally {
		await db.end();
	}
}

async function measureOne(
	db: pg.Client,
	platform: Pick<Platform, 'apiUrl' | 'anonKey'>,
	group: PlantedGroup
) {
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
			headers: { Authorization: `Bearer ${await accessToken(group.moderator, 30)}` }
		}
	});
	// The call as the app makes it; the role's statement timeout (8 s) may end it at 500,000.
	const call = async () => {
		const started = performance.now();
		const { data, error } = await client.rpc('inclusion_signals', { target_group: group.groupId });
		if (error || !Array.isArray(data)) return { ms: NaN, error: error?.message ?? 'no rows' };
		return { ms: performance.now() - started, error: null };
	};
	let restError: string | null = null;
	const restTimes = [];
	for (let run = 0; run <= runs && !restError; run++) {
		const { ms, error } = await call();
		restError = error;
		if (run > 0) restTimes.push(ms);
	}
	const calls = restTimes.length + 1;
	requests = requests / calls;

	const signals = await asPerson(db, group.moderator, async () => {
		const { rows } = await db.query<{ kind: string }>(
			'select kind from public.inclusion_signals($1)',
			[group.groupId]
		);
		return rows;
	});
	const cpuBefore = await backendCpuMs(db);
	const { times } = await executionTimes(
		db,
		'select * from public.inclusion_signals($1)',
		[group.groupId],
		{ as: group.moderator, runs }
	);
	// CPU time of the Postgres process per call: on a machine loaded by other work the wall
	// clock moves more with the load than with the SQL.
	const postgresCpuMs =
		cpuBefore === null ? null : Math.round(((await backendCpuMs(db))! - cpuBefore) / runs);
	const referenceMs = median(
		(await executionTimes(db, machineReference, [], { as: null, runs })).times
	);
	const memberView = median(await memberTimes(db, group, 'select public.my_inclusion()'));
	const insertMs = await postInsertMs(db, group);
	const kinds: Record<string, number> = {};
	for (const signal of signals) kinds[signal.kind] = (kinds[signal.kind] ?? 0) + 1;
	const result = {
		myInclusionMedianMs: memberView,
		...insertMs,
		requests,
		postgresMedianMs: median(times),
		postgresFastestMs: times[0],
		postgresCpuMs,
		referenceMs,
		postgrestMedianMs: restError
			? null
			: Math.round(median([...restTimes].sort((a, b) => a - b)) * 10) / 10,
		postgrestError: restError,
		signals: kinds
	};
	console.log(
		`Inclusion signals, ${group.posts} posts, ${group.answers} answers, ${group.reactions} ` +
			`reactions, ${group.meetups} meetups (${group.attendance} check-ins, ${group.rsvps} RSVPs), ` +
			`${members} members: Postgres median of ${runs} ${result.postgresMedianMs} ms (fastest ` +
			`${result.postgresFastestMs}; CPU ${postgresCpuMs} ms; the machine's reference ${referenceMs} ms), through PostgREST ${restError ?? `${result.postgrestMedianMs} ms`}, ` +
			`${requests} request a call; signals ${JSON.stringify(kinds)}; my_inclusion of a member ` +
			`${memberView} ms; a post written ${insertMs.postInsertMs} ms, a reaction ` +
			`${insertMs.reactionInsertMs} ms, an answer ${insertMs.answerInsertMs} ms (the inclusion ` +
			`triggers included)`
	);
	return result;
}

/**
 * The same work on every machine, measured right after the signals: grouping and sorting 300,000
 * generated rows, as the signals group and sort their items and ties. These machines differ in
 * speed by half from one to the next and by a third within minutes, so the signals' time is read
 * beside this rather than alone.
 */
const machineReference = `select count(*), sum(n) from (select g % 997 as k, count(*) as n
	from generate_series(1, 300000) g group by 1 order by 2, 1) x`;

/**
 * CPU time (user and system, milliseconds) the connection's Postgres process has used so far, read
 * from /proc (the platform runs on this machine); null where there is no /proc.
 */
async function backendCpuMs(db: pg.Client): Promise<number | null> {
	const { rows } = await db.query<{ pid: number }>('select pg_backend_pid() as pid');
	const stat = await readFile(`/proc/${rows[0].pid}/stat`, 'utf8').catch(() => null);
	if (stat === null) return null;
	// Fields after the command name: utime and stime are the 12th and 13th, in clock ticks (100/s).
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Execution times of a statement as a planted member who writes now and then, fastest first. */
async function memberTimes(db: pg.Client, group: PlantedGroup, statement: string) {
	const { rows } = await db.query<{ user_id: string }>(
		`select user_id from public.group_members
		where group_id = $1 and role = 'member' and status = 'active' order by nickname limit 1`,
		[group.groupId]
	);
	return (await executionTimes(db, statement, [], { as: rows[0].user_id, runs })).times;
}

/**
 * What a write costs with the triggers that keep the inclusion summaries: 100 posts, then 100
 * reactions and 100 answers on recent posts, in one statement each (rolled back); milliseconds
 * per row.
 */
async function postInsertMs(db: pg.Client, group: PlantedGroup) {
	const perRow = async (statement: string) => {
		await db.query('begin');
		try {
			const result = await db.query<{ 'QUERY PLAN': string }>(`explain (analyze) ${statement}`, [
				group.groupId
			]);
			const plan = result.rows.map((row) => row['QUERY PLAN']).join('\n');
			// 100 rows: milliseconds per row, to a hundredth.
			return Math.round(Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1])) / 100;
		} finally {
			await db.query('rollback');
		}
	};
	const postInsertMs = await perRow(
		`insert into public.posts (group_id, author_id, kind, body)
		select $1, m.user_id, 'story', 'Bench'
		from generate_series(1, 100) i
		join (select user_id, row_number() over (order by id) as n from public.group_members
			where group_id = $1 and status = 'active') m on m.n = 1 + i % 400`
	);
	const reactionInsertMs = await perRow(
		`insert into public.reactions (group_id, post_id, user_id, kind, client_id)
		select $1, p.id, m.user_id, 'thanks', gen_random_uuid()
		from (select id, row_number() over (order by created_at desc) as n from public.posts
			where group_id = $1 order by created_at desc limit 100) p
		join (select user_id, row_number() over (order by id) as n from public.group_members
			where group_id = $1 and status = 'active') m on m.n = 1 + (p.n * 7) % 400
		on conflict do nothing`
	);
	// Answers to recent posts, one each: each adds only what it changes (no thread is rebuilt).
	const answerInsertMs = await perRow(
		`insert into public.comments (post_id, group_id, author_id, body)
		select p.id, $1, m.user_id, 'Bench'
		from (select id, row_number() over (order by created_at desc) as n from public.posts
			where group_id = $1 order by created_at desc limit 100) p
		join (select user_id, row_number() over (order by id) as n from public.group_members
			where group_id = $1 and status = 'active') m on m.n = 1 + (p.n * 11) % 400`
	);
	return { postInsertMs, reactionInsertMs, answerInsertMs };
}

if (runAlone(import.meta.url)) {
	const result = await onItsOwnPlatform('inclusion', measureInclusionSignals);
	await addToResults(
		'inclusionSignals',
		result,
		`Inclusion signals over budget at 50,000 posts (${inclusionSignalsMs} ms).`
	);
}
