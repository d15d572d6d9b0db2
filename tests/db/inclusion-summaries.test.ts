// The inclusion signals read private tables kept by triggers (inclusion_items,
// inclusion_interactions, inclusion_ties; migration 20261201090000). These tests change a group
// the way people and moderators do, through the API, and check that the signals follow and that
// the tables always hold exactly what rebuilding them from the group's history gives; and that
// an account deleted leaves no trace of its person in them, not even in which rows changed.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, test } from 'vitest';
import { client, db, type Person } from '../support/platform';
import { joinedMember, joinedModerator, makeGroup, membershipId, post } from '../support/groups';

const sql = (text: string, values: unknown[] = []) => db().query(text, values);
const tables = ['inclusion_items', 'inclusion_interactions', 'inclusion_ties'] as const;

async function ok<T>(promise: PromiseLike<{ data: T; error: unknown }>): Promise<T> {
	const { data, error } = await promise;
	expect(error).toBeNull();
	return data;
}

async function answer(person: Person, postId: string, anonymous = false): Promise<string> {
	return ok(
		person.client.rpc('create_comment', {
			client_id: randomUUID(),
			post: postId,
			body: 'Een antwoord',
			anonymous
		})
	) as Promise<string>;
}

async function react(person: Person, on: { post?: string; comment?: string }) {
	await ok(
		person.client.rpc('add_reaction', {
			client_id: randomUUID(),
			post: on.post ?? null,
			comment: on.comment ?? null,
			kind: 'support'
		})
	);
}

/** Written two days ago, so that it may be "unanswered" (older than a day). */
async function age(postId: string) {
	await sql(`update public.posts set created_at = now() - interval '2 days' where id = $1`, [
		postId
	]);
}

/** The group's rows of the three tables, as text lines, sorted. */
async function snapshot(group: string) {
	const { rows } = await sql(
		`select 'item ' || i.id || ' ' || i.post_id || ' ' || i.is_post || ' ' ||
				coalesce(i.author::text, '-') || ' ' || i.created_at || ' ' || i.post_counts || ' ' ||
				i.reached as line
			from private.inclusion_items i where i.group_id = $1
		union all
		select 'interaction ' || x.source || ' ' || x.post_id || ' ' || x.a || ' ' || x.b || ' ' || x.at
			from private.inclusion_interactions x where x.group_id = $1
		union all
		select 'tie ' || t.a || ' ' || t.b || ' ' || t.last_at
			from private.inclusion_ties t where t.group_id = $1
		order by 1`,
		[group]
	);
	return rows.map((row) => row.line as string);
}

/** What rebuilding the tables from the group's history gives (rolled back). */
async function rebuilt(group: string) {
	const connection = await db().connect();
	try {
		await connection.query('begin');
		await connection.query('select private.inclusion_backfill($1)', [group]);
		const { rows } = await connection.query(
			`select 'item ' || i.id || ' ' || i.post_id || ' ' || i.is_post || ' ' ||
					coalesce(i.author::text, '-') || ' ' || i.created_at || ' ' || i.post_counts || ' ' ||
					i.reached as line
				from private.inclusion_items i where i.group_id = $1
			union all
			select 'interaction ' || x.source || ' ' || x.post_id || ' ' || x.a || ' ' || x.b || ' ' ||
					x.at
				from private.inclusion_interactions x where x.group_id = $1
			union all
			select 'tie ' || t.a || ' ' || t.b || ' ' || t.last_at
				from private.inclusion_ties t where t.group_id = $1
			order by 1`,
			[group]
		);
		return rows.map((row) => row.line as string);
	} finally {
		await connection.query('rollback');
		connection.release();
	}
}

