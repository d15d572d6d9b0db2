-- Posts, comments and supportive reactions.
--
-- Anonymity is enforced here, not in the page. A post or comment keeps its public attribution
-- in author_id, which is NULL when it was written anonymously; the real author lives in
-- post_authors / comment_authors, which only the author and the group's moderators can read.
-- So no request a member can make — selecting, embedding, filtering or ordering on author_id,
-- or any function — can tell who wrote an anonymous post: the fact is not in any row they see.
-- Inclusion signals (later) read the authorship tables as moderators, so "who answered whom"
-- stays complete.
--
-- Every member write carries a client-generated id, unique per author, so a retried request
-- (the offline outbox) returns the first result instead of writing twice.

create type public.post_kind as enum ('story', 'question', 'tip', 'looking_for', 'offering');
create type public.reaction_kind as enum ('recognise', 'support', 'thanks');

create table public.posts (
	id uuid primary key default gen_random_uuid(),
	group_id uuid not null references public.groups (id) on delete cascade,
	author_id uuid references auth.users (id) on delete cascade,
	kind public.post_kind not null,
	body text not null check (char_length(btrim(body)) between 1 and 2000),
	anonymous boolean not null default false,
	pinned_at timestamptz,
	edited_at timestamptz,
	deleted_at timestamptz,
	created_at timestamptz not null default now(),
	check (anonymous = (author_id is null))
);
create index posts_feed_idx on public.posts (group_id, created_at desc, id desc) where deleted_at is null;
create index posts_pinned_idx on public.posts (group_id) where pinned_at is not null and deleted_at is null;
create index posts_author_id_idx on public.posts (author_id);

create table public.post_authors (
	post_id uuid primary key references public.posts (id) on delete cascade,
	author_id uuid not null references auth.users (id) on delete cascade,
	client_id uuid not null,
	created_at timestamptz not null default now(),
	unique (author_id, client_id)
);

create table public.comments (
	id uuid primary key default gen_random_uuid(),
	post_id uuid not null references public.posts (id) on delete cascade,
	group_id uuid not null references public.groups (id) on delete cascade,
	author_id uuid references auth.users (id) on delete cascade,
	body text not null check (char_length(btrim(body)) between 1 and 2000),
	anonymous boolean not null default false,
	edited_at timestamptz,
	deleted_at timestamptz,
	created_at timestamptz not null default now(),
	check (anonymous = (author_id is null))
);
create index comments_post_id_idx on public.comments (post_id, created_at);
create index comments_group_created_idx on public.comments (group_id, created_at);
create index comments_author_id_idx on public.comments (author_id);

create table public.comment_authors (
	comment_id uuid primary key references public.comments (id) on delete cascade,
	author_id uuid not null references auth.users (id) on delete cascade,
	client_id uuid not null,
	created_at timestamptz not null default now(),
	unique (author_id, client_id)
);

create table public.reactions (
	id uuid primary key default gen_random_uuid(),
	group_id uuid not null references public.groups (id) on delete cascade,
	post_id uuid references public.posts (id) on delete cascade,
	comment_id uuid references public.comments (id) on delete cascade,
	user_id uuid not null references auth.users (id) on delete cascade,
	kind public.reaction_kind not null,
	client_id uuid not null,
	created_at timestamptz not null default now(),
	check ((post_id is null) <> (comment_id is null)),
	unique (user_id, client_id)
);
create unique index reactions_once_per_post on public.reactions (user_id, post_id, kind) where post_id is not null;
create unique index reactions_once_per_comment on public.reactions (user_id, comment_id, kind) where comment_id is not null;
create index reactions_post_id_idx on public.reactions (post_id) where post_id is not null;
create index reactions_comment_id_idx on public.reactions (comment_id) where comment_id is not null;

alter table public.posts enable row level security;
alter table public.post_authors enable row level security;
alter table public.comments enable row level security;
alter table public.comment_authors enable row level security;
alter table public.reactions enable row level security;

create policy "active members read their group's posts"
	on public.posts for select to authenticated
	using ((select public.is_active_member(group_id)));

create policy "authors and moderators read who wrote a post"
	on public.post_authors for select to authenticated
	using (
		author_id = (select auth.uid())
		or exists (
			select 1 from public.posts p
			where p.id = post_id and (select public.is_moderator(p.group_id))
		)
	);

create policy "active members read their group's comments"
	on public.comments for select to authenticated
	using ((select public.is_active_member(group_id)));

create policy "authors and moderators read who wrote a comment"
	on public.comment_authors for select to authenticated
	using (
		author_id = (select auth.uid())
		or exists (
			select 1 from public.comments c
			where c.id = comment_id and (select public.is_moderator(c.group_id))
		)
	);

create policy "active members read their group's reactions"
	on public.reactions for select to authenticated
	using ((select public.is_active_member(group_id)));

