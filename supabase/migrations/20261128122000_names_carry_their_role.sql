-- Wherever a name is shown, its role goes with it: a newcomer called "Els" is not the
-- moderator Els, and the screens say so (author_role: 'host' or 'moderator' beside the name,
-- 'member', or NULL when no name is shown or the author is no longer in the group).
--
-- A post or answer whose author deleted their account and chose to leave their unnamed writing
-- has no authorship row any more (leaving_keeps_anonymity): it stays in the feed and under its
-- post, by "a member", for everyone, moderators included.
--
-- answers_to_me ran as the caller and read authors' user ids, which members may no longer
-- read; it now runs as its owner, checks the reader itself as the feed does, and shows names
-- by the feed's rule. Its helper shown_author is no longer used by anything.

drop function public.group_feed(uuid, timestamptz, uuid, integer, uuid);
create function public.group_feed(
	target_group uuid,
	before_created_at timestamptz default null,
	before_id uuid default null,
	page_size integer default 50,
	only_post uuid default null
) returns table (
	id uuid,
	kind public.post_kind,
	body text,
	anonymous boolean,
	pinned boolean,
	created_at timestamptz,
	edited_at timestamptz,
	author_name text,
	author_role public.member_role,
	is_mine boolean,
	comment_count integer,
	recognise_count integer,
	support_count integer,
	thanks_count integer,
	my_reactions public.reaction_kind[]
)
language sql stable security definer
set search_path = ''
as $$
	with reader as (
		select m.user_id, m.role = 'moderator' as is_moderator
		from public.group_members m
		where m.group_id = target_group and m.user_id = (select auth.uid()) and m.status = 'active'
	), page as (
		(
			select p.* from public.posts p
			where p.group_id = target_group and p.deleted_at is null and p.pinned_at is not null
				and (p.id = only_post or (only_post is null and before_created_at is null))
			order by p.pinned_at desc
			limit 20
		)
		union all
		(
			select p.* from public.posts p
			where p.group_id = target_group and p.deleted_at is null and p.pinned_at is null
				and (only_post is null or p.id = only_post)
				and (before_created_at is null or (p.created_at, p.id) < (before_created_at, before_id))
			order by p.created_at desc, p.id desc
			limit least(greatest(page_size, 1), 100)
		)
	)
	select
		p.id, p.kind, p.body, p.anonymous, p.pinned_at is not null, p.created_at, p.edited_at,
		shown.nickname,
		case when shown.status = 'active' then shown.role end,
		coalesce(a.author_id = r.user_id, false),
		(select count(*) from public.comments c where c.post_id = p.id and c.deleted_at is null)::integer,
		(select count(*) from public.reactions x where x.post_id = p.id and x.kind = 'recognise')::integer,
		(select count(*) from public.reactions x where x.post_id = p.id and x.kind = 'support')::integer,
		(select count(*) from public.reactions x where x.post_id = p.id and x.kind = 'thanks')::integer,
		coalesce(
			(select array_agg(x.kind order by x.kind) from public.reactions x
			where x.post_id = p.id and x.user_id = r.user_id),
			'{}'
		)
	from page p
	cross join reader r
	left join public.post_authors a on a.post_id = p.id
	left join public.group_members shown on shown.group_id = p.group_id
		and shown.user_id = case
			when not p.anonymous or r.is_moderator or a.author_id = r.user_id then a.author_id
		end
	order by p.pinned_at is null, p.pinned_at desc, p.created_at desc, p.id desc
$$;
grant execute on function public.group_feed(uuid, timestamptz, uuid, integer, uuid) to authenticated;

drop function public.post_comments(uuid);
create function public.post_comments(target_post uuid)
returns table (
	id uuid,
	body text,
	anonymous boolean,
	created_at timestamptz,
	edited_at timestamptz,
	author_name text,
	author_role public.member_role,
	is_mine boolean,
	recognise_count integer,
	support_count integer,
	thanks_count integer,
	my_reactions public.reaction_kind[]
)
language sql stable security definer
set search_path = ''
as $$
	with reader as (
		select m.user_id, m.role = 'moderator' as is_moderator
		from public.posts p
		join public.group_members m on m.group_id = p.group_id
		where p.id = target_post and p.deleted_at is null
			and m.user_id = (select auth.uid()) and m.status = 'active'
	)
	select
		c.id, c.body, c.anonymous, c.created_at, c.edited_at,
		shown.nickname,
		case when shown.status = 'active' then shown.role end,
		coalesce(a.author_id = r.user_id, false),
		(select count(*) from public.reactions x where x.comment_id = c.id and x.kind = 'recognise')::integer,
		(select count(*) from public.reactions x where x.comment_id = c.id and x.kind = 'support')::integer,
		(select count(*) from public.reactions x where x.comment_id = c.id and x.kind = 'thanks')::integer,
		coalesce(
			(select array_agg(x.kind order by x.kind) from public.reactions x
			where x.comment_id = c.id and x.user_id = r.user_id),
			'{}'
		)
	from public.comments c
	cross join reader r
	left join public.comment_authors a on a.comment_id = c.id
	left join public.group_members shown on shown.group_id = c.group_id
		and shown.user_id = case
			when not c.anonymous or r.is_moderator or a.author_id = r.user_id then a.author_id
		end
	where c.post_id = target_post and c.deleted_at is null
	order by c.created_at, c.id
$$;
grant execute on function public.post_comments(uuid) to authenticated;

-- The newest answers others gave to my posts, in groups I am still active in.
drop function public.answers_to_me(integer);
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
	author_role public.member_role,
	created_at timestamptz
)
language sql stable security definer
set search_path = ''
as $$
	select c.id, p.id, p.group_id, g.name, p.body, c.body, c.anonymous,
		shown.nickname, case when shown.status = 'active' then shown.role end, c.created_at
	from public.post_authors mine
	join public.posts p on p.id = mine.post_id and p.deleted_at is null
	join public.group_members reader on reader.group_id = p.group_id
		and reader.user_id = mine.author_id and reader.status = 'active'
	join public.comments c on c.post_id = p.id and c.deleted_at is null
	join public.groups g on g.id = p.group_id
	left join public.comment_authors ca on ca.comment_id = c.id
	left join public.group_members shown on shown.group_id = c.group_id
		and shown.user_id = case
			when not c.anonymous or reader.role = 'moderator' then ca.author_id
		end
	where mine.author_id = (select auth.uid())
		and c.author_id is distinct from mine.author_id
		and (ca.author_id is null or ca.author_id <> mine.author_id)
		and c.created_at > now() - interval '30 days'
	order by c.created_at desc
	limit least(greatest(max_rows, 1), 20)
$$;
grant execute on function public.answers_to_me(integer) to authenticated;

drop function private.shown_author(uuid, uuid, uuid);
