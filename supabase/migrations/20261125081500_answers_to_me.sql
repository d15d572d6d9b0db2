-- The newest answers others gave to my posts, for my home screen: being answered is what
-- makes a newcomer come back. Runs with the caller's rights; anonymity holds as in the feed.
create function public.answers_to_me(max_rows integer default 5)
returns table (
	comment_id uuid,
	post_id uuid,
	group_id uuid,
	group_name text,
	post_body text,
	body text,
	anonymous boolean,
	author_name text,
	created_at timestamptz
)
language sql stable
set search_path = ''
as $$
	select c.id, p.id, p.group_id, g.name, p.body, c.body, c.anonymous,
		public.shown_author(c.group_id, c.author_id, ca.author_id), c.created_at
	from public.post_authors mine
	join public.posts p on p.id = mine.post_id and p.deleted_at is null
	join public.comments c on c.post_id = p.id and c.deleted_at is null
	join public.groups g on g.id = p.group_id
	left join public.comment_authors ca on ca.comment_id = c.id
	where mine.author_id = (select auth.uid())
		and c.author_id is distinct from mine.author_id
		and (ca.author_id is null or ca.author_id <> mine.author_id)
		and c.created_at > now() - interval '30 days'
	order by c.created_at desc
	limit least(greatest(max_rows, 1), 20)
$$;

revoke execute on function public.answers_to_me(integer) from public, anon;