revoke insert, update, delete on
	public.posts, public.post_authors, public.comments, public.comment_authors, public.reactions
	from anon, authenticated;

-- Writing ----------------------------------------------------------------------------------

create function public.create_post(
	client_id uuid, target_group uuid, kind public.post_kind, body text, anonymous boolean
) returns uuid
language plpgsql security definer
set search_path = ''
as $$
declare
	me uuid := auth.uid();
	existing uuid;
	created uuid;
begin
	if me is null or client_id is null then raise exception 'not_allowed'; end if;
	select post_id into existing from public.post_authors a
	where a.author_id = me and a.client_id = create_post.client_id;
	if found then return existing; end if;
	if not public.is_active_member(target_group) then raise exception 'not_allowed'; end if;

	insert into public.posts (group_id, author_id, kind, body, anonymous)
	values (target_group, case when anonymous then null else me end, kind, btrim(body), anonymous)
	returning id into created;
	insert into public.post_authors (post_id, author_id, client_id) values (created, me, client_id);
	return created;
exception when unique_violation then
	-- The same write arrived twice at the same moment: answer with the first.
	select post_id into existing from public.post_authors a
	where a.author_id = me and a.client_id = create_post.client_id;
	return existing;
end;
$$;

create function public.edit_post(post uuid, kind public.post_kind, body text)
returns void
language plpgsql security definer
set search_path = ''
as $$
begin
	update public.posts p set kind = edit_post.kind, body = btrim(edit_post.body), edited_at = now()
	where p.id = post and p.deleted_at is null
		and public.is_active_member(p.group_id)
		and exists (select 1 from public.post_authors a where a.post_id = p.id and a.author_id = auth.uid());
	if not found then raise exception 'not_allowed'; end if;
end;
$$;

create function public.delete_post(post uuid)
returns void
language plpgsql security definer
set search_path = ''
as $$
begin
	update public.posts p set deleted_at = coalesce(deleted_at, now()), pinned_at = null
	where p.id = post
		and exists (select 1 from public.post_authors a where a.post_id = p.id and a.author_id = auth.uid());
	if not found then raise exception 'not_allowed'; end if;
end;
$$;

create function public.pin_post(post uuid, pinned boolean)
returns void
language plpgsql security definer
set search_path = ''
as $$
begin
	update public.posts p set pinned_at = case when pinned then coalesce(pinned_at, now()) end
	where p.id = post and p.deleted_at is null and public.is_moderator(p.group_id);
	if not found then raise exception 'not_allowed'; end if;
end;
$$;

create function public.create_comment(client_id uuid, post uuid, body text, anonymous boolean)
returns uuid
language plpgsql security definer
set search_path = ''
as $$
declare
	me uuid := auth.uid();
	target_group uuid;
	existing uuid;
	created uuid;
begin
	if me is null or client_id is null then raise exception 'not_allowed'; end if;
	select comment_id into existing from public.comment_authors a
	where a.author_id = me and a.client_id = create_comment.client_id;
	if found then return existing; end if;
	select group_id into target_group from public.posts where id = post and deleted_at is null;
	if target_group is null or not public.is_active_member(target_group) then
		raise exception 'not_allowed';
	end if;

	insert into public.comments (post_id, group_id, author_id, body, anonymous)
	values (post, target_group, case when anonymous then null else me end, btrim(body), anonymous)
	returning id into created;
	insert into public.comment_authors (comment_id, author_id, client_id) values (created, me, client_id);
	return created;
exception when unique_violation then
	select comment_id into existing from public.comment_authors a
	where a.author_id = me and a.client_id = create_comment.client_id;
	return existing;
end;
$$;

create function public.edit_comment(comment uuid, body text)
returns void
language plpgsql security definer
set search_path = ''
as $$
begin
	update public.comments c set body = btrim(edit_comment.body), edited_at = now()
	where c.id = comment and c.deleted_at is null
		and public.is_active_member(c.group_id)
		and exists (select 1 from public.comment_authors a where a.comment_id = c.id and a.author_id = auth.uid());
	if not found then raise exception 'not_allowed'; end if;
end;
$$;

create function public.delete_comment(comment uuid)
returns void
language plpgsql security definer
set search_path = ''
as $$
begin
	update public.comments c set deleted_at = coalesce(deleted_at, now())
	where c.id = comment
		and exists (select 1 from public.comment_authors a where a.comment_id = c.id and a.author_id = auth.uid());
	if not found then raise exception 'not_allowed'; end if;
end;
$$;

create function public.add_reaction(client_id uuid, post uuid, comment uuid, kind public.reaction_kind)
returns void
language plpgsql security definer
set search_path = ''
as $$
declare
	target_group uuid;
begin
	if (post is null) = (comment is null) then raise exception 'not_allowed'; end if;
	select coalesce(
		(select group_id from public.posts where id = post and deleted_at is null),
		(select group_id from public.comments where id = comment and deleted_at is null)
	) into target_group;
	if target_group is null or not public.is_active_member(target_group) then
		raise exception 'not_allowed';
	end if;
	insert into public.reactions (group_id, post_id, comment_id, user_id, kind, client_id)
	values (target_group, post, comment, auth.uid(), kind, client_id)
	on conflict do nothing;
