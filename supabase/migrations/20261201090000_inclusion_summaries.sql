-- Inclusion signals (issue 11) within the budget (100 ms for 500 members and 50,000 posts): the
-- signals read small private tables kept by triggers instead of working the group's history out
-- on every call (1.1–1.6 s at 50,000 posts, over PostgREST's 8 s at 500,000).
-- - inclusion_items: every post and answer that counts (neither deleted nor hidden), its author
--   when named, and whether someone else answered or reacted to it ("reached").
-- - inclusion_interactions: every answer or reaction between two people, on what counts.
-- - inclusion_ties: per pair of people, when they last interacted.
-- Anonymity: the author of an unnamed item is not kept in inclusion_items (it is read through
-- its authorship row, by key, as before), so deleting an account rewrites no row of an item
-- there: which rows changed at that moment (their xmin) would tell which unnamed posts were the
-- person's. An item whose author is no longer known keeps its "reached" (no signal reads it), and
-- an answer or reaction from someone no longer known still counts as from someone else. The
-- person's interactions and ties are deleted, as their authorship rows are.
-- They hold times, not answers: every window is a group setting and is applied when read.
-- A post and all its answers and reactions are one "thread": whatever changes in a thread
-- (written, deleted, hidden, unhidden, an authorship row added or gone with an account, a reaction
-- added or removed or left without its person) rebuilds that thread's rows, which is a handful of
-- rows and keeps every rule in one place. Who attended a meetup is read as before (a few rows).

create table private.inclusion_items (
	id uuid primary key,
	group_id uuid not null,
	-- The post itself for a post, the answered post for an answer.
	post_id uuid not null,
	is_post boolean not null,
	anonymous boolean not null,
	-- The author of a named item (null when unnamed).
	author uuid,
	created_at timestamptz not null,
	-- For an answer: its post counts too (an answer under a hidden post answers no one).
	post_counts boolean not null,
	-- Someone other than the author answered it (for an answer: a later answer under the same
	-- post) or reacted to it.
	reached boolean not null
);
create index inclusion_items_post_idx on private.inclusion_items (post_id);
create index inclusion_items_group_created_idx on private.inclusion_items (group_id, created_at)
	include (is_post, anonymous, author, post_counts, reached);
create index inclusion_items_author_idx on private.inclusion_items (group_id, author, created_at)
	where author is not null;
create index inclusion_items_anonymous_idx on private.inclusion_items (group_id, created_at)
	where anonymous;

create table private.inclusion_interactions (
	-- The answer or the reaction.
	source uuid primary key,
	group_id uuid not null,
	post_id uuid not null,
	-- The two people, a < b.
	a uuid not null,
	b uuid not null,
	at timestamptz not null,
	check (a < b)
);
create index inclusion_interactions_post_idx on private.inclusion_interactions (post_id);
create index inclusion_interactions_pair_idx on private.inclusion_interactions (group_id, a, b, at);

create table private.inclusion_ties (
	group_id uuid not null,
	a uuid not null,
	b uuid not null,
	last_at timestamptz not null,
	primary key (group_id, a, b),
	check (a < b)
);
create index inclusion_ties_recent_idx on private.inclusion_ties (group_id, last_at) include (a, b);

alter table private.inclusion_items enable row level security;
alter table private.inclusion_interactions enable row level security;
alter table private.inclusion_ties enable row level security;
revoke all on private.inclusion_items, private.inclusion_interactions, private.inclusion_ties
	from anon, authenticated;

-- Who reacted lately, per member, by key (a member active only by reacting is still active).
create index reactions_group_user_created_idx on public.reactions (group_id, user_id, created_at);

-- The pairs' last interaction, from the interactions (gone when none is left).
create function private.inclusion_refresh_ties(target_group uuid, as_ uuid[], bs uuid[])
returns void
language plpgsql volatile security definer set search_path = ''
	set plan_cache_mode = force_generic_plan as $$
begin
	with pairs as (
		select distinct x.a, x.b from unnest(as_, bs) as x(a, b)
	), latest as (
		select p.a, p.b, (select max(i.at) from private.inclusion_interactions i
			where i.group_id = target_group and i.a = p.a and i.b = p.b) as last_at
		from pairs p
	), gone as (
		delete from private.inclusion_ties t using latest l
		where t.group_id = target_group and t.a = l.a and t.b = l.b and l.last_at is null
	)
	insert into private.inclusion_ties as t (group_id, a, b, last_at)
	select target_group, l.a, l.b, l.last_at from latest l where l.last_at is not null
	on conflict (group_id, a, b) do update set last_at = excluded.last_at
		where t.last_at is distinct from excluded.last_at;
end;
$$;

-- A post's thread as it is now: its items, its interactions and the ties they touch.
-- Its plans are generic: a custom plan, made again on every write, cost more than the write.
create function private.inclusion_rebuild_thread(thread uuid)
returns void
language plpgsql volatile security definer set search_path = ''
	set plan_cache_mode = force_generic_plan as $$
declare
	target_group text;
	old_a uuid[];
	old_b uuid[];
	new_a uuid[];
	new_b uuid[];
begin
	if thread is null then return; end if;
	-- Two writes to one thread at once would each rebuild it from what they see.
	perform pg_advisory_xact_lock(hashtextextended('inclusion thread ' || thread::text, 0));
	select coalesce(array_agg(i.a), '{}'), coalesce(array_agg(i.b), '{}'), min(i.group_id::text)
	into old_a, old_b, target_group
	from private.inclusion_interactions i where i.post_id = thread;

	-- `author`: the real author, known here only (also of an unnamed item); null once no one may
	-- know it.
	with post as (
		select p.id, p.group_id, p.created_at, p.anonymous, p.author_id as named,
			p.deleted_at is null and p.hidden_at is null as counts,
			coalesce(p.author_id, (select pa.author_id from public.post_authors pa
				where pa.post_id = p.id)) as author
		from public.posts p where p.id = thread
	), answers as (
		select c.id, c.created_at, c.anonymous, c.author_id as named,
			coalesce(c.author_id, (select ca.author_id from public.comment_authors ca
				where ca.comment_id = c.id)) as author
		from public.comments c
		where c.post_id = thread and c.deleted_at is null and c.hidden_at is null
	), fresh as (
		-- reached: null when the author is not known (kept as it was).
		select p.id, p.group_id, p.id as post_id, true as is_post, p.anonymous, p.named as author,
			p.created_at, true as post_counts,
			case when p.author is not null then
				exists (select 1 from public.reactions r
					where r.post_id = p.id and r.user_id is distinct from p.author)
				or exists (select 1 from answers a where a.author is distinct from p.author)
			end as reached
		from post p where p.counts
		union all
		select a.id, p.group_id, p.id, false, a.anonymous, a.named, a.created_at, p.counts,
			case when a.author is not null then
				exists (select 1 from public.reactions r
					where r.comment_id = a.id and r.user_id is distinct from a.author)
				or exists (select 1 from answers l
					where l.created_at > a.created_at and l.author is distinct from a.author)
			end
		from answers a cross join post p
	), gone as (
		delete from private.inclusion_items i
		where i.post_id = thread and not exists (select 1 from fresh f where f.id = i.id)
	), known as (
		insert into private.inclusion_items as i (id, group_id, post_id, is_post, anonymous, author,
			created_at, post_counts, reached)
		select f.id, f.group_id, f.post_id, f.is_post, f.anonymous, f.author, f.created_at,
			f.post_counts, f.reached
		from fresh f where f.reached is not null
		on conflict (id) do update set group_id = excluded.group_id, post_id = excluded.post_id,
			anonymous = excluded.anonymous, author = excluded.author,
			created_at = excluded.created_at, post_counts = excluded.post_counts,
			reached = excluded.reached
		where (i.group_id, i.post_id, i.anonymous, i.author, i.created_at, i.post_counts, i.reached)
			is distinct from (excluded.group_id, excluded.post_id, excluded.anonymous,
				excluded.author, excluded.created_at, excluded.post_counts, excluded.reached)
	)
	insert into private.inclusion_items as i (id, group_id, post_id, is_post, anonymous, author,
		created_at, post_counts, reached)
	select f.id, f.group_id, f.post_id, f.is_post, f.anonymous, f.author, f.created_at,
		f.post_counts, false
	from fresh f where f.reached is null
	on conflict (id) do update set group_id = excluded.group_id, post_id = excluded.post_id,
		anonymous = excluded.anonymous, author = excluded.author,
		created_at = excluded.created_at, post_counts = excluded.post_counts
	where (i.group_id, i.post_id, i.anonymous, i.author, i.created_at, i.post_counts)
		is distinct from (excluded.group_id, excluded.post_id, excluded.anonymous,
			excluded.author, excluded.created_at, excluded.post_counts);

	-- Interactions only on a post that counts: answers to it, reactions to it and to its answers
	-- (that count), between two known people.
	with post as (
		select p.id, p.group_id,
			coalesce(p.author_id, (select pa.author_id from public.post_authors pa
				where pa.post_id = p.id)) as author
		from public.posts p
		where p.id = thread and p.deleted_at is null and p.hidden_at is null
	), answers as (
		select c.id, c.created_at,
			coalesce(c.author_id, (select ca.author_id from public.comment_authors ca
				where ca.comment_id = c.id)) as author
		from public.comments c
		where c.post_id = thread and c.deleted_at is null and c.hidden_at is null
	), fresh as (
		select x.source, p.group_id, least(x.u, x.v) as a, greatest(x.u, x.v) as b, x.at
		from post p
		cross join lateral (
			select c.id as source, c.author as u, p.author as v, c.created_at as at
			from answers c
			union all
			select r.id, r.user_id, p.author, r.created_at
			from public.reactions r where r.post_id = thread
			union all
			select r.id, r.user_id, c.author, r.created_at
			from answers c join public.reactions r on r.comment_id = c.id
		) x
		where x.u is not null and x.v is not null and x.u <> x.v
	), gone as (
		delete from private.inclusion_interactions i
		where i.post_id = thread and not exists (select 1 from fresh f where f.source = i.source)
	), written as (
		insert into private.inclusion_interactions as i (source, group_id, post_id, a, b, at)
		select f.source, f.group_id, thread, f.a, f.b, f.at from fresh f
		on conflict (source) do update set group_id = excluded.group_id,
			post_id = excluded.post_id, a = excluded.a, b = excluded.b, at = excluded.at
		where (i.group_id, i.post_id, i.a, i.b, i.at)
			is distinct from (excluded.group_id, excluded.post_id, excluded.a, excluded.b, excluded.at)
	)
	select coalesce(array_agg(f.a), '{}'), coalesce(array_agg(f.b), '{}'),
		coalesce(target_group, min(f.group_id::text))
	into new_a, new_b, target_group
	from fresh f;

	if target_group is not null then
		perform private.inclusion_refresh_ties(target_group::uuid, old_a || new_a, old_b || new_b);
	end if;
end;
$$;

-- The triggers: each finds the thread(s) a changed row belongs to. Writing a post or a reaction,
-- what people do most, takes a shorter way with the same outcome (a new post has nothing in its
-- thread yet; a new reaction adds one interaction and may make its target reached).
create function private.inclusion_post_changed()
returns trigger
language plpgsql security definer set search_path = '' as $$
begin
	if tg_op = 'INSERT' then
		if new.deleted_at is null and new.hidden_at is null then
			insert into private.inclusion_items (id, group_id, post_id, is_post, anonymous, author,
				created_at, post_counts, reached)
			values (new.id, new.group_id, new.id, true, new.anonymous, new.author_id,
				new.created_at, true, false)
			on conflict (id) do nothing;
		end if;
		return null;
	end if;
	perform private.inclusion_rebuild_thread(old.id);
	if tg_op = 'UPDATE' and new.id <> old.id then
		perform private.inclusion_rebuild_thread(new.id);
	end if;
	return null;
end;
$$;

create function private.inclusion_comment_changed()
returns trigger
language plpgsql security definer set search_path = '' as $$
begin
	if tg_op <> 'INSERT' then perform private.inclusion_rebuild_thread(old.post_id); end if;
	if tg_op <> 'DELETE' and (tg_op = 'INSERT' or new.post_id <> old.post_id) then
		perform private.inclusion_rebuild_thread(new.post_id);
	end if;
	return null;
end;
$$;

create function private.inclusion_reaction_added(r public.reactions)
returns void
language plpgsql volatile security definer set search_path = ''
	set plan_cache_mode = force_generic_plan as $$
declare
	thread uuid := coalesce(r.post_id,
		(select c.post_id from public.comments c where c.id = r.comment_id));
	item private.inclusion_items;
	author uuid;
begin
	if thread is null then return; end if;
	perform pg_advisory_xact_lock(hashtextextended('inclusion thread ' || thread::text, 0));
	select * into item from private.inclusion_items i where i.id = coalesce(r.post_id, r.comment_id);
	-- What does not count (deleted, hidden) is reached by no one and ties no one.
	if not found then return; end if;
	author := coalesce(item.author, case when not item.anonymous then null
		when item.is_post then (select pa.author_id from public.post_authors pa
			where pa.post_id = item.id)
		else (select ca.author_id from public.comment_authors ca where ca.comment_id = item.id) end);
	if author is null then return; end if;
	if r.user_id is distinct from author and not item.reached then
		update private.inclusion_items i set reached = true where i.id = item.id;
	end if;
	if r.user_id is not null and r.user_id <> author and item.post_counts then
		insert into private.inclusion_interactions (source, group_id, post_id, a, b, at)
		values (r.id, item.group_id, item.post_id, least(r.user_id, author),
			greatest(r.user_id, author), r.created_at)
		on conflict (source) do nothing;
		insert into private.inclusion_ties as t (group_id, a, b, last_at)
		values (item.group_id, least(r.user_id, author), greatest(r.user_id, author), r.created_at)
		on conflict (group_id, a, b) do update set last_at = excluded.last_at
			where t.last_at < excluded.last_at;
	end if;
end;
$$;

create function private.inclusion_reaction_changed()
returns trigger
language plpgsql security definer set search_path = '' as $$
begin
	if tg_op = 'INSERT' then
		perform private.inclusion_reaction_added(new);
		return null;
	end if;
	perform private.inclusion_rebuild_thread(coalesce(old.post_id,
		(select c.post_id from public.comments c where c.id = old.comment_id)));
	if tg_op = 'UPDATE' and (new.post_id, new.comment_id) is distinct from (old.post_id, old.comment_id)
	then
		perform private.inclusion_rebuild_thread(coalesce(new.post_id,
			(select c.post_id from public.comments c where c.id = new.comment_id)));
	end if;
	return null;
end;
$$;

create function private.inclusion_post_author_changed()
returns trigger
language plpgsql security definer set search_path = '' as $$
begin
	-- The authorship row of a post no one answered or reacted to yet changes nothing here.
	if tg_op = 'INSERT'
		and not exists (select 1 from public.comments c where c.post_id = new.post_id)
		and not exists (select 1 from public.reactions r where r.post_id = new.post_id) then
		return null;
	end if;
	if tg_op <> 'INSERT' then perform private.inclusion_rebuild_thread(old.post_id); end if;
	if tg_op <> 'DELETE' then perform private.inclusion_rebuild_thread(new.post_id); end if;
	return null;
end;
$$;

create function private.inclusion_comment_author_changed()
returns trigger
language plpgsql security definer set search_path = '' as $$
begin
	if tg_op <> 'INSERT' then
		perform private.inclusion_rebuild_thread(
			(select c.post_id from public.comments c where c.id = old.comment_id));
	end if;
	if tg_op <> 'DELETE' then
		perform private.inclusion_rebuild_thread(
			(select c.post_id from public.comments c where c.id = new.comment_id));
	end if;
	return null;
end;
$$;

revoke execute on function private.inclusion_refresh_ties(uuid, uuid[], uuid[]),
	private.inclusion_rebuild_thread(uuid), private.inclusion_reaction_added(public.reactions),
	private.inclusion_post_changed(),
	private.inclusion_comment_changed(), private.inclusion_reaction_changed(),
	private.inclusion_post_author_changed(), private.inclusion_comment_author_changed()
	from public, anon, authenticated;

create trigger posts_inclusion after insert or delete
	or update of group_id, author_id, created_at, deleted_at, hidden_at on public.posts
	for each row execute function private.inclusion_post_changed();
create trigger comments_inclusion after insert or delete
	or update of post_id, author_id, created_at, deleted_at, hidden_at on public.comments
	for each row execute function private.inclusion_comment_changed();
create trigger reactions_inclusion after insert or delete
	or update of post_id, comment_id, user_id, created_at on public.reactions
	for each row execute function private.inclusion_reaction_changed();
create trigger post_authors_inclusion after insert or delete or update on public.post_authors
	for each row execute function private.inclusion_post_author_changed();
create trigger comment_authors_inclusion after insert or delete or update
	on public.comment_authors
	for each row execute function private.inclusion_comment_author_changed();

-- Fills the tables from what is there, all at once (this migration; and the bench, which plants
-- its history with triggers off). Same rules as inclusion_rebuild_thread, set-wise.
create function private.inclusion_backfill(target_group uuid default null)
returns void
language plpgsql volatile security definer set search_path = '' as $$
begin
	delete from private.inclusion_ties t where target_group is null or t.group_id = target_group;
	delete from private.inclusion_interactions i
	where target_group is null or i.group_id = target_group;
	delete from private.inclusion_items i where target_group is null or i.group_id = target_group;

	create temporary table inclusion_posts on commit drop as
	select p.id, p.group_id, p.created_at, p.anonymous, p.author_id as named,
		p.deleted_at is null and p.hidden_at is null as counts,
		coalesce(p.author_id, pa.author_id) as author
	from public.posts p left join public.post_authors pa on pa.post_id = p.id
	where target_group is null or p.group_id = target_group;
	alter table inclusion_posts add primary key (id);
	create temporary table inclusion_answers on commit drop as
	select c.id, c.post_id, c.created_at, c.anonymous, c.author_id as named,
		coalesce(c.author_id, ca.author_id) as author
	from public.comments c left join public.comment_authors ca on ca.comment_id = c.id
	where (target_group is null or c.group_id = target_group)
		and c.deleted_at is null and c.hidden_at is null;
	create index on inclusion_answers (post_id, created_at);
	analyze inclusion_posts;
	analyze inclusion_answers;

	insert into private.inclusion_items (id, group_id, post_id, is_post, anonymous, author,
		created_at, post_counts, reached)
	select p.id, p.group_id, p.id, true, p.anonymous, p.named, p.created_at, true,
		p.author is not null and (
			exists (select 1 from public.reactions r
				where r.post_id = p.id and r.user_id is distinct from p.author)
			or exists (select 1 from inclusion_answers a
				where a.post_id = p.id and a.author is distinct from p.author))
	from inclusion_posts p where p.counts
	union all
	select a.id, p.group_id, p.id, false, a.anonymous, a.named, a.created_at, p.counts,
		a.author is not null and (
			exists (select 1 from public.reactions r
				where r.comment_id = a.id and r.user_id is distinct from a.author)
			or exists (select 1 from inclusion_answers l
				where l.post_id = a.post_id and l.created_at > a.created_at
					and l.author is distinct from a.author))
	from inclusion_answers a join inclusion_posts p on p.id = a.post_id;

	insert into private.inclusion_interactions (source, group_id, post_id, a, b, at)
	select x.source, x.group_id, x.post_id, least(x.u, x.v), greatest(x.u, x.v), x.at
	from (
		select c.id as source, p.group_id, p.id as post_id, c.author as u, p.author as v,
			c.created_at as at
		from inclusion_answers c join inclusion_posts p on p.id = c.post_id and p.counts
		union all
		select r.id, p.group_id, p.id, r.user_id, p.author, r.created_at
		from public.reactions r join inclusion_posts p on p.id = r.post_id and p.counts
		union all
		select r.id, p.group_id, p.id, r.user_id, c.author, r.created_at
		from public.reactions r
		join inclusion_answers c on c.id = r.comment_id
		join inclusion_posts p on p.id = c.post_id and p.counts
	) x
	where x.u is not null and x.v is not null and x.u <> x.v;

	insert into private.inclusion_ties (group_id, a, b, last_at)
	select i.group_id, i.a, i.b, max(i.at) from private.inclusion_interactions i
	where target_group is null or i.group_id = target_group
	group by i.group_id, i.a, i.b;

	drop table inclusion_posts;
	drop table inclusion_answers;
end;
$$;
revoke execute on function private.inclusion_backfill(uuid) from public, anon, authenticated;

select private.inclusion_backfill();

-- The signals read from the group's history (kinds 1, 2, 4, 5, 6 and 7), as in 20261130100000
-- and with the same rows, now from the tables above: the recent items by the group's time index,
-- each member's latest activity by key, the ties of the window from inclusion_ties.
create or replace function private.inclusion_history_signals(s public.inclusion_settings)
returns table (kind text, member uuid, post uuid, evidence jsonb, since timestamptz,
	fingerprint text)
language plpgsql stable set search_path = '' set plan_cache_mode = force_generic_plan
	set work_mem = '64MB' as $$
#variable_conflict use_column
declare
	day constant interval := interval '1 day';
	-- The widest window of the kinds that read the recent items as a whole.
	recent_from constant timestamptz := now() - greatest(s.unanswered_window_days,
		s.not_reached_window_days, s.dominance_window_days) * day;
	fading_from constant timestamptz := now() - (s.fading_quiet_days + s.fading_before_days) * day;
	quiet_from constant timestamptz := now() - s.fading_quiet_days * day;
	ties_from constant timestamptz := now() - s.ties_window_days * day;
begin
	return query
	with members as materialized (
		-- `place`: the member's bit in the bit strings of ties below.
		select m.id, m.user_id, m.role, m.signals_opt_out,
			m.role <> 'moderator' and not m.signals_opt_out and m.user_id is not null as subject,
			(row_number() over (order by m.id) - 1)::integer as place
		from public.group_members m
		where m.group_id = s.group_id and m.status = 'active'
	), subjects as (
		-- Person-level signals are about these: not the moderators (the signals are for them),
		-- not who opted out.
		select m.id, m.user_id from members m where m.subject
	), recent as materialized (
		-- The recent items, with the author of an unnamed one looked up by key.
		select i.id, i.is_post, i.created_at, i.post_counts, i.reached,
			coalesce(i.author, case when not i.anonymous then null
				when i.is_post then (select pa.author_id from public.post_authors pa
					where pa.post_id = i.id)
				else (select ca.author_id from public.comment_authors ca
					where ca.comment_id = i.id) end) as author
		from private.inclusion_items i
		where i.group_id = s.group_id and i.created_at >= recent_from
	), unnamed as materialized (
		-- Per author, what they wrote unnamed in the windows that look at each member's activity
		-- (named items are looked up per member by key).
		select x.author,
			count(*) filter (where x.created_at >= fading_from) as since_fading,
			count(*) filter (where x.created_at >= quiet_from) as since_quiet,
			max(x.created_at) filter (where x.created_at >= fading_from) as fading_last_at,
			min(x.created_at) filter (where x.created_at >= ties_from) as ties_first_at,
			max(x.created_at) filter (where x.created_at >= ties_from) as ties_last_at
		from (
			select i.created_at,
				case when i.is_post then (select pa.author_id from public.post_authors pa
						where pa.post_id = i.id)
					else (select ca.author_id from public.comment_authors ca
						where ca.comment_id = i.id) end as author
			from private.inclusion_items i
			where i.group_id = s.group_id and i.anonymous
				and i.created_at >= least(fading_from, ties_from)
		) x
		where x.author is not null
		group by x.author
	), attended as materialized (
		-- Check-ins at the group's meetups of the windows that count them.
		select a.member_id, a.meetup_id, mt.starts_at
		from public.meetups mt
		join public.attendance a on a.meetup_id = mt.id
		where mt.group_id = s.group_id and mt.starts_at <= now()
			and mt.starts_at >= least(fading_from, ties_from)
	),

	-- 1. A recent post, older than a day, that no one but its author answered or reacted to.
	unanswered as (
		select 'unanswered_post'::text as kind, sm.id as member, i.id as post,
			jsonb_build_object('posted_at', i.created_at, 'post_kind', p.kind,
				'anonymous', p.anonymous) as evidence,
			i.created_at as since, ''::text as fingerprint
		from recent i
		join subjects sm on sm.user_id = i.author
		join public.posts p on p.id = i.id
		where i.is_post and not i.reached
			and i.created_at >= now() - s.unanswered_window_days * day
			and i.created_at < now() - s.unanswered_after_hours * interval '1 hour'
	),

	-- 2. Wrote at least twice lately and no one answered or reacted to any of it.
	not_reached as (
		select 'not_reached'::text as kind, sm.id as member, null::uuid as post,
			jsonb_build_object('posts', count(*) filter (where i.is_post),
				'answers', count(*) filter (where not i.is_post),
				'days', s.not_reached_window_days, 'last_at', max(i.created_at)) as evidence,
			min(i.created_at) as since, max(i.created_at)::text as fingerprint
		from recent i
		join subjects sm on sm.user_id = i.author
		where i.created_at >= now() - s.not_reached_window_days * day and i.post_counts
		group by sm.id
		having count(*) >= s.not_reached_min_items and not bool_or(i.reached)
	),

	-- 4. Was active before and went quiet (each member's latest activity looked up by key); or
	-- stopped coming to a series they came to. Missed meetups count only where attendance was
	-- checked in (otherwise everyone "missed" it).
	gone_quiet as materialized (
		select sm.id, sm.user_id from subjects sm
		where not exists (select 1 from private.inclusion_items i
				where i.group_id = s.group_id and i.author = sm.user_id
					and i.created_at >= quiet_from)
			and not exists (select 1 from unnamed u
				where u.author = sm.user_id and u.since_quiet > 0)
			and not exists (select 1 from attended a
				where a.member_id = sm.id and a.starts_at >= quiet_from)
	), quiet as (
		select q.id as member, x.earlier + coalesce(u.since_fading, 0) as earlier,
			greatest(x.last_active_at, u.fading_last_at) as last_active_at
		from gone_quiet q
		cross join lateral (
			select count(*) as earlier, max(y.at) as last_active_at
			from (
				select i.created_at as at from private.inclusion_items i
				where i.group_id = s.group_id and i.author = q.user_id
					and i.created_at >= fading_from
				union all
				select a.starts_at from attended a
				where a.member_id = q.id and a.starts_at >= fading_from
			) y
		) x
		left join unnamed u on u.author = q.user_id
		where x.earlier + coalesce(u.since_fading, 0) >= s.fading_min_items
	), occurrences as (
		select mt.id, mt.series_id, mt.starts_at,
			row_number() over (partition by mt.series_id order by mt.starts_at desc) as back
		from public.meetups mt
		where mt.group_id = s.group_id and mt.series_id is not null and mt.starts_at <= now()
			and mt.status = 'scheduled'
			and exists (select 1 from public.attendance a where a.meetup_id = mt.id)
	), series_missed as (
		select a.member_id as member, o.series_id, count(*) as attended_before
		from occurrences o
		join public.attendance a on a.meetup_id = o.id
		join subjects sm on sm.id = a.member_id
		where o.back > s.fading_missed_in_series
		group by a.member_id, o.series_id
		having count(*) >= s.fading_series_min_attended
			and not exists (
				select 1 from occurrences recent
				join public.attendance ra on ra.meetup_id = recent.id
				where recent.series_id = o.series_id and recent.back <= s.fading_missed_in_series
					and ra.member_id = a.member_id)
			and (select count(*) from occurrences recent
				where recent.series_id = o.series_id
					and recent.back <= s.fading_missed_in_series) = s.fading_missed_in_series
	), both_ways as (
		select q.member, jsonb_build_object('earlier', q.earlier, 'last_active_at',
			q.last_active_at, 'quiet_days', s.fading_quiet_days) as evidence,
			q.last_active_at as since, q.last_active_at::text as fingerprint, 1 as how
		from quiet q
		union all
		select sm.member, jsonb_build_object('series', sm.series_id,
			'attended_before', sm.attended_before, 'missed', s.fading_missed_in_series,
			'last_attended_at', (select max(o.starts_at) from occurrences o
				join public.attendance a on a.meetup_id = o.id
				where o.series_id = sm.series_id and a.member_id = sm.member)),
			(select min(o.starts_at) from occurrences o
				where o.series_id = sm.series_id and o.back <= s.fading_missed_in_series),
			sm.series_id::text || '@' || (select o.id from occurrences o
				where o.series_id = sm.series_id and o.back = 1)::text, 2
		from series_missed sm
	), fading as (
		select distinct on (b.member) 'fading'::text as kind, b.member, null::uuid as post,
			b.evidence, b.since, b.fingerprint
		from both_ways b
		order by b.member, b.how
	), counts as (
		-- 5. Group level: the most active fifth wrote most of what was written. Every active
		-- member counts, also those who wrote nothing (they are the point) and those who opted out.
		select coalesce(pa.n, 0)::numeric as n,
			row_number() over (order by coalesce(pa.n, 0) desc) as from_top,
			row_number() over (order by coalesce(pa.n, 0)) as from_bottom
		from members m
		left join (
			select i.author, count(*) as n from recent i
			where i.created_at >= now() - s.dominance_window_days * day
			group by i.author
		) pa on pa.author = m.user_id
	), dominance as (
		select 'dominance'::text as kind, null::uuid as member, null::uuid as post,
			jsonb_build_object('share', round(sh.share, 3), 'gini', round(sh.gini, 3),
				'top_members', sh.top, 'members', sh.members, 'contributions', sh.total,
				'days', s.dominance_window_days) as evidence,
			now() - s.dominance_window_days * day as since, floor(sh.share * 10)::text as fingerprint
		from (
			select f.members, f.total, f.top,
				(select sum(c.n) from counts c where c.from_top <= f.top) / f.total as share,
				2 * (select sum(c.from_bottom * c.n) from counts c) / (f.members * f.total)
					- (f.members + 1)::numeric / f.members as gini
			from (
				select count(*) as members, sum(c.n) as total,
					ceil(count(*) * s.dominance_top_fraction) as top
				from counts c
			) f
			where f.total > 0 and f.total >= s.dominance_min_contributions
		) sh
		where sh.share > s.dominance_share
	),

	-- 6 and 7. Ties: a pair of active members with an answer or a reaction between them, or a
	-- meetup both came to, in the window.
	ties as (
		-- Both ends of each tie (a pair may be tied by both an interaction and a meetup).
		select x.place, x.other
		from private.inclusion_ties t
		join members ma on ma.user_id = t.a
		join members mb on mb.user_id = t.b
		cross join lateral (values (ma.place, mb.place), (mb.place, ma.place)) as x(place, other)
		where t.group_id = s.group_id and t.last_at >= ties_from
		union all
		select ma.place, mb.place
		from attended a1
		join attended a2 on a2.meetup_id = a1.meetup_id and a2.member_id <> a1.member_id
		join members ma on ma.id = a1.member_id
		join members mb on mb.id = a2.member_id
		where a1.starts_at >= ties_from
	), neighbours as materialized (
		-- Each member with a tie and everyone they have one with.
		select t.place, array_agg(distinct t.other) as others from ties t group by t.place
	), degrees as materialized (
		-- Every member's number of ties, at index place + 1.
		select array_agg(coalesce(cardinality(n.others), 0) order by m.place) as of_place
		from members m left join neighbours n on n.place = m.place
	), attended_in_window as materialized (
		select a.member_id, min(a.starts_at) as first_at, max(a.starts_at) as last_at
		from attended a where a.starts_at >= ties_from
		group by a.member_id
	), active as materialized (
		-- Members who posted, answered, reacted or came in the window, each looked up by key.
		select l.* from (
			select m.id, m.user_id, m.place, m.role, m.signals_opt_out, greatest(
				(select max(i.created_at) from private.inclusion_items i
					where i.group_id = s.group_id and i.author = m.user_id
						and i.created_at >= ties_from),
				(select max(r.created_at) from public.reactions r
					where r.group_id = s.group_id and r.user_id = m.user_id
						and r.created_at >= ties_from),
				u.ties_last_at, aw.last_at) as last_at
			from members m
			left join unnamed u on u.author = m.user_id
			left join attended_in_window aw on aw.member_id = m.id
			where m.user_id is not null
		) l
		where l.last_at is not null
	), isolated as (
		select 'isolated'::text as kind, ac.id as member, null::uuid as post,
			jsonb_build_object('last_active_at', ac.last_at, 'days', s.ties_window_days)
				as evidence,
			least(
				(select min(i.created_at) from private.inclusion_items i
					where i.group_id = s.group_id and i.author = ac.user_id
						and i.created_at >= ties_from),
				(select min(r.created_at) from public.reactions r
					where r.group_id = s.group_id and r.user_id = ac.user_id
						and r.created_at >= ties_from),
				(select u.ties_first_at from unnamed u where u.author = ac.user_id),
				(select aw.first_at from attended_in_window aw where aw.member_id = ac.id))
				as since,
			''::text as fingerprint
		from active ac
		where ac.role <> 'moderator' and not ac.signals_opt_out
			and not exists (select 1 from neighbours n where n.place = ac.place)
	), sized as (
		select n.place, n.others, cardinality(n.others) as degree from neighbours n
		where cardinality(n.others) + 1 >= s.circle_min_size
			and cardinality(n.others) + 1 <= (select count(*) from active) * s.circle_max_fraction
			and cardinality(n.others) + 1 < (select count(*) from active)
	), hoods as materialized (
		-- A member and everyone they have a tie with: a circle is found from any of its
		-- members whose ties all stay inside it. At most |S|·(|S|−1) of the tie ends of its
		-- members can be inside a set S, and at most min(deg u, |S| − 1) of those of each
		-- member u: a set whose members have more ties than that allows cannot reach the
		-- share, which leaves out most sets by counting alone (at 50,000 posts 9 of 65).
		select z.place as center, z.others
		from sized z
		cross join degrees d
		cross join lateral (
			select sum(d.of_place[o + 1]) as ends,
				sum(least(d.of_place[o + 1], z.degree)) as capped
			from unnest(z.others) o
		) e
		where (e.ends + z.degree) * s.circle_inside_share <= (z.degree + 1) * z.degree
			and (e.ends + z.degree) * s.circle_inside_share <= e.capped + z.degree
	), hood_members as materialized (
		select h.center, h.center as place from hoods h
		union all
		select h.center, unnest(h.others) from hoods h
	), adjacency as materialized (
		-- The ties of the members of those sets as bit strings over all active members.
		select n.place, (select bit_or(set_bit(z.zeros, o, 1)) from unnest(n.others) o) as bits
		from neighbours n
		cross join (select repeat('0', count(*)::integer)::bit varying as zeros from members) z
		where n.place in (select hm.place from hood_members hm)
	), candidates as materialized (
		-- Each set once, however many of its members it was found from.
		select distinct on (h.circle) h.center, h.circle
		from (
			select ad.place as center, set_bit(ad.bits, ad.place, 1) as circle
			from adjacency ad join hoods h on h.center = ad.place
		) h
		order by h.circle, h.center
	), circles as materialized (
		-- The share of the tie ends of a set's members that stay inside it: each member's ties
		-- that are in the set are the bits of (its ties & the set).
		select counted.inside,
			(select array_agg(m.id order by m.id) from members m
				where get_bit(cd.circle, m.place) = 1) as circle
		from (
			select hm.center,
				sum(bit_count(ad.bits & cd.circle))::numeric / sum(d.of_place[hm.place + 1])
					as inside
			from candidates cd
			join hood_members hm on hm.center = cd.center
			join adjacency ad on ad.place = hm.place
			cross join degrees d
			group by hm.center
		) counted
		join candidates cd on cd.center = counted.center
		where counted.inside >= s.circle_inside_share
	), closed as (
		select distinct on (m.id) m.id as member, c.circle, c.inside
		from circles c
		cross join lateral unnest(c.circle) as x(member)
		join members m on m.id = x.member
		where m.role <> 'moderator' and not m.signals_opt_out
		order by m.id, cardinality(c.circle) desc, c.circle
	)
	select u.kind, u.member, u.post, u.evidence, u.since, u.fingerprint from unanswered u
	union all
	select nr.kind, nr.member, nr.post, nr.evidence, nr.since, nr.fingerprint from not_reached nr
	union all
	select f.kind, f.member, f.post, f.evidence, f.since, f.fingerprint from fading f
	union all
	select d.kind, d.member, d.post, d.evidence, d.since, d.fingerprint from dominance d
	union all
	select i.kind, i.member, i.post, i.evidence, i.since, i.fingerprint from isolated i
	union all
	select 'closed_circle'::text, cl.member, null::uuid,
		jsonb_build_object(
			'members', (select jsonb_agg(m.id order by m.id) from members m
				where m.id = any (cl.circle) and not m.signals_opt_out),
			'others', (select count(*) from members m
				where m.id = any (cl.circle) and m.signals_opt_out),
			'size', cardinality(cl.circle), 'inside_share', round(cl.inside, 3),
			'days', s.ties_window_days),
		now() - s.ties_window_days * day, array_to_string(cl.circle, ',')
	from closed cl;
end;
$$;
