-- Issue 11: a new answer no longer rebuilds its post's whole thread in the inclusion tables
-- (20261201090000). That rebuild also worked "answered later by someone else" out by comparing
-- every answer with every later one, so each answer cost more as its thread grew, and a statement
-- adding thousands of answers under one post took minutes. Now:
-- - One answer added (what people do) changes only what it changes: its own item (reached when a
--   later answer by someone else or a reaction by someone else is already there, which only
--   planted history has), its post's item (reached when the answer is by someone else), the
--   earlier answers of the thread by others not yet reached (found by a partial index on what is
--   not reached), and one interaction and its tie.
-- - A statement adding several answers under one post rebuilds that thread once.
-- - The rebuild (still used for what is changed or taken away) says "answered later by someone
--   else" from one pass over the thread: per answer, how many answers came after it and the
--   lowest and highest author among them (all by one author X only when both are X); and finds
--   what is no longer there by a set difference, not by looking each kept row up in the new ones
--   (a nested loop in its generic plan, squared in the thread's size).
-- - An authorship row of a named post or answer changes nothing (the name is the author); that
--   of an unnamed answer, written just after it, adds it then (until then its author is not
--   known). An unnamed answer that never gets one is added at commit, as a rebuild would have.
-- The result is the same rows as before (tests/db/inclusion-summaries.test.ts compares them with
-- a fresh rebuild after every kind of change).

create index inclusion_items_not_reached_idx on private.inclusion_items (post_id, created_at)
	where not reached and not is_post;

-- A post's thread as it is now, as in 20261201090000, with "answered later by someone else" in
-- one pass.
create or replace function private.inclusion_rebuild_thread(thread uuid)
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
	), answers as materialized (
		select c.id, c.created_at, c.anonymous, c.author_id as named,
			coalesce(c.author_id, (select ca.author_id from public.comment_authors ca
				where ca.comment_id = c.id)) as author
		from public.comments c
		where c.post_id = thread and c.deleted_at is null and c.hidden_at is null
	), later as (
		-- Each answer with, over the answers written strictly after it (the peer groups before
		-- its own, newest first), how many there are, how many of known authors, and the lowest
		-- and highest of those authors. One pass; no join, whatever the plan thinks the sizes are.
		select a.*, count(*) over w as n, count(a.author) over w as known,
			min(a.author::text) over w as lo, max(a.author::text) over w as hi
		from answers a
		window w as (order by a.created_at desc groups between unbounded preceding and 1 preceding)
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
				-- Someone else answered later: a later answer by an unknown author, or authors
				-- other than this one.
				or (a.n > 0 and (a.known < a.n or a.lo <> a.author::text
					or a.hi <> a.author::text))
			end
		from later a
		cross join post p
	), gone as (
		-- What is kept and no longer there (a set difference: the plan is generic, made for a
		-- thread of a few rows, and a nested loop over thousands of answers reads them squared).
		delete from private.inclusion_items i
		using (
			select k.id from private.inclusion_items k where k.post_id = thread
			except
			select f.id from fresh f
		) g
		where i.id = g.id
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
		using (
			select k.source from private.inclusion_interactions k where k.post_id = thread
			except
			select f.source from fresh f
		) g
		where i.source = g.source
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

-- One answer added to what is kept: the same rows a rebuild of its thread would give, when the
-- rest of the thread is as a rebuild would have left it. Returns false, changing nothing, when
-- the answer is unnamed and its authorship row is not there yet (it is added with that row).
create function private.inclusion_answer_added(answer uuid)
returns boolean
language plpgsql volatile security definer set search_path = ''
	set plan_cache_mode = force_generic_plan as $$
declare
	added record;
	post record;
	own_reached boolean;
	previous_at timestamptz;
	previous_author uuid;
	scan_from timestamptz;
begin
	select c.id, c.post_id, c.group_id, c.created_at, c.anonymous, c.author_id as named,
		c.author_id is null and c.anonymous and not exists (select 1
			from public.comment_authors ca where ca.comment_id = c.id) as waiting,
		coalesce(c.author_id, (select ca.author_id from public.comment_authors ca
			where ca.comment_id = c.id)) as author
	into added
	from public.comments c
	where c.id = answer and c.deleted_at is null and c.hidden_at is null;
	-- An answer that does not count changes nothing.
	if not found then return true; end if;
	if added.waiting then return false; end if;
	perform pg_advisory_xact_lock(hashtextextended('inclusion thread ' || added.post_id::text, 0));
	if exists (select 1 from private.inclusion_items i where i.id = answer) then return true; end if;

	select p.id, p.group_id, p.deleted_at is null and p.hidden_at is null as counts,
		coalesce(p.author_id, (select pa.author_id from public.post_authors pa
			where pa.post_id = p.id)) as author
	into post
	from public.posts p where p.id = added.post_id;

	-- Its own item: reached when someone else reacted to it or answered after it (planted
	-- history only: a new answer is the thread's latest, and the later answers are read by the
	-- thread's time index).
	own_reached := added.author is not null and (
		exists (select 1 from public.reactions r
			where r.comment_id = answer and r.user_id is distinct from added.author)
		or exists (select 1 from public.comments l
			where l.post_id = added.post_id and l.created_at > added.created_at
				and l.deleted_at is null and l.hidden_at is null
				and coalesce(l.author_id, (select la.author_id from public.comment_authors la
					where la.comment_id = l.id)) is distinct from added.author));
	insert into private.inclusion_items (id, group_id, post_id, is_post, anonymous, author,
		created_at, post_counts, reached)
	values (answer, post.group_id, post.id, false, added.anonymous, added.named,
		added.created_at, post.counts, own_reached);

	-- Its post is reached when the answer is by someone else (its item is there when it counts).
	if post.counts and post.author is not null and added.author is distinct from post.author then
		update private.inclusion_items i set reached = true
		where i.id = post.id and not i.reached;
	end if;

	-- The thread's earlier answers by others, of known authors, not reached yet. Such an answer
	-- has nothing after it by anyone else: it is one of the answers of the last author before
	-- this one written since anyone else last answered (or at the same moment), so only those are
	-- read; when the last author is this one, only those of its moment. (Each is then reached, or
	-- is this author's: an author answering many times in a row does not read their whole run.)
	select c.created_at, coalesce(c.author_id, (select ca.author_id from public.comment_authors ca
		where ca.comment_id = c.id))
	into previous_at, previous_author
	from public.comments c
	where c.post_id = added.post_id and c.created_at < added.created_at and c.id <> answer
		and c.deleted_at is null and c.hidden_at is null
	order by c.created_at desc
	limit 1;
	if previous_author is null or previous_author = added.author then
		scan_from := previous_at;
	else
		select c.created_at into scan_from
		from public.comments c
		where c.post_id = added.post_id and c.created_at < added.created_at
			and c.deleted_at is null and c.hidden_at is null
			and coalesce(c.author_id, (select ca.author_id from public.comment_authors ca
				where ca.comment_id = c.id)) is distinct from previous_author
		order by c.created_at desc
		limit 1;
	end if;
	update private.inclusion_items i set reached = true
	from (
		select e.id, coalesce(e.author, case when e.anonymous then (select ca.author_id
			from public.comment_authors ca where ca.comment_id = e.id) end) as author
		from private.inclusion_items e
		where e.post_id = post.id and not e.reached and not e.is_post
			and e.created_at >= coalesce(scan_from, '-infinity') and e.created_at < added.created_at
	) earlier
	where i.id = earlier.id and earlier.author is not null
		and earlier.author is distinct from added.author;

	-- The answer ties its author to the post's; reactions to it (planted history, or an unnamed
	-- answer reacted to before its authorship row came) tie theirs to its author.
	if post.counts and added.author is not null then
		with x as (
			select y.source, least(y.u, added.author) as a, greatest(y.u, added.author) as b, y.at
			from (
				select answer as source, post.author as u, added.created_at as at
				union all
				select r.id, r.user_id, r.created_at from public.reactions r
				where r.comment_id = answer
			) y
			where y.u is not null and y.u <> added.author
		), kept as (
			insert into private.inclusion_interactions (source, group_id, post_id, a, b, at)
			select x.source, post.group_id, post.id, x.a, x.b, x.at from x
			on conflict (source) do nothing
		)
		insert into private.inclusion_ties as t (group_id, a, b, last_at)
		select post.group_id, x.a, x.b, max(x.at) from x group by x.a, x.b
		on conflict (group_id, a, b) do update set last_at = excluded.last_at
			where t.last_at < excluded.last_at;
	end if;
	return true;
end;
$$;

-- Answers added by one statement: one answer under a post is added as above, several under one
-- post rebuild that thread once.
create function private.inclusion_comments_added()
returns trigger
language plpgsql security definer set search_path = '' as $$
declare
	thread record;
begin
	for thread in
		select a.post_id, count(*) as n, min(a.id::text)::uuid as one
		from added a group by a.post_id
	loop
		if thread.n = 1 then
			perform private.inclusion_answer_added(thread.one);
		else
			perform private.inclusion_rebuild_thread(thread.post_id);
		end if;
	end loop;
	return null;
end;
$$;

-- Changed or taken away: the thread(s) are rebuilt, as before.
create or replace function private.inclusion_comment_changed()
returns trigger
language plpgsql security definer set search_path = '' as $$
begin
	perform private.inclusion_rebuild_thread(old.post_id);
	if tg_op = 'UPDATE' and new.post_id <> old.post_id then
		perform private.inclusion_rebuild_thread(new.post_id);
	end if;
	return null;
end;
$$;

-- At commit, an unnamed answer that never got its authorship row: a rebuild adds it (its author
-- is not known).
create function private.inclusion_unnamed_answer_settled()
returns trigger
language plpgsql security definer set search_path = '' as $$
begin
	if exists (select 1 from public.comments c
			where c.id = new.id and c.deleted_at is null and c.hidden_at is null)
		and not exists (select 1 from private.inclusion_items i where i.id = new.id) then
		perform private.inclusion_rebuild_thread(
			(select c.post_id from public.comments c where c.id = new.id));
	end if;
	return null;
end;
$$;

-- Authorship rows added by one statement: those of named answers change nothing; that of an
-- unnamed answer not kept yet adds it; otherwise (an item made without knowing its author) the
-- thread is rebuilt, once per thread.
create function private.inclusion_comment_authors_added()
returns trigger
language plpgsql security definer set search_path = '' as $$
declare
	thread record;
begin
	for thread in
		select c.post_id, count(*) as n, min(c.id::text)::uuid as one,
			bool_or(exists (select 1 from private.inclusion_items i where i.id = c.id)) as kept
		from added a
		join public.comments c on c.id = a.comment_id and c.author_id is null
		group by c.post_id
	loop
		if thread.n > 1 or thread.kept or not private.inclusion_answer_added(thread.one) then
			perform private.inclusion_rebuild_thread(thread.post_id);
		end if;
	end loop;
	return null;
end;
$$;

create or replace function private.inclusion_comment_author_changed()
returns trigger
language plpgsql security definer set search_path = '' as $$
begin
	perform private.inclusion_rebuild_thread(
		(select c.post_id from public.comments c where c.id = old.comment_id));
	if tg_op = 'UPDATE' then
		perform private.inclusion_rebuild_thread(
			(select c.post_id from public.comments c where c.id = new.comment_id));
	end if;
	return null;
end;
$$;

-- The authorship row of a named post changes nothing here, nor that of a post no one answered
-- or reacted to yet.
create or replace function private.inclusion_post_author_changed()
returns trigger
language plpgsql security definer set search_path = '' as $$
begin
	if tg_op = 'INSERT' and (
		exists (select 1 from public.posts p where p.id = new.post_id and p.author_id is not null)
		or (not exists (select 1 from public.comments c where c.post_id = new.post_id)
			and not exists (select 1 from public.reactions r where r.post_id = new.post_id))) then
		return null;
	end if;
	if tg_op <> 'INSERT' then perform private.inclusion_rebuild_thread(old.post_id); end if;
	if tg_op <> 'DELETE' then perform private.inclusion_rebuild_thread(new.post_id); end if;
	return null;
end;
$$;

revoke execute on function private.inclusion_answer_added(uuid),
	private.inclusion_comments_added(), private.inclusion_unnamed_answer_settled(),
	private.inclusion_comment_authors_added()
	from public, anon, authenticated;

drop trigger comments_inclusion on public.comments;
create trigger comments_inclusion after delete
	or update of post_id, author_id, created_at, deleted_at, hidden_at on public.comments
	for each row execute function private.inclusion_comment_changed();
create trigger comments_inclusion_added after insert on public.comments
	referencing new table as added
	for each statement execute function private.inclusion_comments_added();
create constraint trigger comments_inclusion_unnamed after insert on public.comments
	deferrable initially deferred
	for each row when (new.author_id is null)
	execute function private.inclusion_unnamed_answer_settled();

drop trigger comment_authors_inclusion on public.comment_authors;
create trigger comment_authors_inclusion after delete or update on public.comment_authors
	for each row execute function private.inclusion_comment_author_changed();
create trigger comment_authors_inclusion_added after insert on public.comment_authors
	referencing new table as added
	for each statement execute function private.inclusion_comment_authors_added();
