// The calls a signed-in page makes: app_shell (what every layout shows) and one function per
// page (page_home, page_group_feed, page_post). Who gets what is a written table, as the RLS
// matrices are; then what each gives, that counts stop at a cap, that the feed's cursor seeks
// at any depth, and that reading a page writes nothing.
import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import type pg from 'pg';
import { beforeAll, describe, expect, test } from 'vitest';
import { client, db, signUp, type Person } from '../support/platform';
import { joinedMember, joinedModerator, makeGroup, membershipId, post } from '../support/groups';
import { answered, createMeetup, joinedHost } from '../support/meetups';

type Json = Record<string, unknown>;

async function call(sb: SupabaseClient, fn: string, args: object = {}): Promise<Json | null> {
	const { data, error } = await sb.rpc(fn, args);
	if (error) throw new Error(`${fn}: ${error.message}`);
	return data as Json | null;
}

describe('who gets what', () => {
	const roles = [
		'anonymous',
		'outsider',
		'pending',
		'member',
		'removed',
		'left',
		'otherModerator',
		'moderator'
	] as const;
	type Role = (typeof roles)[number];

	// see: the call gives group A's data · -: it gives nothing of group A (null, or refused)
	const matrix = `
function          anonymous outsider pending member removed left otherModerator moderator
app_shell         -         -        -       see    -       -    -              see
page_home         -         -        -       see    -       -    -              see
page_group_feed   -         -        -       see    -       -    -              see
page_post         -         -        -       see    -       -    -              see
`;

	let clients: Record<Role, SupabaseClient>;
	let sees: Record<string, (sb: SupabaseClient) => Promise<boolean>>;

	beforeAll(async () => {
		const groupA = await makeGroup({ joinPolicy: 'request', name: 'Groep A' });
		const groupB = await makeGroup();
		const moderator = await joinedModerator(groupA.id, 'Moderator');
		const member = await joinedMember(groupA.id, 'Lid');
		const removed = await joinedMember(groupA.id, 'Verwijderd');
		await moderator.client.rpc('remove_member', {
			member: await membershipId(groupA.id, removed.id)
		});
		const left = await joinedMember(groupA.id, 'Vertrokken');
		await left.client.rpc('leave_group', { target_group: groupA.id });
		const pending = await signUp('Wacht');
		await pending.client.rpc('request_to_join', {
			target_group: groupA.id,
			nickname: 'Wacht',
			accept_rules: true
		});
		const outsider = await signUp('Buiten');
		const otherModerator = await joinedModerator(groupB.id, 'Andere moderator');
		const postId = await post(member, groupA.id, { body: 'Wie kent een goede huisarts?' });

		clients = {
			anonymous: client(),
			outsider: outsider.client,
			pending: pending.client,
			member: member.client,
			removed: removed.client,
			left: left.client,
			otherModerator: otherModerator.client,
			moderator: moderator.client
		};
		// A refused call (anonymous: no grant) gives nothing, as a null does.
		const given = async (sb: SupabaseClient, fn: string, args: object = {}) => {
			const { data, error } = await sb.rpc(fn, args);
			return error ? null : (data as Json | null);
		};
		sees = {
			app_shell: async (sb) =>
				((await given(sb, 'app_shell', { target_group: groupA.id }))?.group as Json | null)?.id ===
				groupA.id,
			page_home: async (sb) =>
				JSON.stringify((await given(sb, 'page_home'))?.groups ?? []).includes(groupA.id),
			page_group_feed: async (sb) =>
				JSON.stringify(await given(sb, 'page_group_feed', { target_group: groupA.id })).includes(
					postId
				),
			page_post: async (sb) =>
				JSON.stringify(
					await given(sb, 'page_post', { target_group: groupA.id, target_post: postId })
				).includes(postId)
		};
	});

	const [header, ...lines] = matrix.trim().split('\n');
	const cells = lines.flatMap((line) => {
		const [fn, ...outcomes] = line.trim().split(/\s+/);
		return roles.map((role, i) => ({ fn, role, allowed: outcomes[i] === 'see' }));
	});

	test('the matrix names every kind of person once per function', () => {
		expect(header.trim().split(/\s+/).slice(1)).toEqual([...roles]);
		for (const line of lines) expect(line.trim().split(/\s+/)).toHaveLength(roles.length + 1);
	});

	describe.each([...new Set(cells.map((cell) => cell.fn))])('%s', (fn) => {
		test.each(cells.filter((cell) => cell.fn === fn))(
			'by $role: sees = $allowed',
			async ({ role, allowed }) => {
				expect(await sees[fn](clients[role])).toBe(allowed);
			}
		);
	});
});

