-- Home's functions keep their plans. A function in SQL is planned again on every call (in
-- Postgres 17 its plans live only as long as the query that calls it); one in PL/pgSQL keeps
-- them for the connection, and PostgREST keeps its connections. answers_to_me: 1.44 ms a call as
-- SQL, 0.50 ms as PL/pgSQL (the least of 200 calls each, the demo member, same rows); planning
-- was most of it. page_home calls it, my_groups() and meetup_cards() in one statement, which is
-- kept planned too. Same bodies, signatures, rows and grants; still stable (PostgREST runs them
-- read only) and security definer with an empty search_path.
--
-- #variable_conflict use_column: the columns answers_to_me returns are also variables in
-- PL/pgSQL; in its query the names mean the tables' columns, as they did in SQL.

create or replace function public.answers_to_me(max_rows integer default 5)
returns table (
	comment_id uuid, post_id uuid, group_id uuid, group_name text, post_body text, body text,
	anonymous boolean, author_name text, author_role public.member_role, created_at timestamptz
)
language plpgsql stable security definer
set search_path = ''
as $$
#variable_conflict use_column
begin
	return query
	select c.id, p.id, p.group_id, g.name, p.body, c.body, c.anonymous,
		shown.nickname, case when shown.status = 'active' then shown.role end, c.created_at
	from public.post_authors mine
	-- "offset 0" keeps each step a look-up from the one before: left free, the planner may start
	-- from my memberships and read every post of my groups (posts_feed_idx) instead.
	cross join lateral (
		select p.id, p.group_id, p.body from public.posts p
		where p.id = mine.post_id and p.deleted_at is null
		offset 0
	) p
	cross join lateral (
		select reader.user_id, reader.group_id, reader.role from public.group_members reader
		where reader.group_id = p.group_id and reader.user_id = mine.author_id
			and reader.status = 'active'
		offset 0
	) reader
	join public.groups g on g.id = reader.group_id
	cross join lateral (
		select c.*, (
			select ca.author_id from public.comment_authors ca where ca.comment_id = c.id
		) as real_author
		from public.comments c
		-- "is not distinct from" (the same for a column that is never null) cannot use an index,
		-- so comments_group_created_idx is not a way in: the post's index is.
		where c.post_id = p.id and c.group_id is not distinct from reader.group_id
			and c.deleted_at is null
			and c.created_at > now() - interval '30 days'
			and c.author_id is distinct from reader.user_id
			and (select ca.author_id from public.comment_authors ca where ca.comment_id = c.id)
				is distinct from reader.user_id
		order by c.created_at desc
		limit least(greatest(max_rows, 1), 20)
	) c
	left join lateral (
		select m.nickname, m.role, m.status from public.group_members m
		where m.group_id = c.group_id
			and m.user_id = case
				when not c.anonymous or reader.role = 'moderator' then c.real_author
			end
		limit 1
	) shown on true
	where mine.author_id = (select auth.uid())
	order by c.created_at desc
	limit least(greatest(max_rows, 1), 20);
end
$$;

create or replace function public.page_home()
returns jsonb
language plpgsql stable security definer
set search_path = ''
as $$
begin
	return (
		select jsonb_build_object(
			'groups', coalesce((
				select jsonb_agg(to_jsonb(g) - 'ordinality' order by g.ordinality)
				from public.my_groups() with ordinality g
			), '[]'),
			'answers', coalesce((
				select jsonb_agg(to_jsonb(a) - 'ordinality' order by a.ordinality)
				from public.answers_to_me(5) with ordinality a
			), '[]'),
			-- More than the five shown: the app keeps one of each weekly meetup (nextOfEach).
			'meetups', coalesce((
				select jsonb_agg(to_jsonb(c) - 'ordinality' order by c.ordinality)
				from public.meetup_cards(null, null, true, 30) with ordinality c
			), '[]')
		)
		where (select auth.uid()) is not null
	);
end
$$;
