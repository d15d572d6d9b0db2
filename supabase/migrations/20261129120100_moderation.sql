-- Moderation (issue 10), the member side: reports, the moderation log, the threads between a
-- member and the moderators, hidden posts and answers, mutes and refused join requests.
-- Reporters are known to no one (not even the moderators); the member an action is about sees
-- it by role, never by a moderator's name. The moderators' functions follow in the next file.

create type public.report_reason as enum (
	'disrespectful', 'left_out', 'private_info', 'unsafe', 'spam', 'other'
);
create type public.moderation_action as enum (
	'dismiss', 'hide', 'restore', 'message', 'mute', 'unmute', 'remove', 'refuse_join'
);

-- Hidden by the moderators: kept for the author (marked, with the reason) and the moderators.
alter table public.posts
	add column hidden_at timestamptz,
	add column hidden_reason text check (char_length(hidden_reason) <= 500);
alter table public.comments
	add column hidden_at timestamptz,
	add column hidden_reason text check (char_length(hidden_reason) <= 500);
-- A row that is visible is visible whole: whether it is hidden is read with it (members never
-- receive a hidden row, see the policies below).
grant select (hidden_at, hidden_reason) on public.posts, public.comments to authenticated;

-- Muted while muted_until is in the future: a mute ends by itself, no job runs. Refused: the
-- answer to a join request, kept so the person sees it and waits 30 days before asking again.
-- None of these columns is granted: the member reads their own through app_shell and
-- join_request_status, other members never.
alter table public.group_members
	add column muted_until timestamptz,
	add column refused_at timestamptz,
	add column refused_reason text check (char_length(refused_reason) <= 500);