describe('app_shell', () => {
	test('gives my name, my unread count with due reminders, and the group with my role', async () => {
		const group = await makeGroup({ name: 'Praatgroep Gent' });
		const host = await joinedHost(group.id);
		const person = await joinedModerator(group.id, 'Mia');
		await db().query(`update public.profiles set display_name = 'Mia B.' where id = $1`, [
			person.id
		]);
		const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();
		const soon = await createMeetup(host, group.id, { starts_at: inHours(2), ends_at: inHours(4) });
		await answered(person, soon, 'going');
		const changed = await createMeetup(host, group.id);
		await answered(person, changed, 'maybe');
		await host.client.rpc('cancel_meetup', { meetup: changed });

		const shell = await call(person.client, 'app_shell', { target_group: group.id });
		expect(shell).toEqual({
			person: { name: 'Mia B.', language: 'nl' },
			// The cancellation (written) and the reminder that is due (not written).
			unread: 2,
			group: {
				id: group.id,
				name: 'Praatgroep Gent',
				description: 'Een groep om te testen.',
				rules: 'We luisteren naar elkaar.',
				language: 'nl',
				join_policy: 'invite_only',
				// Set once the organisation archived the group: it then takes nothing new.
				archived_at: null,
				me: {
					id: await membershipId(group.id, person.id),
					role: 'moderator',
					nickname: 'Mia',
					status: 'active',
					muted_until: null
				},
				// A moderator's count of reports and messages waiting (null for everyone else).
				queue_count: 0
			}
		});
		// Asking wrote nothing: the reminder is still only due.
		const { rows } = await db().query(
			`select kind from public.notifications where user_id = $1 order by kind`,
			[person.id]
		);
		expect(rows.map((row) => row.kind)).toEqual(['cancelled']);
		// Without a group, or for a group that is not mine: no group.
		expect((await call(person.client, 'app_shell'))?.group).toBeNull();
		expect(
			(await call(person.client, 'app_shell', { target_group: (await makeGroup()).id }))?.group
		).toBeNull();
	});

	test('the unread count stops at 21: the screen says "20+"', async () => {
		const group = await makeGroup();
		const host = await joinedHost(group.id);
		const person = await joinedMember(group.id);
		const meetup = await createMeetup(host, group.id);
		await db().query(
			`insert into public.notifications (user_id, kind, meetup_id)
			select $1, 'promoted', $2 from generate_series(1, 30)`,
			[person.id, meetup]
		);
		expect((await call(person.client, 'app_shell'))?.unread).toBe(21);
		await db().query(
			`delete from public.notifications where id in (
				select id from public.notifications where user_id = $1 limit 11)`,
			[person.id]
		);
		expect((await call(person.client, 'app_shell'))?.unread).toBe(19);
	});
});

describe('the most-visited pages bring the shell', () => {
	// One call per page (issue 9): each of these gives, under `shell`, exactly what app_shell gives
	// for the page's group (none for home and a meetup's pages), so the app makes no second call.
	test('home, the feed, a post, a meetup and its host view: the same shell as app_shell', async () => {
		const group = await makeGroup();
		const host = await joinedHost(group.id);
		const person = await joinedModerator(group.id, 'Noor');
		const mine = await post(person, group.id, { body: 'Wie gaat er mee?' });
		const meetup = await createMeetup(host, group.id);
		await answered(person, meetup, 'going');
		await host.client.rpc('cancel_meetup', { meetup });
		const inGroup = await call(person.client, 'app_shell', { target_group: group.id });
		const outside = await call(person.client, 'app_shell');
		expect(inGroup?.group).toMatchObject({ id: group.id, me: { role: 'moderator' } });
		expect(inGroup?.unread).toBe(1);
		const pages: [string, object, Json | null][] = [
			['page_home', {}, outside],
			['page_group_feed', { target_group: group.id }, inGroup],
			['page_post', { target_group: group.id, target_post: mine }, inGroup],
			['page_meetup', { target_meetup: meetup }, outside],
			['page_host_view', { target_meetup: meetup }, outside]
		];
		for (const [fn, args, shell] of pages) {
			const page = await call(person.client, fn, args);
			expect(page?.shell, fn).toEqual(shell);
		}
		// Still null where the page is not theirs: another group's feed, a meetup they do not host.
		const stranger = await joinedMember((await makeGroup()).id, 'Elders');
		expect(await call(stranger.client, 'page_group_feed', { target_group: group.id })).toBeNull();
		expect(await call(person.client, 'page_host_view', { target_meetup: randomUUID() })).toBeNull();
	});
});

