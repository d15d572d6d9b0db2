// A group with a long history, for "costs don't grow with history": 200,000 posts a minute
// apart, one in four answered, and two readers who sign in with a password: one who has not
// looked since joining before the first post, one who has seen everything. Written straight in
// SQL with generate_series, without per-row foreign key checks: seconds, where scripts/synth.ts
// (which also writes reactions) takes a minute and a half at this size.
import pg from 'pg';

export const historyPosts = 200_000;
/** How deep the "old page" is: its first post has this many newer ones above it. */
export const deepPosts = 150_000;
export const historyPassword = 'kring-bench';

export interface History {
	groupId: string;
	unseenReader: string;
	seenReader: string;
	/** The cursor the feed's "older" link carries to reach the page deepPosts down. */
	deepCursor: { before: string; id: string };
}

export async function makeHistory(databaseUrl: string): Promise<History> {
	const db = new pg.Client({ connectionString: databaseUrl });
	await db.connect();
	try {
		await db.query('begin');
		const {
			rows: [{ group_id: groupId }]
		} = await db.query<{ group_id: string }>(
			`with organisation as (
				insert into public.organisations (name, slug) values ('Bench-organisatie', 'bench-history')
				returning id
			)
			insert into public.groups (organisation_id, name, slug, description, rules)
			select id, 'Lange geschiedenis', 'lange-geschiedenis', 'Een groep met veel berichten', 'Wees vriendelijk'
			from organisation
			returning id as group_id`
		);
		const people = await db.query<{ id: string; email: string | null }>(
			`insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
				raw_app_meta_data, raw_user_meta_data, is_anonymous, created_at, updated_at)
			select '00000000-0000-0000-0000-000000000000', gen_random_uuid(), 'authenticated', 'authenticated',
				email, case when email is null then null else extensions.crypt($1, extensions.gen_salt('bf', 4)) end,
				case when email is null then null else now() end,
				case when email is null then '{"provider":"anonymous","providers":["anonymous"]}'::jsonb
					else '{"provider":"email","providers":["email"]}'::jsonb end,
				jsonb_build_object('nickname', nickname), email is null, timestamptz '2025-12-01', now()
			from (values ('Schrijver', null), ('Nooit gekeken', 'nooit-gekeken@bench.test'),
				('Alles gezien', 'alles-gezien@bench.test')) as person (nickname, email)
			returning id, email`,
			[historyPassword]
		);
		const byEmail = new Map(people.rows.map((row) => [row.email, row.id]));
		const writer = byEmail.get(null)!;
		await db.query(
			`insert into auth.identities (provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at)
			select id::text, id, jsonb_build_object('sub', id, 'email', email, 'email_verified', true), 'email', now(), now(), now()
			from auth.users where id = any($1)`,
			[[byEmail.get('nooit-gekeken@bench.test'), byEmail.get('alles-gezien@bench.test')]]
		);
		// Both readers joined before the first post; one has looked since the last one.
		await db.query(
			`insert into public.group_members (group_id, user_id, role, status, nickname, joined_at, rules_accepted_at, last_seen_at)
			select $1, u.id, 'member', 'active', u.raw_user_meta_data ->> 'nickname',
				timestamptz '2025-12-31', timestamptz '2025-12-31',
				case when u.email = 'alles-gezien@bench.test' then now() end
			from auth.users u where u.id = any($2)`,
			[groupId, people.rows.map((row) => row.id)]
		);
		// The rows below are consistent by construction: no per-row foreign key checks for them.
		await db.query('set local session_replication_role = replica');
		// Ids that grow with the post number, so each index is written at its end.
		const numbered = (kind: string, number: string) =>
			`format('%s-0000-4000-8000-%s', '${kind}', lpad(to_hex(${number}), 12, '0'))::uuid`;
		await db.query(
			`insert into public.posts (id, group_id, author_id, kind, body, created_at)
			select ${numbered('b0000001', 'p')}, $1, $2,
				(array['story','question','tip','looking_for','offering'])[1 + p % 5]::public.post_kind,
				'Bericht ' || p || ' uit een lange geschiedenis', timestamptz '2026-01-01' + p * interval '1 minute'
			from generate_series(1, $3) p`,
			[groupId, writer, historyPosts]
		);
		await db.query(
			`insert into public.post_authors (post_id, author_id, client_id)
			select ${numbered('b0000001', 'p')}, $1, ${numbered('b0000002', 'p')}
			from generate_series(1, $2) p`,
			[writer, historyPosts]
		);
		await db.query(
			`insert into public.comments (id, post_id, group_id, author_id, body, created_at)
			select ${numbered('b0000003', 'p')}, ${numbered('b0000001', 'p')}, $1, $2, 'Een antwoord',
				timestamptz '2026-01-01' + p * interval '1 minute' + interval '30 seconds'
			from generate_series(4, $3, 4) p`,
			[groupId, writer, historyPosts]
		);
		await db.query(
			`insert into public.comment_authors (comment_id, author_id, client_id)
			select ${numbered('b0000003', 'p')}, $1, ${numbered('b0000004', 'p')}
			from generate_series(4, $2, 4) p`,
			[writer, historyPosts]
		);
		await db.query('set local session_replication_role = origin');
		const {
			rows: [deep]
		} = await db.query<{ created_at: Date; id: string }>(
			`select created_at, id from public.posts where group_id = $1
			order by created_at desc, id desc offset $2 - 1 limit 1`,
			[groupId, deepPosts]
		);
		await db.query('commit');
		await db.query(
			'analyze public.posts, public.post_authors, public.comments, public.comment_authors'
		);
		return {
			groupId,
			unseenReader: 'nooit-gekeken@bench.test',
			seenReader: 'alles-gezien@bench.test',
			deepCursor: { before: deep.created_at.toISOString(), id: deep.id }
		};
	} catch (error) {
		await db.query('rollback');
		throw error;
	} finally {
		await db.end();
	}
}