describe('the signals follow what moderators and members change', () => {
	let group: string;
	let moderator: Person;
	let noor: Person;
	let karim: Person;
	let lies: Person;
	let noorsPost: string;

	const unanswered = async () => {
		const signals = (await ok(
			moderator.client.rpc('inclusion_signals', { target_group: group })
		)) as { kind: string; post: string | null }[];
		return signals.filter((s) => s.kind === 'unanswered_post').map((s) => s.post);
	};

	beforeAll(async () => {
		group = (await makeGroup()).id;
		moderator = await joinedModerator(group);
		noor = await joinedMember(group, 'Noor');
		karim = await joinedMember(group, 'Karim');
		lies = await joinedMember(group, 'Lies');
		noorsPost = await post(noor, group, { anonymous: true });
		await age(noorsPost);
	}, 60_000);

	test('a hidden answer answers no one, and counts again once restored', async () => {
		expect(await unanswered()).toEqual([noorsPost]);
		const karimsAnswer = await answer(karim, noorsPost);
		expect(await unanswered()).toEqual([]);

		await ok(moderator.client.rpc('hide_comment', { comment: karimsAnswer, reason: 'Kwetsend' }));
		expect(await unanswered()).toEqual([noorsPost]);
		expect(await snapshot(group)).toEqual(await rebuilt(group));

		await ok(
			moderator.client.rpc('restore_comment', { comment: karimsAnswer, reason: 'Toch oké' })
		);
		expect(await unanswered()).toEqual([]);
		expect(await snapshot(group)).toEqual(await rebuilt(group));

		// Deleted by its author: the post is unanswered again.
		await ok(karim.client.rpc('delete_comment', { comment: karimsAnswer }));
		expect(await unanswered()).toEqual([noorsPost]);
		expect(await snapshot(group)).toEqual(await rebuilt(group));
	});

	test('a reaction removed takes its answer back; the author reacting answers no one', async () => {
		await react(noor, { post: noorsPost });
		expect(await unanswered()).toEqual([noorsPost]);
		await react(lies, { post: noorsPost });
		expect(await unanswered()).toEqual([]);
		await ok(
			lies.client.rpc('remove_reaction', { post: noorsPost, comment: null, kind: 'support' })
		);
		expect(await unanswered()).toEqual([noorsPost]);
		expect(await snapshot(group)).toEqual(await rebuilt(group));
	});

	test('a hidden post is no signal, and its ties go; restored, both come back', async () => {
		const liesPost = await post(lies, group);
		await age(liesPost);
		const karimsAnswer = await answer(karim, liesPost);
		await react(noor, { comment: karimsAnswer });
		const ties = async () =>
			Number(
				(await sql(`select count(*) from private.inclusion_ties where group_id = $1`, [group]))
					.rows[0].count
			);
		expect(await ties()).toBe(2);

		await ok(moderator.client.rpc('hide_post', { post: noorsPost, reason: 'Persoonlijk' }));
		expect(await unanswered()).toEqual([]);
		await ok(moderator.client.rpc('hide_post', { post: liesPost, reason: 'Persoonlijk' }));
		expect(await ties()).toBe(0);
		expect(await snapshot(group)).toEqual(await rebuilt(group));

		await ok(moderator.client.rpc('restore_post', { post: noorsPost, reason: 'Oké' }));
		await ok(moderator.client.rpc('restore_post', { post: liesPost, reason: 'Oké' }));
		expect(await unanswered()).toEqual([noorsPost]);
		expect(await ties()).toBe(2);
		expect(await snapshot(group)).toEqual(await rebuilt(group));
	});

	test('a member who leaves keeps their rows, and they are in no signal', async () => {
		const noorsMember = await membershipId(group, noor.id);
		await ok(noor.client.rpc('leave_group', { target_group: group }));
		expect(await unanswered()).toEqual([]);
		expect(await snapshot(group)).toEqual(await rebuilt(group));
		await sql(`update public.group_members set status = 'active' where id = $1`, [noorsMember]);
		expect(await unanswered()).toEqual([noorsPost]);
	});
});

describe('thousands of answers under one post', () => {
	// A new answer changes only what it changes (migration 20261202100000); before, each one
	// rebuilt its post's whole thread and compared every answer with every later one, so 2,000
	// answers under one post took minutes. Authors come in runs (one person answering several
	// times in a row, the post's author among them), one answer in seven is unnamed, and now and
	// then someone reacts to the answer before.
	let group: string;
	let people: Person[];

	beforeAll(async () => {
		group = (await makeGroup()).id;
		await joinedModerator(group);
		people = [
			await joinedMember(group, 'Eerste'),
			await joinedMember(group, 'Tweede'),
			await joinedMember(group, 'Derde')
		];
	}, 60_000);

	const authors = () => `array['${people.map((person) => person.id).join("','")}']::uuid[]`;

	test('2,000 answers, one statement each as people write them, in seconds', async () => {
		const thread = await post(people[0], group);
		await age(thread);
		const started = performance.now();
		await sql(`do $$
			declare
				people uuid[] := ${authors()};
				answer uuid;
				previous uuid;
				who uuid;
				unnamed boolean;
			begin
				for n in 1..2000 loop
					who := people[1 + (n / 3) % 3];
					unnamed := n % 7 = 0;
					insert into public.comments (post_id, group_id, author_id, body, anonymous, created_at)
					values ('${thread}', '${group}', case when unnamed then null else who end,
						'Antwoord ' || n, unnamed, now() - (2000 - n) * interval '1 second')
					returning id into answer;
					insert into public.comment_authors (comment_id, author_id, client_id)
					values (answer, who, gen_random_uuid());
					if n % 50 = 0 then
						insert into public.reactions (group_id, comment_id, user_id, kind, client_id)
						values ('${group}', previous, people[1 + (n / 3 + 1) % 3], 'thanks',
							gen_random_uuid());
					end if;
					previous := answer;
				end loop;
			end $$`);
		// Seconds, also on a busy machine (minutes before).
		expect(performance.now() - started).toBeLessThan(20_000);
		expect(await snapshot(group)).toEqual(await rebuilt(group));
	}, 60_000);

	test('2,000 answers in one statement, newest first, in seconds; one taken away', async () => {
		const thread = await post(people[1], group);
		const started = performance.now();
		await sql(
			`with written as (
				insert into public.comments (post_id, group_id, author_id, body, anonymous, created_at)
				select $1, $2, case when n % 7 = 0 then null else ($3::uuid[])[1 + (n / 3) % 3] end,
					'Antwoord ' || n, n % 7 = 0, now() - n * interval '1 second'
				from generate_series(1, 2000) n
				returning id, body
			)
			insert into public.comment_authors (comment_id, author_id, client_id)
			select w.id, ($3::uuid[])[1 + (split_part(w.body, ' ', 2)::integer / 3) % 3],
				gen_random_uuid()
			from written w`,
			[thread, group, people.map((person) => person.id)]
		);
		expect(performance.now() - started).toBeLessThan(20_000);
		expect(await snapshot(group)).toEqual(await rebuilt(group));

		await sql(
			`update public.comments set deleted_at = now()
			where id = (select id from public.comments where post_id = $1
				order by created_at limit 1 offset 1000)`,
			[thread]
		);
		expect(await snapshot(group)).toEqual(await rebuilt(group));
	}, 60_000);
});