-- The log of what moderators did. member_id is the member the action is about (for a post or
-- answer: its author's membership, also when it was posted anonymously). When an account is
-- deleted its memberships go and member_id becomes null, so what stays of anonymous posts
-- cannot be lined up with a person through the log.
create table public.moderation_log (
	id uuid primary key default gen_random_uuid(),
	group_id uuid not null references public.groups (id) on delete cascade,
	moderator_id uuid references auth.users (id) on delete set null,
	action public.moderation_action not null,
	post_id uuid references public.posts (id) on delete set null,
	comment_id uuid references public.comments (id) on delete set null,
	member_id uuid references public.group_members (id) on delete set null,
	-- A refused join request may go without a reason; every other action has one.
	reason text check (char_length(btrim(reason)) between 1 and 500),
	muted_until timestamptz,
	undoes uuid references public.moderation_log (id) on delete set null,
	created_at timestamptz not null default now(),
	check (reason is not null or action = 'refuse_join')
);
create index moderation_log_group_created_idx on public.moderation_log (group_id, created_at desc);
create index moderation_log_moderator_id_idx on public.moderation_log (moderator_id);
create index moderation_log_post_id_idx on public.moderation_log (post_id);
create index moderation_log_comment_id_idx on public.moderation_log (comment_id);
create index moderation_log_member_id_idx on public.moderation_log (member_id, created_at desc);
create index moderation_log_undoes_idx on public.moderation_log (undoes);

-- A report names exactly one item. item_id is that item's id whatever its kind, so the queue
-- groups reports per item. about_member is the member the report is about (the author of a
-- post or answer), so the moderator it is about never sees it; it goes with the account.
create table public.reports (
	id uuid primary key default gen_random_uuid(),
	group_id uuid not null references public.groups (id) on delete cascade,
	reporter_id uuid not null references auth.users (id) on delete cascade,
	post_id uuid references public.posts (id) on delete cascade,
	comment_id uuid references public.comments (id) on delete cascade,
	member_id uuid references public.group_members (id) on delete cascade,
	item_id uuid generated always as (coalesce(post_id, comment_id, member_id)) stored not null,
	about_member uuid references public.group_members (id) on delete set null,
	reason public.report_reason not null,
	body text check (char_length(body) between 1 and 1000),
	client_id uuid not null,
	created_at timestamptz not null default now(),
	resolved_at timestamptz,
	resolved_by uuid references public.moderation_log (id) on delete set null,
	check (num_nonnulls(post_id, comment_id, member_id) = 1),
	unique (reporter_id, client_id)
);
-- One report per person per item, ever: reporting again answers with the first report, so it
-- tells the reporter nothing about what became of it.
create unique index reports_post_reporter_key on public.reports (post_id, reporter_id)
	where post_id is not null;
create unique index reports_comment_reporter_key on public.reports (comment_id, reporter_id)
	where comment_id is not null;
create unique index reports_member_reporter_key on public.reports (member_id, reporter_id)
	where member_id is not null;
create index reports_reporter_created_idx on public.reports (reporter_id, created_at);
create index reports_group_id_idx on public.reports (group_id);
create index reports_open_idx on public.reports (group_id, item_id) where resolved_at is null;
create index reports_item_idx on public.reports (item_id);
create index reports_about_member_idx on public.reports (about_member);
create index reports_resolved_by_idx on public.reports (resolved_by);

-- A conversation between one member and the moderators: 'left_out' when the member wrote "I
-- feel left out" (to one moderator, to_moderator, or to all of them), 'from_moderators' when the
-- moderators wrote first. to_all says who it was sent to even when that moderator's account is
-- gone: a message meant for one moderator never widens to the others. waiting_since: a member's
-- message the moderators have not answered yet.
create table public.moderation_threads (
	id uuid primary key default gen_random_uuid(),
	group_id uuid not null references public.groups (id) on delete cascade,
	member_id uuid not null references public.group_members (id) on delete cascade,
	kind text not null check (kind in ('left_out', 'from_moderators')),
	to_moderator uuid references public.group_members (id) on delete set null,
	to_all boolean not null,
	created_at timestamptz not null default now(),
	last_message_at timestamptz not null default now(),
	waiting_since timestamptz,
	check (not (to_all and to_moderator is not null))
);
create index moderation_threads_group_idx on public.moderation_threads (group_id, last_message_at desc);
create index moderation_threads_waiting_idx on public.moderation_threads (group_id, waiting_since)
	where waiting_since is not null;
create index moderation_threads_member_id_idx on public.moderation_threads (member_id);
create index moderation_threads_to_moderator_idx on public.moderation_threads (to_moderator);

create table public.moderation_messages (
	id uuid primary key default gen_random_uuid(),
	thread_id uuid not null references public.moderation_threads (id) on delete cascade,
	from_moderators boolean not null,
	author_id uuid references auth.users (id) on delete set null,
	body text not null check (char_length(btrim(body)) between 1 and 2000),
	client_id uuid not null,
	created_at timestamptz not null default now(),
	unique (author_id, client_id)
);
create index moderation_messages_thread_idx on public.moderation_messages (thread_id, created_at);

-- Reads and writes go through the functions below (security definer, each checking the
-- caller): the API roles hold no privilege on these tables. The policies say the rule all the
-- same, so a grant added later opens no more than this.
alter table public.reports enable row level security;
alter table public.moderation_log enable row level security;
alter table public.moderation_threads enable row level security;
alter table public.moderation_messages enable row level security;
revoke all on public.reports, public.moderation_log, public.moderation_threads,
	public.moderation_messages from anon, authenticated;

create policy "no one reads reports through the API"
	on public.reports for select to authenticated using (false);
create policy "moderators read their group's log"
	on public.moderation_log for select to authenticated
	using ((select private.is_moderator(group_id)));
create policy "no one reads threads through the API"
	on public.moderation_threads for select to authenticated using (false);
create policy "no one reads moderation messages through the API"
	on public.moderation_messages for select to authenticated using (false);

-- Predicates for the policies on posts and comments: whose item it is (post_authors is not
-- readable by id for members, so the policy asks a definer function) and whether the post an
-- answer belongs to is hidden (a member does not see that post to ask).
create function private.is_my_post(post uuid)
returns boolean
language sql stable security definer
set search_path = ''
as $$
	select exists (
		select 1 from public.post_authors where post_id = post and author_id = (select auth.uid())
	)
$$;
create function private.is_my_comment(comment uuid)
returns boolean
language sql stable security definer
set search_path = ''
as $$
	select exists (
		select 1 from public.comment_authors
		where comment_id = comment and author_id = (select auth.uid())
	)
$$;
create function private.is_hidden_post(post uuid)
returns boolean
language sql stable security definer
set search_path = ''
as $$
	select exists (select 1 from public.posts where id = post and hidden_at is not null)
$$;
grant execute on function private.is_my_post(uuid), private.is_my_comment(uuid),
	private.is_hidden_post(uuid) to authenticated;

drop policy "active members read their group's posts" on public.posts;
create policy "active members read their group's posts, unless hidden"
	on public.posts for select to authenticated
	using (
		(select private.is_active_member(group_id))
		and (hidden_at is null or (select private.is_moderator(group_id)) or private.is_my_post(id))
	);

drop policy "active members read their group's comments" on public.comments;
create policy "active members read their group's comments, unless hidden"
	on public.comments for select to authenticated
	using (
		(select private.is_active_member(group_id))
		and (
			(hidden_at is null and not private.is_hidden_post(post_id))
			or (select private.is_moderator(group_id))
			or private.is_my_comment(id)
		)
	);

-- Whether the signed-in person is muted in the group now.
create function private.is_muted(target_group uuid)
returns boolean
language sql stable security definer
set search_path = ''
as $$
	select exists (
		select 1 from public.group_members
		where group_id = target_group and user_id = (select auth.uid()) and status = 'active'
			and muted_until > now()
	)
$$;

-- Writing: a muted member cannot post, answer or edit, whatever page or API call they use.
create or replace function public.create_post(client_id uuid, target_group uuid, kind public.post_kind, body text, anonymous boolean)
returns uuid
language plpgsql
security definer
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
	if not private.is_active_member(target_group) then raise exception 'not_allowed'; end if;
	if private.is_muted(target_group) then raise exception 'member_muted'; end if;

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

create or replace function public.create_comment(client_id uuid, post uuid, body text, anonymous boolean)
returns uuid
language plpgsql
security definer
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
	-- A hidden post takes no new answers, except from the moderators and its author.
	select p.group_id into target_group from public.posts p
	where p.id = post and p.deleted_at is null
		and (p.hidden_at is null or private.is_moderator(p.group_id) or private.is_my_post(p.id));
	if target_group is null or not private.is_active_member(target_group) then
		raise exception 'not_allowed';
	end if;
	if private.is_muted(target_group) then raise exception 'member_muted'; end if;

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

create or replace function public.edit_post(post uuid, kind public.post_kind, body text)
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
	if private.is_muted((select p.group_id from public.posts p where p.id = post)) then
		raise exception 'member_muted';
	end if;
	update public.posts p set kind = edit_post.kind, body = btrim(edit_post.body), edited_at = now()
	where p.id = post and p.deleted_at is null
		and private.is_active_member(p.group_id)
		and exists (select 1 from public.post_authors a where a.post_id = p.id and a.author_id = auth.uid());
	if not found then raise exception 'not_allowed'; end if;
end;
$$;

create or replace function public.edit_comment(comment uuid, body text)
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
	if private.is_muted((select c.group_id from public.comments c where c.id = comment)) then
		raise exception 'member_muted';
	end if;
	update public.comments c set body = btrim(edit_comment.body), edited_at = now()
	where c.id = comment and c.deleted_at is null
		and private.is_active_member(c.group_id)
		and exists (select 1 from public.comment_authors a where a.comment_id = c.id and a.author_id = auth.uid());
	if not found then raise exception 'not_allowed'; end if;
end;
$$;

-- Reading: hidden posts and answers are left out for members, and marked (hidden,
-- hidden_reason) for their author and the moderators. The return type grows, so the
-- functions are made again (page_group_feed and page_post read them by name).
drop function public.group_feed(uuid, timestamptz, uuid, integer, uuid);
create function public.group_feed(
	target_group uuid,
	before_created_at timestamptz default null,
	before_id uuid default null,
	page_size integer default 50,
	only_post uuid default null
)
returns table (
	id uuid, kind public.post_kind, body text, anonymous boolean, pinned boolean,
	created_at timestamptz, edited_at timestamptz, author_name text,
	author_role public.member_role, is_mine boolean, comment_count integer,
	recognise_count integer, support_count integer, thanks_count integer,
	my_reactions public.reaction_kind[], hidden boolean, hidden_reason text
)
language sql
stable security definer
set search_path = ''
as $$
	with reader as (
		select m.user_id, m.role = 'moderator' as is_moderator
		from public.group_members m
		where m.group_id = target_group and m.user_id = (select auth.uid()) and m.status = 'active'
	), page as (
		(
			select p.* from public.posts p
			where only_post is null and before_created_at is null
				and p.group_id = target_group and p.deleted_at is null and p.pinned_at is not null
				and (p.hidden_at is null or (select r.is_moderator from reader r)
					or exists (select 1 from public.post_authors pa
						where pa.post_id = p.id and pa.author_id = (select auth.uid())))
			order by p.pinned_at desc
			limit 20
		)
		union all
		(
			select p.* from public.posts p
			where only_post is not null
				and p.id = only_post and p.group_id = target_group and p.deleted_at is null
				and (p.hidden_at is null or (select r.is_moderator from reader r)
					or exists (select 1 from public.post_authors pa
						where pa.post_id = p.id and pa.author_id = (select auth.uid())))
		)
		union all
		(
			select p.* from public.posts p
			where only_post is null and before_created_at is null
				and p.group_id = target_group and p.deleted_at is null and p.pinned_at is null
				and (p.hidden_at is null or (select r.is_moderator from reader r)
					or exists (select 1 from public.post_authors pa
						where pa.post_id = p.id and pa.author_id = (select auth.uid())))
			order by p.created_at desc, p.id desc
			limit least(greatest(page_size, 1), 100)
		)
		union all
		(
			select p.* from public.posts p
			where only_post is null and before_created_at is not null
				and p.group_id = target_group and p.deleted_at is null and p.pinned_at is null
				and (p.created_at, p.id) < (before_created_at, before_id)
				and (p.hidden_at is null or (select r.is_moderator from reader r)
					or exists (select 1 from public.post_authors pa
						where pa.post_id = p.id and pa.author_id = (select auth.uid())))
			order by p.created_at desc, p.id desc
			limit least(greatest(page_size, 1), 100)
		)
	)
	select
		p.id, p.kind, p.body, p.anonymous, p.pinned_at is not null, p.created_at, p.edited_at,
		shown.nickname,
		case when shown.status = 'active' then shown.role end,
		coalesce(a.author_id = r.user_id, false),
		(select count(*) from public.comments c
		where c.post_id = p.id and c.deleted_at is null
			and (c.hidden_at is null or r.is_moderator
				or exists (select 1 from public.comment_authors ca
					where ca.comment_id = c.id and ca.author_id = r.user_id)))::integer,
		(select count(*) from public.reactions x where x.post_id = p.id and x.kind = 'recognise')::integer,
		(select count(*) from public.reactions x where x.post_id = p.id and x.kind = 'support')::integer,
		(select count(*) from public.reactions x where x.post_id = p.id and x.kind = 'thanks')::integer,
		coalesce(
			(select array_agg(x.kind order by x.kind) from public.reactions x
			where x.post_id = p.id and x.user_id = r.user_id),
			'{}'
		),
		p.hidden_at is not null,
		case when p.hidden_at is not null then p.hidden_reason end
	from page p
	cross join reader r
	-- One look-up by key per post shown: the plan is made before the page size is known, and
	-- as plain joins it could read all of the group's authors to find the page's twenty.
	left join lateral (
		select pa.author_id from public.post_authors pa where pa.post_id = p.id limit 1
	) a on true
	left join lateral (
		select m.nickname, m.role, m.status from public.group_members m
		where m.group_id = p.group_id
			and m.user_id = case
				when not p.anonymous or r.is_moderator or a.author_id = r.user_id then a.author_id
			end
		limit 1
	) shown on true
	order by p.pinned_at is null, p.pinned_at desc, p.created_at desc, p.id desc
$$;
grant execute on function public.group_feed(uuid, timestamptz, uuid, integer, uuid) to authenticated;

drop function public.post_comments(uuid);
create function public.post_comments(target_post uuid)
returns table (
	id uuid, body text, anonymous boolean, created_at timestamptz, edited_at timestamptz,
	author_name text, author_role public.member_role, is_mine boolean, recognise_count integer,
	support_count integer, thanks_count integer, my_reactions public.reaction_kind[],
	hidden boolean, hidden_reason text
)
language sql
stable security definer
set search_path = ''
as $$
	with reader as (
		select m.user_id, m.role = 'moderator' as is_moderator
		from public.posts p
		join public.group_members m on m.group_id = p.group_id
		where p.id = target_post and p.deleted_at is null
			and m.user_id = (select auth.uid()) and m.status = 'active'
			-- The answers to a hidden post go with it.
			and (p.hidden_at is null or m.role = 'moderator'
				or exists (select 1 from public.post_authors pa
					where pa.post_id = p.id and pa.author_id = m.user_id))
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
		),
		c.hidden_at is not null,
		case when c.hidden_at is not null then c.hidden_reason end
	from public.comments c
	cross join reader r
	left join public.comment_authors a on a.comment_id = c.id
	left join public.group_members shown on shown.group_id = c.group_id
		and shown.user_id = case
			when not c.anonymous or r.is_moderator or a.author_id = r.user_id then a.author_id
		end
	where c.post_id = target_post and c.deleted_at is null
		and (c.hidden_at is null or r.is_moderator or a.author_id = r.user_id)
	order by c.created_at, c.id
$$;
grant execute on function public.post_comments(uuid) to authenticated;

-- What is new since a person last looked leaves hidden posts and answers out (and the answers
-- to a hidden post).
create or replace function private.unseen(target_group uuid, person uuid, since timestamptz)
returns table (posts integer, comments integer)
language sql
stable
set search_path = ''
as $$
	select
		(select count(*) from (
			select from public.posts p
			where p.group_id = target_group and p.deleted_at is null and p.created_at > since
				and p.hidden_at is null
				and p.author_id is distinct from person
				and (select a.author_id from public.post_authors a where a.post_id = p.id)
					is distinct from person
			order by p.created_at desc
			limit 21
		) unseen)::integer,
		(select count(*) from (
			select from public.comments c
			where c.group_id = target_group and c.deleted_at is null and c.created_at > since
				and c.hidden_at is null
				and not exists (
					select 1 from public.posts p where p.id = c.post_id and p.hidden_at is not null
				)
				and c.author_id is distinct from person
				and (select a.author_id from public.comment_authors a where a.comment_id = c.id)
					is distinct from person
			order by c.created_at desc
			limit 21
		) unseen)::integer
$$;

-- What a moderator of the group has waiting: items with open reports (not those about
-- themselves) and unanswered threads they may read, counted up to 21 like the other counts.
create function private.moderation_queue_count(target_group uuid, moderator uuid)
returns integer
language sql
stable security definer
set search_path = ''
as $$
	select count(*)::integer from (
		(
			select distinct r.item_id from public.reports r
			where r.group_id = target_group and r.resolved_at is null
				and r.about_member is distinct from moderator
			limit 21
		)
		union all
		(
			select t.id from public.moderation_threads t
			where t.group_id = target_group and t.waiting_since is not null
				and (t.to_all or t.to_moderator = moderator) and t.member_id <> moderator
			limit 21
		)
		limit 21
	) waiting
$$;

-- The layout's call: group.me.muted_until while a mute lasts (null after, without a job),
-- group.queue_count for moderators (null for everyone else).
create or replace function public.app_shell(target_group uuid default null)
returns jsonb
language sql
stable security definer
set search_path = ''
as $$
	select jsonb_build_object(
		'person', jsonb_build_object(
			'name', coalesce(p.display_name, ''),
			'language', p.language
		),
		'unread', (
			select count(*) from (
				select from public.notifications n
				join public.meetups m on m.id = n.meetup_id
				where n.user_id = me.id and n.read_at is null
					and private.can_see_meetup(m.group_id, m.open_to)
				union all
				select from private.due_reminders(me.id, now()) d
				join public.meetups m on m.id = d.meetup_id
				where private.can_see_meetup(m.group_id, m.open_to)
				limit 21
			) unread
		),
		'group', (
			select jsonb_build_object(
				'id', g.id,
				'name', g.name,
				'description', g.description,
				'rules', g.rules,
				'language', g.language,
				'join_policy', g.join_policy,
				'me', jsonb_build_object(
					'id', gm.id, 'role', gm.role, 'nickname', gm.nickname, 'status', gm.status,
					'muted_until', case when gm.muted_until > now() then gm.muted_until end
				),
				'queue_count', case
					when gm.role = 'moderator' then private.moderation_queue_count(g.id, gm.id)
				end
			)
			from public.group_members gm
			join public.groups g on g.id = gm.group_id
			where gm.group_id = target_group and gm.user_id = me.id and gm.status = 'active'
		)
	)
	from (select auth.uid() as id) me
	left join public.profiles p on p.id = me.id
	where me.id is not null
$$;

-- Raising a concern. The caller must be an active member who can see the item; their own items
-- and themselves they cannot report. Reporting the same item again answers with the first
-- report, whatever became of it. At most 10 new reports per person in 24 hours.
create function public.create_report(
	client_id uuid,
	reason public.report_reason,
	post uuid default null,
	comment uuid default null,
	member uuid default null,
	body text default null
)
returns uuid
language plpgsql
volatile security definer
set search_path = ''
as $$
declare
	me uuid := auth.uid();
	existing uuid;
	target_group uuid;
	about uuid;
	words text := nullif(btrim(coalesce(body, '')), '');
	created uuid;
begin
	if me is null or client_id is null or reason is null
		or num_nonnulls(post, comment, member) <> 1 then
		raise exception 'not_allowed';
	end if;
	select r.id into existing from public.reports r
	where r.reporter_id = me
		and (r.client_id = create_report.client_id or r.post_id = post
			or r.comment_id = comment or r.member_id = member)
	limit 1;
	if found then return existing; end if;
	if char_length(words) > 1000 then raise exception 'report_words_too_long'; end if;

	if post is not null then
		select p.group_id, am.id into target_group, about
		from public.posts p
		left join public.post_authors pa on pa.post_id = p.id
		left join public.group_members am on am.group_id = p.group_id and am.user_id = pa.author_id
		where p.id = post and p.deleted_at is null
			and (p.hidden_at is null or private.is_moderator(p.group_id))
			and pa.author_id is distinct from me;
	elsif comment is not null then
		select c.group_id, am.id into target_group, about
		from public.comments c
		join public.posts p on p.id = c.post_id
		left join public.comment_authors ca on ca.comment_id = c.id
		left join public.group_members am on am.group_id = c.group_id and am.user_id = ca.author_id
		where c.id = comment and c.deleted_at is null and p.deleted_at is null
			and ((c.hidden_at is null and p.hidden_at is null) or private.is_moderator(c.group_id))
			and ca.author_id is distinct from me;
	else
		select m.group_id, m.id into target_group, about
		from public.group_members m
		where m.id = member and m.status = 'active' and m.user_id is distinct from me;
	end if;
	if target_group is null or not private.is_active_member(target_group) then
		raise exception 'not_allowed';
	end if;

	-- One person's reports are counted one after the other.
	perform pg_advisory_xact_lock(hashtextextended('report:' || me::text, 0));
	if (
		select count(*) from public.reports r
		where r.reporter_id = me and r.created_at > now() - interval '24 hours'
	) >= 10 then
		raise exception 'report_limit_reached';
	end if;

	insert into public.reports (group_id, reporter_id, post_id, comment_id, member_id, about_member,
		reason, body, client_id)
	values (target_group, me, post, comment, member, about, reason, words, client_id)
	returning id into created;
	return created;
exception when unique_violation then
	select r.id into existing from public.reports r
	where r.reporter_id = me
		and (r.client_id = create_report.client_id or r.post_id = post
			or r.comment_id = comment or r.member_id = member)
	limit 1;
	return existing;
end;
$$;
grant execute on function public.create_report(uuid, public.report_reason, uuid, uuid, uuid, text)
	to authenticated;

-- The active moderators of a group, for a member who wants to write to one of them (not the
-- caller themselves).
create function public.group_moderators(target_group uuid)
returns table (id uuid, nickname text)
language sql
stable security definer
set search_path = ''
as $$
	select m.id, m.nickname
	from public.group_members m
	where m.group_id = target_group and m.status = 'active' and m.role = 'moderator'
		and m.user_id is distinct from (select auth.uid())
		and private.is_active_member(target_group)
	order by m.nickname, m.id
$$;
grant execute on function public.group_moderators(uuid) to authenticated;

-- A member's words in a thread, or the sentence the screen offers when they wrote none: said
-- in the group's language, as the moderators read it.
create function private.left_out_sentence(target_group uuid)
returns text
language sql
stable security definer
set search_path = ''
as $$
	select case g.language
		when 'fr' then 'Je me sens mis à l''écart.'
		when 'en' then 'I feel left out.'
		else 'Ik voel me buitengesloten.'
	end
	from public.groups g where g.id = target_group
$$;

-- "I feel left out": a private message from a member to one moderator of the group (a
-- group_members id) or, without one, to all of them. It accuses no one. Answers the thread.
create function public.send_left_out_message(
	client_id uuid,
	target_group uuid,
	to_moderator uuid default null,
	body text default null
)
returns uuid
language plpgsql
volatile security definer
set search_path = ''
as $$
declare
	me uuid := auth.uid();
	mine public.group_members;
	existing uuid;
	thread uuid;
	words text := nullif(btrim(coalesce(body, '')), '');
begin
	if me is null or client_id is null then raise exception 'not_allowed'; end if;
	select msg.thread_id into existing from public.moderation_messages msg
	where msg.author_id = me and msg.client_id = send_left_out_message.client_id;
	if found then return existing; end if;
	if char_length(words) > 2000 then raise exception 'message_invalid'; end if;

	select * into mine from public.group_members m
	where m.group_id = target_group and m.user_id = me and m.status = 'active';
	if not found then raise exception 'not_allowed'; end if;
	if to_moderator is not null and not exists (
		select 1 from public.group_members m
		where m.id = to_moderator and m.group_id = target_group and m.status = 'active'
			and m.role = 'moderator' and m.id <> mine.id
	) then
		raise exception 'not_allowed';
	end if;

	insert into public.moderation_threads (group_id, member_id, kind, to_moderator, to_all,
		waiting_since)
	values (target_group, mine.id, 'left_out', to_moderator, to_moderator is null, now())
	returning id into thread;
	insert into public.moderation_messages (thread_id, from_moderators, author_id, body, client_id)
	values (thread, false, me, coalesce(words, private.left_out_sentence(target_group)), client_id);
	return thread;
exception when unique_violation then
	select msg.thread_id into existing from public.moderation_messages msg
	where msg.author_id = me and msg.client_id = send_left_out_message.client_id;
	return existing;
end;
$$;
grant execute on function public.send_left_out_message(uuid, uuid, uuid, text) to authenticated;

-- The member of a thread answers the moderators. A removed member can still answer about
-- what was done (they read it on their own page); someone who left the group cannot.
create function public.reply_to_moderators(client_id uuid, thread uuid, body text)
returns uuid
language plpgsql
volatile security definer
set search_path = ''
as $$
declare
	me uuid := auth.uid();
	existing uuid;
	created uuid;
	words text := btrim(coalesce(body, ''));
begin
	if me is null or client_id is null then raise exception 'not_allowed'; end if;
	select msg.id into existing from public.moderation_messages msg
	where msg.author_id = me and msg.client_id = reply_to_moderators.client_id;
	if found then return existing; end if;
	if char_length(words) not between 1 and 2000 then raise exception 'message_invalid'; end if;

	perform 1 from public.moderation_threads t
	join public.group_members m on m.id = t.member_id
	where t.id = thread and m.user_id = me and m.status in ('active', 'removed')
	for update of t;
	if not found then raise exception 'not_allowed'; end if;

	insert into public.moderation_messages (thread_id, from_moderators, author_id, body, client_id)
	values (thread, false, me, words, client_id)
	returning id into created;
	update public.moderation_threads
	set last_message_at = now(), waiting_since = coalesce(waiting_since, now())
	where id = thread;
	return created;
exception when unique_violation then
	select msg.id into existing from public.moderation_messages msg
	where msg.author_id = me and msg.client_id = reply_to_moderators.client_id;
	return existing;
end;
$$;
grant execute on function public.reply_to_moderators(uuid, uuid, text) to authenticated;

-- "What the moderators did": every action about me or my posts and answers, in every group I
-- am or was in, and my threads with the moderators. By role only: no moderator's name or id.
-- Dismissed reports are left out: nothing was done to me, and knowing I was reported only
-- sets me guessing who did it.
create function public.page_my_moderation()
returns jsonb
language sql
stable security definer
set search_path = ''
as $$
	with mine as (
		select m.id, m.group_id from public.group_members m where m.user_id = (select auth.uid())
	)
	select jsonb_build_object(
		'actions', coalesce((
			select jsonb_agg(jsonb_build_object(
				'id', l.id,
				'group_id', l.group_id,
				'group_name', g.name,
				'action', l.action,
				'reason', l.reason,
				'muted_until', l.muted_until,
				'created_at', l.created_at,
				'post_id', l.post_id,
				'comment_id', l.comment_id,
				'excerpt', left(coalesce(c.body, p.body), 140)
			) order by l.created_at desc, l.id)
			from mine
			join public.moderation_log l on l.member_id = mine.id
			join public.groups g on g.id = l.group_id
			left join public.posts p on p.id = l.post_id
			left join public.comments c on c.id = l.comment_id
			where l.action <> 'dismiss'
		), '[]'),
		'threads', coalesce((
			select jsonb_agg(jsonb_build_object(
				'id', t.id,
				'group_id', t.group_id,
				'group_name', g.name,
				'kind', t.kind,
				'created_at', t.created_at,
				'messages', (
					select jsonb_agg(jsonb_build_object(
						'id', msg.id,
						'from_moderators', msg.from_moderators,
						'body', msg.body,
						'created_at', msg.created_at
					) order by msg.created_at, msg.id)
					from public.moderation_messages msg where msg.thread_id = t.id
				)
			) order by t.last_message_at desc, t.id)
			from mine
			join public.moderation_threads t on t.member_id = mine.id
			join public.groups g on g.id = t.group_id
		), '[]')
	)
	where (select auth.uid()) is not null
$$;
grant execute on function public.page_my_moderation() to authenticated;

-- Asking to join: after a refusal, again only 30 days later.
create or replace function public.request_to_join(target_group uuid, nickname text, accept_rules boolean)
returns public.member_status
language plpgsql
security definer
set search_path = ''
as $$
declare
	me uuid := auth.uid();
	policy public.join_policy;
	membership public.group_members;
	new_status public.member_status;
begin
	if me is null then raise exception 'not_signed_in'; end if;
	if not coalesce(accept_rules, false) then raise exception 'rules_not_accepted'; end if;
	if char_length(btrim(coalesce(nickname, ''))) not between 1 and 40 then
		raise exception 'nickname_invalid';
	end if;
	select join_policy into policy from public.groups where id = target_group;
	if not found or policy = 'invite_only' then raise exception 'group_not_found'; end if;

	select * into membership from public.group_members
	where group_id = target_group and user_id = me for update;
	if found and membership.status in ('active', 'pending') then return membership.status; end if;
	if found and membership.status = 'removed' then raise exception 'removed_from_group'; end if;
	if found and membership.status = 'refused'
		and membership.refused_at > now() - interval '30 days' then
		raise exception 'join_request_refused'
			using detail = to_char((membership.refused_at + interval '30 days') at time zone 'UTC',
				'YYYY-MM-DD"T"HH24:MI:SS"Z"');
	end if;

	new_status := case when policy = 'open' then 'active' else 'pending' end;
	insert into public.group_members (group_id, user_id, nickname, status, joined_at, rules_accepted_at)
	values (target_group, me, btrim(nickname), new_status,
		case when new_status = 'active' then now() end, now())
	on conflict (group_id, user_id) do update
		set status = excluded.status, nickname = excluded.nickname, role = 'member',
			joined_at = excluded.joined_at, rules_accepted_at = now();
	return new_status;
end;
$$;

-- For the "ask to join" screen: the group as its join screen shows it and where the caller
-- stands. Any signed-in person (a nickname account too) for a group one may ask or simply
-- join; an invite-only group is not found. 'left' reads as no status: they may ask again.
create function public.join_request_status(target_group uuid)
returns jsonb
language plpgsql
stable security definer
set search_path = ''
as $$
declare
	answer jsonb;
begin
	select jsonb_build_object(
		'group', jsonb_build_object(
			'id', g.id, 'name', g.name, 'description', g.description, 'rules', g.rules,
			'join_policy', g.join_policy
		),
		'status', case when m.status <> 'left' then m.status end,
		'refused_reason', case when m.status = 'refused' then m.refused_reason end,
		'can_ask_again_at', case
			when m.status = 'refused' then m.refused_at + interval '30 days'
		end
	) into answer
	from public.groups g
	left join public.group_members m on m.group_id = g.id and m.user_id = (select auth.uid())
	where g.id = target_group and g.join_policy in ('request', 'open')
		and (select auth.uid()) is not null;
	if answer is null then raise exception 'group_not_found'; end if;
	return answer;
end;
$$;
grant execute on function public.join_request_status(uuid) to authenticated;
