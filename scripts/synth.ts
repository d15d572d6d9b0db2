// `npm run db:synth -- --groups N --members M --posts P --seed S`: deterministic synthetic
// groups for tests and benchmarks. The same arguments always give the same rows (ids come from
// the seed), generated in Postgres in a few set-based statements.
import { parseArgs } from 'node:util';
import pg from 'pg';

export interface SynthOptions {
	groups: number;
	members: number;
	posts: number;
	seed: number;
}

export async function synthesise(databaseUrl: string, options: SynthOptions): Promise<string[]> {
	const client = new pg.Client({ connectionString: databaseUrl });
	await client.connect();
	const id = (parts: string) => `md5('synth-' || $1::text || '-' || ${parts})::uuid`;
	try {
		await client.query('begin');
		await client.query(
			`insert into public.organisations (id, name, slug)
			values (${id("'org'")}, 'Synthetische organisatie ' || $1, 'synth-' || $1)`,
			[options.seed]
		);
		const { rows } = await client.query<{ id: string }>(
			`insert into public.groups (id, organisation_id, name, slug, description, rules)
			select ${id("'group-' || g")}, ${id("'org'")}, 'Groep ' || g, 'groep-' || g, 'Synthetisch', 'Wees vriendelijk'
			from generate_series(1, $2) g
			returning id`,
			[options.seed, options.groups]
		);
		await client.query(
			`insert into auth.users (instance_id, id, aud, role, raw_app_meta_data, raw_user_meta_data, is_anonymous, created_at, updated_at)
			select '00000000-0000-0000-0000-000000000000', ${id("'user-' || g || '-' || m")}, 'authenticated', 'authenticated',
				'{"provider":"anonymous","providers":["anonymous"]}', jsonb_build_object('nickname', 'Lid ' || m), true,
				timestamptz '2026-01-01', timestamptz '2026-01-01'
			from generate_series(1, $2) g, generate_series(1, $3) m`,
			[options.seed, options.groups, options.members]
		);
		await client.query(
			`insert into public.group_members (group_id, user_id, role, status, nickname, joined_at, rules_accepted_at)
			select ${id("'group-' || g")}, ${id("'user-' || g || '-' || m")},
				case when m = 1 then 'moderator' else 'member' end::public.member_role, 'active', 'Lid ' || m,
				timestamptz '2026-01-01', timestamptz '2026-01-01'
			from generate_series(1, $2) g, generate_series(1, $3) m`,
			[options.seed, options.groups, options.members]
		);
		// Authors, kinds and anonymity follow from the post number, so nothing depends on chance.
		await client.query(
			`with numbered as (
				select g, p, 1 + (p * 7 + g) % $3 as m from generate_series(1, $2) g, generate_series(1, $4) p
			), inserted as (
				insert into public.posts (id, group_id, author_id, kind, body, anonymous, created_at)
				select ${id("'post-' || g || '-' || p")}, ${id("'group-' || g")},
					case when p % 7 = 0 then null else ${id("'user-' || g || '-' || m")} end,
					(array['story','question','tip','looking_for','offering'])[1 + p % 5]::public.post_kind,
					'Synthetisch bericht ' || p || ' in groep ' || g, p % 7 = 0,
					timestamptz '2026-01-01' + p * interval '1 minute'
				from numbered
				returning id
			)
			insert into public.post_authors (post_id, author_id, client_id)
			select ${id("'post-' || g || '-' || p")}, ${id("'user-' || g || '-' || m")}, ${id("'post-client-' || g || '-' || p")}
			from numbered`,
			[options.seed, options.groups, options.members, options.posts]
		);
		await client.query(
			`with numbered as (
				select g, p, 1 + (p * 7 + g + 1) % $3 as m from generate_series(1, $2) g, generate_series(2, $4, 2) p
			), inserted as (
				insert into public.comments (id, post_id, group_id, author_id, body, created_at)
				select ${id("'comment-' || g || '-' || p")}, ${id("'post-' || g || '-' || p")}, ${id("'group-' || g")},
					${id("'user-' || g || '-' || m")}, 'Antwoord op ' || p, timestamptz '2026-01-01' + p * interval '1 minute' + interval '30 seconds'
				from numbered
				returning id
			)
			insert into public.comment_authors (comment_id, author_id, client_id)
			select ${id("'comment-' || g || '-' || p")}, ${id("'user-' || g || '-' || m")}, ${id("'comment-client-' || g || '-' || p")}
			from numbered`,
			[options.seed, options.groups, options.members, options.posts]
		);
		await client.query(
			`insert into public.reactions (group_id, post_id, user_id, kind, client_id)
			select ${id("'group-' || g")}, ${id("'post-' || g || '-' || p")}, ${id("'user-' || g || '-' || (1 + (p * 3 + g) % $3)")},
				(array['recognise','support','thanks'])[1 + p % 3]::public.reaction_kind, ${id("'reaction-' || g || '-' || p")}
			from generate_series(1, $2) g, generate_series(1, $4) p`,
			[options.seed, options.groups, options.members, options.posts]
		);
		await client.query('commit');
		await client.query('analyze');
		return rows.map((row) => row.id);
	} catch (error) {
		await client.query('rollback');
		throw error;
	} finally {
		await client.end();
	}
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const { values } = parseArgs({
		options: {
			groups: { type: 'string', default: '3' },
			members: { type: 'string', default: '20' },
			posts: { type: 'string', default: '200' },
			seed: { type: 'string', default: '1' }
		}
	});
	const options = {
		groups: Number(values.groups),
		members: Number(values.members),
		posts: Number(values.posts),
		seed: Number(values.seed)
	};
	const url = process.env.DATABASE_URL ?? 'postgresql://postgres:postgres@127.0.0.1:54322/postgres';
	const groups = await synthesise(url, options);
	console.log(
		`Made ${groups.length} groups with ${options.members} members and ${options.posts} posts each (seed ${options.seed}).`
	);
}