describe('a deleted account leaves no trace in the tables', () => {
	test('not as an author (also of unnamed posts and answers), a reacter or a tie', async () => {
		const group = (await makeGroup()).id;
		await joinedModerator(group);
		const leaver = await joinedMember(group, 'Vertrekker');
		const other = await joinedMember(group, 'Blijver');
		const unnamed = await post(leaver, group, { anonymous: true });
		const named = await post(leaver, group);
		const othersPost = await post(other, group);
		await answer(other, unnamed);
		await answer(leaver, othersPost, true);
		await react(leaver, { post: othersPost });
		await react(other, { post: unnamed });

		const mentions = async () => {
			const { rows } = await sql(
				`select (select count(*) from private.inclusion_items where author = $1)
					+ (select count(*) from private.inclusion_interactions where a = $1 or b = $1)
					+ (select count(*) from private.inclusion_ties where a = $1 or b = $1) as n`,
				[leaver.id]
			);
			return Number(rows[0].n);
		};
		expect(await mentions()).toBeGreaterThan(0);
		// Row versions: a row rewritten by the deletion would say it was the person's.
		const versions = async () =>
			(
				await sql(
					`select id, xmin::text as version from private.inclusion_items
					where group_id = $1 order by id`,
					[group]
				)
			).rows;
		const before = await versions();
		await ok(leaver.client.rpc('delete_my_account', {}));
		expect(await mentions()).toBe(0);

		// The unnamed post and answer stay as they were; the named post went with the account.
		const after = await versions();
		expect(after).toEqual(before.filter((row) => row.id !== named));
		const { rows } = await sql(
			`select id, author from private.inclusion_items where id = any ($1) order by id`,
			[[unnamed, named]]
		);
		expect(rows).toEqual([{ id: unnamed, author: null }]);
		// Items of someone no longer known keep their "reached" (no signal reads it); a rebuild
		// works it out anew. Interactions and ties are exactly what a rebuild gives.
		const exceptItems = (lines: string[]) => lines.filter((line) => !line.startsWith('item '));
		expect(exceptItems(await snapshot(group))).toEqual(exceptItems(await rebuilt(group)));
	});
});

describe('no one reaches the tables through the API', () => {
	test.each(tables)('%s: no privilege for anon or authenticated, RLS on', async (table) => {
		const { rows } = await sql(
			`select r.rolname, p.privilege,
				has_table_privilege(r.rolname, 'private.' || $1, p.privilege) as granted
			from (values ('anon'), ('authenticated')) r(rolname)
			cross join (values ('select'), ('insert'), ('update'), ('delete'), ('truncate'),
				('references'), ('trigger')) p(privilege)`,
			[table]
		);
		expect(rows.filter((row) => row.granted)).toEqual([]);
		const rls = await sql(
			`select relrowsecurity from pg_class where oid = ('private.' || $1)::regclass`,
			[table]
		);
		expect(rls.rows[0].relrowsecurity).toBe(true);
	});

	test.each(tables)('%s: a member, and anon, read nothing of it', async (table) => {
		const group = (await makeGroup()).id;
		const member = await joinedMember(group);
		await post(member, group);
		for (const as of [member.client, client()]) {
			const { data, error } = await as.schema('private').from(table).select('*');
			expect(data).toBeNull();
			expect(error).not.toBeNull();
		}
	});
});
