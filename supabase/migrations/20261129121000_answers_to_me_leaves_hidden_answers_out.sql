-- Home's "answers to what I wrote" leaves out answers the moderators hid (issue 10). The body is
-- 20261129110100's (from my posts, in PL/pgSQL), with one more condition on the answer.

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
			and c.hidden_at is null
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