end;
$$;

create function public.remove_reaction(post uuid, comment uuid, kind public.reaction_kind)
returns void
language sql security definer
set search_path = ''
as $$
	delete from public.reactions r
	where r.user_id = auth.uid() and r.kind = remove_reaction.kind
		and (r.post_id = post or r.comment_id = comment)
$$;

-- Reading ----------------------------------------------------------------------------------

-- The name a post or comment shows: the author's nickname in the group, or NULL ("a member")
-- when anonymous — except for the author and moderators, who can read the authorship row.
create function public.shown_author(target_group uuid, public_author uuid, real_author uuid)
returns text
language sql stable
set search_path = ''
as $$
	select m.nickname from public.group_members m
	where m.group_id = target_group and m.user_id = coalesce(public_author, real_author)
$$;

-- One page of a group's feed in one round trip, with every count the screen shows; pinned posts
-- first on the first page, then a keyset cursor (created_at, id); with only_post, that one post.
-- The feed and the answers under a post check the reader once, not row by row: as security
-- invoker every counted post, comment and reaction went through its RLS policy (a membership
-- lookup per row, 40 ms for 50 posts in a group of 20,000). As security definer they first find
-- the reader's active membership — none, no rows — and apply the anonymity rule themselves:
-- the real author's name only for the author and the group's moderators.
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
		a.author_id = r.user_id,
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
	join public.post_authors a on a.post_id = p.id
	left join public.group_members shown on shown.group_id = p.group_id
		and shown.user_id = case
			when not p.anonymous or r.is_moderator or a.author_id = r.user_id then a.author_id
		end
	order by p.pinned_at is null, p.pinned_at desc, p.created_at desc, p.id desc
$$;

create function public.post_comments(target_post uuid)
returns table (
	id uuid,
	body text,
	anonymous boolean,
	created_at timestamptz,
	edited_at timestamptz,
	author_name text,
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
		a.author_id = r.user_id,
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
	join public.comment_authors a on a.comment_id = c.id
	left join public.group_members shown on shown.group_id = c.group_id
		and shown.user_id = case
			when not c.anonymous or r.is_moderator or a.author_id = r.user_id then a.author_id
		end
	where c.post_id = target_post and c.deleted_at is null
	order by c.created_at, c.id
$$;

-- My groups with what is new in each since my last visit. Security definer because it reads my
-- own last_seen_at, which members may not select; it returns only my memberships and counts.
create function public.my_groups()
returns table (
	group_id uuid,
	name text,
	organisation_name text,
	role public.member_role,
	new_posts integer,
	new_comments integer,
	last_seen_at timestamptz
)
language sql stable security definer
set search_path = ''
as $$
	select g.id, g.name, o.name, m.role,
		(select count(*) from public.posts p
		where p.group_id = g.id and p.deleted_at is null
			and p.created_at > coalesce(m.last_seen_at, m.joined_at, '-infinity')
			and p.author_id is distinct from m.user_id
			and not exists (select 1 from public.post_authors a where a.post_id = p.id and a.author_id = m.user_id))::integer,
		(select count(*) from public.comments c
		where c.group_id = g.id and c.deleted_at is null
			and c.created_at > coalesce(m.last_seen_at, m.joined_at, '-infinity')
			and c.author_id is distinct from m.user_id
			and not exists (select 1 from public.comment_authors a where a.comment_id = c.id and a.author_id = m.user_id))::integer,
		m.last_seen_at
	from public.group_members m
	join public.groups g on g.id = m.group_id
	join public.organisations o on o.id = g.organisation_id
	where m.user_id = (select auth.uid()) and m.status = 'active'
	order by g.name
$$;

create function public.mark_group_seen(target_group uuid)
returns void
language sql security definer
set search_path = ''
as $$
	update public.group_members set last_seen_at = now()
	where group_id = target_group and user_id = auth.uid() and status = 'active'
$$;

revoke execute on function
	public.create_post(uuid, uuid, public.post_kind, text, boolean),
	public.edit_post(uuid, public.post_kind, text),
	public.delete_post(uuid),
	public.pin_post(uuid, boolean),
	public.create_comment(uuid, uuid, text, boolean),
	public.edit_comment(uuid, text),
	public.delete_comment(uuid),
	public.add_reaction(uuid, uuid, uuid, public.reaction_kind),
	public.remove_reaction(uuid, uuid, public.reaction_kind),
	public.group_feed(uuid, timestamptz, uuid, integer, uuid),
	public.post_comments(uuid),
	public.my_groups(),
	public.mark_group_seen(uuid),
	public.shown_author(uuid, uuid, uuid)
	from public, anon;