describe('page_home', () => {
	test('my groups with what is new, capped at 21, not counting my own; answers; my meetups', async () => {
		const quiet = await makeGroup({ name: 'A rustige groep' });
		const busy = await makeGroup({ name: 'B drukke groep' });
		const person = await joinedMember(quiet.id, 'Lezer');
		await db().query(
			`insert into public.group_members (group_id, user_id, nickname, status, joined_at)
			values ($1, $2, 'Lezer', 'active', now() - interval '1 day')`,
			[busy.id, person.id]
		);
		const writer = await joinedMember(busy.id, 'Schrijver');
		const mine = await post(person, busy.id, { body: 'Mijn eigen vraag' });
		for (let i = 0; i < 3; i++) await post(writer, busy.id, { anonymous: i === 0 });
		const { error } = await writer.client.rpc('create_comment', {
			client_id: randomUUID(),
			post: mine,
			body: 'Een antwoord voor jou',
			anonymous: false
		});
		expect(error).toBeNull();
		const host = await joinedHost(quiet.id);
		const meetup = await createMeetup(host, quiet.id, { title: 'Soep' });

		const home = await call(person.client, 'page_home');
		expect(home?.groups).toEqual([
			expect.objectContaining({ group_id: quiet.id, new_posts: 0, new_comments: 0 }),
			expect.objectContaining({ group_id: busy.id, new_posts: 3, new_comments: 1 })
		]);
		expect(home?.answers).toEqual([
			expect.objectContaining({ post_id: mine, body: 'Een antwoord voor jou' })
		]);
		expect(home?.meetups).toEqual([expect.objectContaining({ id: meetup, title: 'Soep' })]);

		// 40 more: the count stops at 21.
		await db().query(
			`insert into public.posts (group_id, author_id, kind, body, anonymous)
			select $1, $2, 'tip', 'Nog een tip ' || n, false from generate_series(1, 40) n`,
			[busy.id, writer.id]
		);
		const capped = await call(person.client, 'page_home');
		expect(capped?.groups).toContainEqual(
			expect.objectContaining({ group_id: busy.id, new_posts: 21 })
		);
	});

	test('counts what is new down an index, from the newest, and stops at the cap', async () => {
		// A group with a history (on a near-empty table any plan is cheap, and the planner's choice
		// says nothing about a group of 200k posts).
		const group = await makeGroup();
		const writer = await joinedMember(group.id);
		const first = await post(writer, group.id, { body: 'Eerste' });
		await db().query(
			`insert into public.posts (group_id, author_id, kind, body, created_at)
			select $1, $2, 'story', 'Bericht ' || n, now() - n * interval '1 minute'
			from generate_series(1, 5000) n`,
			[group.id, writer.id]
		);
		// One answer under each post: the inclusion tables rebuild a post's whole thread for each
		// new answer, so thousands under one post would take minutes to plant.
		await db().query(
			`insert into public.comments (post_id, group_id, author_id, body, created_at)
			select p.id, $2, $3, 'Antwoord ' || p.n, now() - p.n * interval '1 minute'
			from (
				select id, row_number() over (order by created_at desc) as n
				from public.posts where group_id = $2 and id <> $1
			) p`,
			[first, group.id, writer.id]
		);
		await db().query('analyze public.posts, public.comments');
		const plans = await plansOf(`select * from private.unseen($1, $2, '-infinity')`, [
			group.id,
			randomUUID()
		]);
		expect(plans).toMatch(/Index Scan using posts_feed_idx on posts/);
		expect(plans).toMatch(/Index Scan Backward using comments_group_created_idx on comments/);
	});

	test('finds answers to me from my own posts, not among the comments of my groups', async () => {
		const group = await makeGroup();
		const person = await joinedMember(group.id);
		const plans = await plansOf('select * from public.answers_to_me(5)', [], person);
		expect(plans).toMatch(/ on post_authors mine /);
		// Walked backward or gathered by a bitmap (the planner's pick on a near-empty table), the way
		// in is each of my posts' answers; what a busy group costs is the next test's.
		expect(plans).toMatch(
			/(Index Scan Backward using|Bitmap Index Scan on) comments_post_id_idx( on comments c\w*)?\s.*\n\s+Index Cond: \(\(post_id = p\.id\) AND \(created_at > /
		);
		expect(plans).not.toMatch(/using comments_group_created_idx/);
	});

	test('answers to me cost the same when someone else answers a lot', async () => {
		const group = await makeGroup();
		const person = await joinedMember(group.id, 'Ik');
		const busy = await joinedMember(group.id, 'Druk');
		const mine = await post(person, group.id, { body: 'Mijn vraag' });
		const { error } = await busy.client.rpc('create_comment', {
			client_id: randomUUID(),
			post: mine,
			body: 'Een antwoord voor jou',
			anonymous: false
		});
		expect(error).toBeNull();
		// Their own posts, 2,000 with 10 answers each (the inclusion tables rebuild a post's thread
		// for each new answer, so 20,000 under one post would take minutes to plant). Newer than the
		// answer to me, all within the month: the old body read them all first.
		await db().query(
			`with theirs as (
				insert into public.posts (group_id, author_id, kind, body, created_at)
				select $1, $2, 'question', 'Een andere vraag ' || n, now() - interval '1 hour'
				from generate_series(1, 2000) n
				returning id
			)
			insert into public.comments (post_id, group_id, author_id, body, created_at)
			select t.id, $1, $2, 'Nog eens ' || n, now() - n * interval '1 second'
			from theirs t cross join generate_series(1, 10) n`,
			[group.id, busy.id]
		);
		await db().query('analyze public.comments');
		const answers = await call(person.client, 'answers_to_me', { max_rows: 5 });
		expect(answers).toEqual([expect.objectContaining({ post_id: mine, author_name: 'Druk' })]);
		const plans = await plansOf('select * from public.answers_to_me(5)', [], person, {
			analyze: true
		});
		// The pages the function's query touched (its top node's count: hits and reads).
		const buffers = /Query Text:\s+select c\.id[\s\S]*?Buffers: shared ([^\n]*)/.exec(plans);
		expect(buffers, plans).not.toBeNull();
		const pages = [...buffers![1].matchAll(/(?:hit|read)=(\d+)/g)].reduce(
			(sum, [, count]) => sum + Number(count),
			0
		);
		// A walk past the 20,000 newer comments touches tens of thousands.
		expect(pages).toBeLessThan(200);
	});
});

describe('page_group_feed', () => {
	let group: string;
	let reader: Person;
	let writer: Person;
	let pinned: string;

	beforeAll(async () => {
		group = (await makeGroup()).id;
		reader = await joinedMember(group, 'Lezer');
		writer = await joinedModerator(group, 'Schrijver');
		// 45 posts, five to each moment: the cursor must tell apart posts made at the same time.
		await db().query(
			`insert into public.posts (group_id, author_id, kind, body, anonymous, created_at)
			select $1, $2, 'tip', 'Bericht ' || n, false,
				timestamptz '2026-06-01' + (n / 5) * interval '1 minute'
			from generate_series(1, 45) n`,
			[group, writer.id]
		);
		pinned = await post(writer, group, { body: 'Vastgezet' });
		expect((await writer.client.rpc('pin_post', { post: pinned, pinned: true })).error).toBeNull();
	});

	test('pages through every post once, newest first, the pinned one on the first page only', async () => {
		const seen: string[] = [];
		let before: { before_created_at: string; before_id: string } | object = {};
		for (let round = 0; round < 5; round++) {
			const page = await call(reader.client, 'page_group_feed', {
				target_group: group,
				page_size: 20,
				...before
			});
			const posts = page?.posts as Array<{ id: string; pinned: boolean; created_at: string }>;
			if (round === 0) expect(posts[0]).toMatchObject({ id: pinned, pinned: true });
			else expect(posts.some((p) => p.pinned)).toBe(false);
			const unpinned = posts.filter((p) => !p.pinned);
			seen.push(...unpinned.map((p) => p.id));
			if (unpinned.length < 20) break;
			const last = unpinned[unpinned.length - 1];
			before = { before_created_at: last.created_at, before_id: last.id };
		}
		const { rows } = await db().query<{ id: string }>(
			`select id from public.posts where group_id = $1 and pinned_at is null
			order by created_at desc, id desc`,
			[group]
		);
		expect(seen).toEqual(rows.map((row) => row.id));
	});

	test('the first page has the next meetups and says whether anything is new; older pages do not', async () => {
		const host = await joinedHost(group, 'Gastvrouw');
		const meetup = await createMeetup(host, group, { title: 'Wandeling' });
		const first = await call(reader.client, 'page_group_feed', { target_group: group });
		expect(first?.meetups).toEqual([expect.objectContaining({ id: meetup })]);
		expect(first?.news).toBe(true);
		expect(typeof first?.read_at).toBe('string');
		const older = await call(reader.client, 'page_group_feed', {
			target_group: group,
			before_created_at: '2026-06-01T00:05:00Z',
			before_id: randomUUID()
		});
		expect(older).toMatchObject({ meetups: [], news: false });
	});

	test('an older page seeks in the index, at any depth', async () => {
		const plans = await plansOf(
			`select * from public.group_feed($1, '2026-06-01T00:05:00Z', $2, 20)`,
			[group, randomUUID()],
			reader
		);
		expect(plans).toMatch(
			/Index Scan using posts_feed_idx on posts .*\n.*Index Cond: \(\(group_id = \$1\) AND \(ROW\(created_at, id\) < ROW\(\$2, \$3\)\)\)/
		);
	});

	test('a page view writes nothing; "seen" is the POST the page sends with read_at', async () => {
		const lastSeen = async () =>
			(
				await db().query<{ at: Date | null }>(
					'select last_seen_at as at from public.group_members where group_id = $1 and user_id = $2',
					[group, reader.id]
				)
			).rows[0].at;
		const before = await lastSeen();
		// Through PostgREST as the app calls it, and as a GET (always read only).
		const page = await call(reader.client, 'page_group_feed', { target_group: group });
		const { error } = await reader.client.rpc(
			'page_group_feed',
			{ target_group: group },
			{ get: true }
		);
		expect(error).toBeNull();
		expect(await lastSeen()).toEqual(before);

		const newer = await post(writer, group, { body: 'Net na het lezen' });
		const { error: sent } = await reader.client.rpc('mark_group_seen', {
			target_group: group,
			read_at: page?.read_at
		});
		expect(sent).toBeNull();
		expect((await lastSeen())?.toISOString()).toBe(new Date(page?.read_at as string).toISOString());
		// The post that came after the page was read is still new.
		const after = await call(reader.client, 'page_group_feed', { target_group: group });
		expect(after?.news).toBe(true);
		expect(JSON.stringify(after?.posts)).toContain(newer);

		// A moment in the future counts as now; an older one does not move "seen" back.
		await reader.client.rpc('mark_group_seen', {
			target_group: group,
			read_at: '2099-01-01T00:00:00Z'
		});
		const now = await lastSeen();
		expect(now!.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
		await reader.client.rpc('mark_group_seen', {
			target_group: group,
			read_at: '2026-01-01T00:00:00Z'
		});
		expect(await lastSeen()).toEqual(now);
		expect((await call(reader.client, 'page_group_feed', { target_group: group }))?.news).toBe(
			false
		);
	});
});

describe('page_post', () => {
	test('the post with its answers and my reactions; null for a post of another group', async () => {
		const group = await makeGroup();
		const other = await makeGroup();
		const person = await joinedMember(group.id, 'Lezer');
		const writer = await joinedMember(group.id, 'Schrijver');
		const postId = await post(writer, group.id, { body: 'Een vraag' });
		await person.client.rpc('create_comment', {
			client_id: randomUUID(),
			post: postId,
			body: 'Een antwoord',
			anonymous: false
		});
		await person.client.rpc('add_reaction', {
			client_id: randomUUID(),
			post: postId,
			comment: null,
			kind: 'thanks'
		});
		const page = await call(person.client, 'page_post', {
			target_group: group.id,
			target_post: postId
		});
		expect(page?.post).toMatchObject({
			id: postId,
			body: 'Een vraag',
			author_name: 'Schrijver',
			comment_count: 1,
			my_reactions: ['thanks']
		});
		expect(page?.answers).toEqual([
			expect.objectContaining({ body: 'Een antwoord', is_mine: true })
		]);
		expect(
			await call(person.client, 'page_post', { target_group: other.id, target_post: postId })
		).toBeNull();
	});
});

describe('reading a page writes nothing', () => {
	test('app_shell and every page function are stable, so PostgREST runs them read only', async () => {
		const { rows } = await db().query<{ fn: string; volatility: string }>(
			`select p.proname as fn, p.provolatile as volatility from pg_catalog.pg_proc p
			where p.pronamespace = 'public'::regnamespace
				and p.proname in ('app_shell', 'page_home', 'page_group_feed', 'page_post')
			order by 1`
		);
		expect(rows).toEqual([
			{ fn: 'app_shell', volatility: 's' },
			{ fn: 'page_group_feed', volatility: 's' },
			{ fn: 'page_home', volatility: 's' },
			{ fn: 'page_post', volatility: 's' }
		]);
	});

	test('in a read-only transaction as the person, no transaction id is handed out', async () => {
		const group = await makeGroup();
		const host = await joinedHost(group.id);
		const person = await joinedMember(group.id);
		const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();
		const soon = await createMeetup(host, group.id, { starts_at: inHours(2), ends_at: inHours(3) });
		await answered(person, soon, 'going');
		const postId = await post(host, group.id);
		const connection = await db().connect();
		try {
			await connection.query('begin transaction read only');
			await actAs(connection, person);
			const { rows } = await connection.query(
				`select public.app_shell($1) as shell, public.page_home() as home,
					public.page_group_feed($1) as feed, public.page_post($1, $2) as post,
					txid_current_if_assigned() as xid`,
				[group.id, postId]
			);
			expect(rows[0].shell.unread).toBe(1);
			expect(rows[0].feed.news).toBe(true);
			expect(rows[0].xid).toBeNull();
		} finally {
			await connection.query('rollback');
			connection.release();
		}
	});
});

/** Signs the connection in as the person, as PostgREST does for a request with their token. */
async function actAs(connection: pg.PoolClient, person: Person) {
	await connection.query(`select set_config('request.jwt.claims', $1, true)`, [
		JSON.stringify({ sub: person.id, role: 'authenticated' })
	]);
	await connection.query('set local role authenticated');
}

/** The plans of every statement a query runs, the ones inside functions included. */
async function plansOf(
	sql: string,
	values: unknown[],
	person?: Person,
	options: { analyze?: boolean } = {}
): Promise<string> {
	const connection = await db().connect();
	const plans: string[] = [];
	const collect = (notice: { message?: string }) => plans.push(notice.message ?? '');
	connection.on('notice', collect);
	try {
		await connection.query('begin');
		await connection.query(`load 'auto_explain'`);
		await connection.query(`set local auto_explain.log_min_duration = 0`);
		await connection.query(`set local auto_explain.log_nested_statements = on`);
		if (options.analyze) {
			await connection.query(`set local auto_explain.log_analyze = on`);
			await connection.query(`set local auto_explain.log_buffers = on`);
		}
		await connection.query(`set local client_min_messages = log`);
		if (person) await actAs(connection, person);
		await connection.query(sql, values);
		return plans.join('\n');
	} finally {
		connection.off('notice', collect);
		await connection.query('rollback');
		connection.release();
	}
}
