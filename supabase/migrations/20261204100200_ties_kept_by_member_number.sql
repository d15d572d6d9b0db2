-- Inclusion signals (issue 11) closer to the budget (100 ms for 500 members and 50,000 posts):
-- the ties between members are kept, both kinds in one table, between small numbers instead of
-- being worked out on every call. At 50,000 posts a call read about 27,000 pairs of people from
-- inclusion_ties, looked both people of each up among the members (two hash joins on uuids),
-- paired everyone who came to the same meetups of the window, and counted every pair twice.
-- - inclusion_people: a number per membership, 1, 2, 3 … within its group (the ties are int
--   arrays for intarray, and a member's number of ties is found at their number in one array).
--   Private: the numbers say in which order people first had a tie.
-- - inclusion_member_ties: per pair of numbers (lo < hi), when the two last interacted
--   (`talked_at`, as inclusion_ties has it) and the start of the latest meetup both came to
--   (`met_at`); `last_at` the later of the two, what a window reads. A meetup that starts after
--   now counts only once it has started, so a pair whose `last_at` lies ahead is checked against
--   the meetups one by one (the rare case: a check-in before the start).
-- Kept by triggers on inclusion_ties (what it says, per pair), on attendance and on meetups (a
-- check-in raises `met_at`; one taken back, or a meetup moved earlier, works out again only the
-- pairs whose latest shared meetup it was). All upkeep of one group's ties holds one lock (taken
-- before anything is read, so each sees what the one before it committed): two changes to the
-- same pair through different meetups, or a reaction and a check-in, cannot overwrite each other.
-- Reactions and answers take it shared (one pair each, already one at a time per pair).
-- A membership goes only with its account (a request turned down has no ties), and takes its
-- number and ties along; a member who is removed keeps theirs, as the signals read only the
-- group's active members.
-- inclusion_backfill rebuilds this table too (inclusion_member_ties_rebuild).

create table private.inclusion_people (
	member_id uuid primary key references public.group_members (id) on delete cascade,
	-- The membership's group (no key of its own: a row goes with its membership, and a key on
	-- groups would lock the group's row while a walk-in is added under that lock).
	group_id uuid not null,
	number integer not null check (number > 0),
	unique (group_id, number)
);

create table private.inclusion_member_ties (
	group_id uuid not null,
	lo integer not null,
	hi integer not null,
	talked_at timestamptz,
	met_at timestamptz,
	last_at timestamptz not null generated always as (greatest(talked_at, met_at)) stored,
	primary key (group_id, lo, hi),
	foreign key (group_id, lo) references private.inclusion_people (group_id, number)
		on delete cascade,
	foreign key (group_id, hi) references private.inclusion_people (group_id, number)
		on delete cascade,
	check (lo < hi)
);
create index inclusion_member_ties_hi_idx on private.inclusion_member_ties (group_id, hi);
create index inclusion_member_ties_recent_idx on private.inclusion_member_ties (group_id, last_at)
	include (lo, hi, talked_at);

-- The recent items and the unnamed ones are read from their index alone (with their ids).
create index inclusion_items_recent_idx on private.inclusion_items (group_id, created_at)
	include (id, is_post, anonymous, author, post_counts, reached);
drop index private.inclusion_items_group_created_idx;
create index inclusion_items_unnamed_idx on private.inclusion_items (group_id, created_at)
	include (id, is_post) where anonymous;
drop index private.inclusion_items_anonymous_idx;

alter table private.inclusion_people enable row level security;
alter table private.inclusion_member_ties enable row level security;
revoke all on private.inclusion_people, private.inclusion_member_ties
	from public, anon, authenticated;

/**
 * The lock on the upkeep of these groups' ties, until the end of the transaction, in order of
 * group. `shared`: for what inclusion_ties says of one pair (a reaction, an answer), which the
 * row of inclusion_ties itself already holds one at a time; shared among those, so that a
 * statement that rebuilds two threads of a group (an account deleted) and a reaction in one of
 * them do not wait on each other here. Check-ins and meetups take it whole.
 */
create function private.inclusion_lock_ties(groups uuid[], shared boolean default false)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
	g uuid;
begin
	for g in select distinct x.g from unnest(groups) as x (g) where x.g is not null order by 1 loop
		if shared then
			perform pg_advisory_xact_lock_shared(hashtextextended('inclusion ties ' || g::text, 0));
		else
			perform pg_advisory_xact_lock(hashtextextended('inclusion ties ' || g::text, 0));
		end if;
	end loop;
end;
$$;

/**
 * The numbers of these memberships, made for those that have none yet: the group's next. Two
 * transactions that take the same number at once: the second waits for the first and, when it
 * commits, takes the one after.
 */
create function private.inclusion_numbers(members uuid[])
returns table (member_id uuid, number integer)
language plpgsql
security definer
set search_path = ''
as $$
declare
	new_member record;
begin
	for new_member in
		select m.id, m.group_id from public.group_members m
		where m.id = any (members)
			and not exists (select 1 from private.inclusion_people p where p.member_id = m.id)
		order by m.group_id, m.id
	loop
		loop
			insert into private.inclusion_people (member_id, group_id, number)
			select new_member.id, new_member.group_id, coalesce(max(p.number), 0) + 1
			from private.inclusion_people p where p.group_id = new_member.group_id
			on conflict do nothing;
			exit when found or exists (
				select 1 from private.inclusion_people p where p.member_id = new_member.id);
		end loop;
	end loop;
	return query
	select p.member_id, p.number from private.inclusion_people p
	where p.member_id = any (members);
end;
$$;

/**
 * inclusion_met_again's many pairs (tens of thousands when a meetup of 300 moves earlier): every
 * pair's shared check-ins at once, by hash joins (not one pair after the other).
 */
create function private.inclusion_met_many()
returns void
language plpgsql
security definer
set search_path = ''
set enable_nestloop = off
set work_mem = '64MB'
as $$
begin
	analyze inclusion_met_now;
	update inclusion_met_now p set met_at = shared.met_at
	from (
		select p.x, p.y, max(mt.starts_at) as met_at
		from inclusion_met_now p
		join public.attendance ax on ax.member_id = p.x
		join public.meetups mt on mt.id = ax.meetup_id and mt.group_id = p.group_id
		join public.attendance ay on ay.meetup_id = ax.meetup_id and ay.member_id = p.y
		group by p.x, p.y
	) shared
	where shared.x = p.x and shared.y = p.y;
end;
$$;

/**
 * Sets the pairs of memberships given (xs[i] with ys[i], same group) to the start of the latest
 * meetup of their group both came to, or none. A few pairs (a check-in taken back) are each
 * looked up by key; many (a big meetup moved earlier) are worked out in one pass over the
 * check-ins of the people concerned.
 */
create function private.inclusion_met_again(xs uuid[], ys uuid[])
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
	create temporary table if not exists inclusion_met_now (
		x uuid, y uuid, group_id uuid, lo integer, hi integer, met_at timestamptz
	) on commit drop;
	truncate inclusion_met_now;
	with asked as (
		select distinct least(u.x, u.y) as x, greatest(u.x, u.y) as y
		from unnest(xs, ys) as u (x, y)
		where u.x <> u.y
	), numbered as (
		select n.member_id, n.number
		from private.inclusion_numbers(array(select a.x from asked a union select a.y from asked a)) n
	)
	insert into inclusion_met_now (x, y, group_id, lo, hi)
	select a.x, a.y, mx.group_id, least(nx.number, ny.number), greatest(nx.number, ny.number)
	from asked a
	join public.group_members mx on mx.id = a.x
	join public.group_members my on my.id = a.y and my.group_id = mx.group_id
	join numbered nx on nx.member_id = a.x
	join numbered ny on ny.member_id = a.y;

	if cardinality(xs) <= 1000 then
		update inclusion_met_now p set met_at = (
			select max(mt.starts_at)
			from public.attendance ax
			join public.attendance ay on ay.meetup_id = ax.meetup_id and ay.member_id = p.y
			join public.meetups mt on mt.id = ax.meetup_id and mt.group_id = p.group_id
			where ax.member_id = p.x)
		where p.met_at is null;
	else
		perform private.inclusion_met_many();
	end if;

	insert into private.inclusion_member_ties as t (group_id, lo, hi, met_at)
	select p.group_id, p.lo, p.hi, p.met_at from inclusion_met_now p
	where p.met_at is not null
	on conflict (group_id, lo, hi) do update set met_at = excluded.met_at
	where t.met_at is distinct from excluded.met_at;
	delete from private.inclusion_member_ties t
	using inclusion_met_now p
	where t.group_id = p.group_id and t.lo = p.lo and t.hi = p.hi and p.met_at is null
		and t.talked_at is null;
	update private.inclusion_member_ties t set met_at = null
	from inclusion_met_now p
	where t.group_id = p.group_id and t.lo = p.lo and t.hi = p.hi and p.met_at is null
		and t.met_at is not null;
end;
$$;

/**
 * Raises the pairs of memberships given (xs[i] with ys[i], same group) to a meetup both came to
 * that started at ats[i], if it is their latest (a meetup added to a pair's history can only do
 * that).
 */
create function private.inclusion_met_raise(xs uuid[], ys uuid[], ats timestamptz[])
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
	with asked as (
		select least(u.x, u.y) as x, greatest(u.x, u.y) as y, max(u.at) as at
		from unnest(xs, ys, ats) as u (x, y, at)
		where u.x <> u.y
		group by 1, 2
	), numbered as (
		select n.member_id, n.number
		from private.inclusion_numbers(array(select a.x from asked a union select a.y from asked a)) n
	)
	insert into private.inclusion_member_ties as t (group_id, lo, hi, met_at)
	select mx.group_id, least(nx.number, ny.number), greatest(nx.number, ny.number), a.at
	from asked a
	join public.group_members mx on mx.id = a.x
	join public.group_members my on my.id = a.y and my.group_id = mx.group_id
	join numbered nx on nx.member_id = a.x
	join numbered ny on ny.member_id = a.y
	on conflict (group_id, lo, hi) do update set met_at = excluded.met_at
	where t.met_at is null or t.met_at < excluded.met_at;
end;
$$;

/**
 * What inclusion_ties says of a pair of people of a group (their last interaction, or none) set
 * on the pair of their memberships. Called once per changed row of inclusion_ties (once per
 * reaction): a few lookups by key.
 */
create function private.inclusion_talked(g uuid, a uuid, b uuid, at timestamptz)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
	member_a uuid;
	member_b uuid;
	x integer;
	y integer;
begin
	select m.id into member_a from public.group_members m where m.group_id = g and m.user_id = a;
	select m.id into member_b from public.group_members m where m.group_id = g and m.user_id = b;
	if member_a is null or member_b is null then
		return;
	end if;
	perform private.inclusion_lock_ties(array[g], shared => true);
	select p.number into x from private.inclusion_people p where p.member_id = member_a;
	select p.number into y from private.inclusion_people p where p.member_id = member_b;
	if at is null then
		if x is not null and y is not null then
			-- Under the lock, so `met_at` cannot change between the two.
			delete from private.inclusion_member_ties t
			where t.group_id = g and t.lo = least(x, y) and t.hi = greatest(x, y)
				and t.met_at is null;
			update private.inclusion_member_ties t set talked_at = null
			where t.group_id = g and t.lo = least(x, y) and t.hi = greatest(x, y);
		end if;
		return;
	end if;
	if x is null or y is null then
		select n.number into x from private.inclusion_numbers(array[member_a, member_b]) n
		where n.member_id = member_a;
		select p.number into y from private.inclusion_people p where p.member_id = member_b;
	end if;
	insert into private.inclusion_member_ties (group_id, lo, hi, talked_at)
	values (g, least(x, y), greatest(x, y), at)
	on conflict (group_id, lo, hi) do update set talked_at = excluded.talked_at;
end;
$$;

create function private.inclusion_tie_changed()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
	if tg_op = 'DELETE' or (tg_op = 'UPDATE'
			and (old.group_id, old.a, old.b) is distinct from (new.group_id, new.a, new.b)) then
		perform private.inclusion_talked(old.group_id, old.a, old.b, null);
	end if;
	if tg_op <> 'DELETE' then
		perform private.inclusion_talked(new.group_id, new.a, new.b, new.last_at);
	end if;
	return null;
end;
$$;

create trigger inclusion_member_ties after insert or update or delete on private.inclusion_ties
for each row execute function private.inclusion_tie_changed();

/**
 * Check-ins added, taken back or changed (also with their meetup or membership). A check-in
 * raises each pair it makes with everyone else checked in at that meetup; one taken back works
 * out again the pairs whose latest shared meetup it was (all of them when the meetup itself is
 * gone). Check-ins of a membership that is gone (an account deleted) need nothing: its number
 * and ties go with it.
 */
create function private.inclusion_attendance_changed()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
	xs uuid[];
	ys uuid[];
	ats timestamptz[];
begin
	-- An update that moves no check-in to another meetup or person (who checked in is forgotten
	-- with their account) changes no tie.
	if tg_op = 'UPDATE' then
		if not exists (
			select 1 from gone g join changed c on c.id = g.id
			where (g.meetup_id, g.member_id) is distinct from (c.meetup_id, c.member_id)) then
			return null;
		end if;
		-- The groups of before and after together, in one order.
		perform private.inclusion_lock_ties(array(
			select m.group_id from gone g join public.group_members m on m.id = g.member_id
			union
			select m.group_id from changed c join public.group_members m on m.id = c.member_id));
	end if;
	if tg_op in ('DELETE', 'UPDATE') then
		perform private.inclusion_lock_ties(array(
			select m.group_id from gone g join public.group_members m on m.id = g.member_id));
		select array_agg(c.member_id), array_agg(o.member_id) into xs, ys
		from gone c
		join public.group_members mc on mc.id = c.member_id
		join (
			select a.meetup_id, a.member_id from public.attendance a
			where a.meetup_id in (select g.meetup_id from gone g)
			union
			select g.meetup_id, g.member_id from gone g
		) o on o.meetup_id = c.meetup_id and o.member_id <> c.member_id
		left join public.meetups mt on mt.id = c.meetup_id
		where mt.id is null or exists (
			select 1
			from private.inclusion_people pc
			join private.inclusion_people po on po.member_id = o.member_id
				and po.group_id = pc.group_id
			join private.inclusion_member_ties t on t.group_id = pc.group_id
				and t.lo = least(pc.number, po.number) and t.hi = greatest(pc.number, po.number)
			where pc.member_id = c.member_id and t.met_at = mt.starts_at);
		if xs is not null then
			perform private.inclusion_met_again(xs, ys);
		end if;
	end if;
	if tg_op in ('INSERT', 'UPDATE') then
		perform private.inclusion_lock_ties(array(
			select m.group_id from changed c join public.group_members m on m.id = c.member_id));
		select array_agg(c.member_id), array_agg(o.member_id), array_agg(mt.starts_at)
		into xs, ys, ats
		from changed c
		join public.meetups mt on mt.id = c.meetup_id
		join public.group_members mc on mc.id = c.member_id and mc.group_id = mt.group_id
		join public.attendance o on o.meetup_id = c.meetup_id and o.member_id <> c.member_id;
		if xs is not null then
			perform private.inclusion_met_raise(xs, ys, ats);
		end if;
	end if;
	return null;
end;
$$;

create trigger attendance_inclusion_added after insert on public.attendance
referencing new table as changed
for each statement execute function private.inclusion_attendance_changed();
create trigger attendance_inclusion_changed after update on public.attendance
referencing old table as gone new table as changed
for each statement execute function private.inclusion_attendance_changed();
create trigger attendance_inclusion_gone after delete on public.attendance
referencing old table as gone
for each statement execute function private.inclusion_attendance_changed();

/**
 * A meetup moved in time: later, it raises the pairs of everyone who came; earlier, the pairs
 * whose latest shared meetup it was are worked out again. Moved to another group: all its pairs.
 */
create function private.inclusion_meetup_moved()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
	xs uuid[];
	ys uuid[];
	ats timestamptz[];
begin
	perform private.inclusion_lock_ties(array[old.group_id, new.group_id]);
	if new.group_id = old.group_id and new.starts_at > old.starts_at then
		select array_agg(a.member_id), array_agg(b.member_id), array_agg(new.starts_at)
		into xs, ys, ats
		from public.attendance a
		join public.group_members ma on ma.id = a.member_id and ma.group_id = new.group_id
		join public.attendance b on b.meetup_id = a.meetup_id and b.member_id > a.member_id
		where a.meetup_id = new.id;
		if xs is not null then
			perform private.inclusion_met_raise(xs, ys, ats);
		end if;
		return null;
	end if;
	select array_agg(a.member_id), array_agg(b.member_id) into xs, ys
	from public.attendance a
	join public.attendance b on b.meetup_id = a.meetup_id and b.member_id > a.member_id
	where a.meetup_id = new.id and (new.group_id <> old.group_id or exists (
		select 1
		from private.inclusion_people pa
		join private.inclusion_people pb on pb.member_id = b.member_id
			and pb.group_id = pa.group_id
		join private.inclusion_member_ties t on t.group_id = pa.group_id
			and t.lo = least(pa.number, pb.number) and t.hi = greatest(pa.number, pb.number)
		where pa.member_id = a.member_id and t.met_at = old.starts_at));
	if xs is not null then
		perform private.inclusion_met_again(xs, ys);
	end if;
	return null;
end;
$$;

create trigger meetups_inclusion_moved after update of starts_at, group_id on public.meetups
for each row when (old.starts_at is distinct from new.starts_at
	or old.group_id is distinct from new.group_id)
execute function private.inclusion_meetup_moved();

-- inclusion_backfill (20261201090000) rebuilt inclusion_items, _interactions and _ties; it is
-- kept under another name and now rebuilds inclusion_member_ties after them (from scratch: the
-- bench plants groups with triggers off).
alter function private.inclusion_backfill(uuid) rename to inclusion_backfill_summaries;

/** inclusion_member_ties of a group (every group: null) worked out from scratch. */
create function private.inclusion_member_ties_rebuild(target_group uuid default null)
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
	-- One group: after the triggers working on it. Every group: the migration, alone.
	perform private.inclusion_lock_ties(array[target_group]);
	delete from private.inclusion_member_ties t
	where target_group is null or t.group_id = target_group;

	create temporary table inclusion_pairs_all on commit drop as
	select t.group_id, ma.id as u, mb.id as v, t.last_at as talked_at, null::timestamptz as met_at
	from private.inclusion_ties t
	join public.group_members ma on ma.group_id = t.group_id and ma.user_id = t.a
	join public.group_members mb on mb.group_id = t.group_id and mb.user_id = t.b
	where target_group is null or t.group_id = target_group
	union all
	select mt.group_id, a1.member_id, a2.member_id, null, max(mt.starts_at)
	from public.meetups mt
	join public.attendance a1 on a1.meetup_id = mt.id
	join public.attendance a2 on a2.meetup_id = mt.id and a2.member_id > a1.member_id
	join public.group_members ma on ma.id = a1.member_id and ma.group_id = mt.group_id
	join public.group_members mb on mb.id = a2.member_id and mb.group_id = mt.group_id
	where target_group is null or mt.group_id = target_group
	group by mt.group_id, a1.member_id, a2.member_id;

	insert into private.inclusion_people (member_id, group_id, number)
	select n.id, n.group_id, coalesce((select max(p.number) from private.inclusion_people p
			where p.group_id = n.group_id), 0)
		+ row_number() over (partition by n.group_id order by n.id)
	from (
		select m.id, m.group_id from public.group_members m
		where m.id in (select p.u from inclusion_pairs_all p union select p.v from inclusion_pairs_all p)
			and not exists (select 1 from private.inclusion_people p where p.member_id = m.id)
	) n;

	insert into private.inclusion_member_ties (group_id, lo, hi, talked_at, met_at)
	select p.group_id, least(nu.number, nv.number), greatest(nu.number, nv.number),
		max(p.talked_at), max(p.met_at)
	from inclusion_pairs_all p
	join private.inclusion_people nu on nu.member_id = p.u
	join private.inclusion_people nv on nv.member_id = p.v
	group by p.group_id, least(nu.number, nv.number), greatest(nu.number, nv.number);

	drop table inclusion_pairs_all;
end;
$$;

create function private.inclusion_backfill(target_group uuid default null)
returns void
language sql
security definer
set search_path = ''
as $$
	select private.inclusion_backfill_summaries(target_group);
	select private.inclusion_member_ties_rebuild(target_group);
$$;

-- The signals read from the group's history, as in 20261203300000, with the ties read from
-- inclusion_member_ties: no pairs worked out from meetups, no members looked up by uuid per tie,
-- no repeats to take out. Who is active in the ties window, and who wrote in the quiet weeks, is
-- first read from the recent items (most members are there), not looked up member by member.
-- Same rows (compared row for row on the bench's groups of 5,000 and 50,000 posts).
create or replace function private.inclusion_history_signals(s public.inclusion_settings,
	only_member uuid)
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
		-- `place`: the member's number in the ties (none: no ties yet). `mine`: the member whose
		-- signals are asked for (everyone when none is), a column and not a condition on the
		-- parameter, so that the generic plan counts on as many subjects as before (planned for
		-- two, it read the recent items once per member: seconds).
		select m.id, m.user_id, m.role, m.signals_opt_out,
			m.role <> 'moderator' and not m.signals_opt_out and m.user_id is not null
				and (only_member is null or m.id = only_member) as subject,
			only_member is null or m.id = only_member as mine,
			p.number as place
		from public.group_members m
		left join private.inclusion_people p on p.group_id = s.group_id and p.member_id = m.id
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
			-- Each author looked up once (not again for the filter below).
			offset 0
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
		-- Who wrote in the quiet weeks is among the recent items when those reach back as far
		-- (the defaults: 21 and 30 days); otherwise each member is looked up by key.
		select sm.id, sm.user_id from subjects sm
		where sm.user_id not in (select i.author from recent i
				where i.created_at >= quiet_from and i.author is not null)
			and (quiet_from >= recent_from or not exists (select 1 from private.inclusion_items i
				where i.group_id = s.group_id and i.author = sm.user_id
					and i.created_at >= quiet_from))
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
		-- Group level: not for one member's own signals.
		where only_member is null
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
	ties as materialized (
		-- Each tie of the window, as the numbers of its two members (lo < hi), kept by triggers
		-- (20261204100200); those of members no longer active are taken out below, per member
		-- rather than per tie. A pair whose last meetup lies ahead, and who did not interact in
		-- the window, counts if they came to one of the window that has started.
		select t.lo, t.hi
		from private.inclusion_member_ties t
		where t.group_id = s.group_id and t.last_at >= ties_from
			and (t.last_at <= now() or t.talked_at >= ties_from or exists (
				select 1 from attended a1
				join members ma on ma.id = a1.member_id and ma.place = t.lo
				join attended a2 on a2.meetup_id = a1.meetup_id
				join members mb on mb.id = a2.member_id and mb.place = t.hi
				where a1.starts_at >= ties_from))
	), ends_lo as (
		select t.lo as place, array_agg(t.hi) as others from ties t group by t.lo
	), ends_hi as (
		select t.hi as place, array_agg(t.lo) as others from ties t group by t.hi
	), gone as materialized (
		-- The numbers of the group's people who are no longer active members.
		select coalesce(extensions.sort(array_agg(p.number)), '{}') as numbers
		from private.inclusion_people p
		where p.group_id = s.group_id
			and p.number not in (select m.place from members m where m.place is not null)
	), neighbours as materialized (
		-- Each active member with a tie to another and everyone they have one with, as a sorted
		-- array of numbers (each pair is kept once, so without repeats): the ties where they are
		-- the lower number and those where they are the higher (two small aggregates, not one
		-- of twice as many rows), without those who are gone (intarray's -).
		select x.place, x.others
		from (
			select coalesce(l.place, h.place) as place,
				extensions.sort(coalesce(l.others, '{}') || coalesce(h.others, '{}'))
					operator(extensions.-) g.numbers as others
			from ends_lo l full join ends_hi h on h.place = l.place
			cross join gone g
		) x
		where x.place in (select m.place from members m) and cardinality(x.others) > 0
	), degrees as materialized (
		-- Every member's number of ties, at their number (the others' numbers are all of
		-- active members).
		select array_agg(coalesce(cardinality(n.others), 0) order by g.place) as of_place
		from generate_series(1, (select max(m.place) from members m)) as g (place)
		left join neighbours n on n.place = g.place
	), attended_in_window as materialized (
		select a.member_id, min(a.starts_at) as first_at, max(a.starts_at) as last_at
		from attended a where a.starts_at >= ties_from
		group by a.member_id
	), active as materialized (
		-- Members who posted, answered, reacted or came in the window: who wrote among the
		-- recent items at once, the others looked up by key.
		select m.id, m.user_id, m.place, m.role, m.signals_opt_out, m.mine
		from members m
		where m.user_id is not null and (
			m.user_id in (select i.author from recent i
				where i.created_at >= ties_from and i.author is not null)
			or m.id in (select aw.member_id from attended_in_window aw)
			or m.user_id in (select u.author from unnamed u where u.ties_last_at is not null)
			or exists (select 1 from private.inclusion_items i
				where i.group_id = s.group_id and i.author = m.user_id
					and i.created_at >= ties_from)
			or exists (select 1 from public.reactions r
				where r.group_id = s.group_id and r.user_id = m.user_id
					and r.created_at >= ties_from))
	), isolated as (
		select 'isolated'::text as kind, ac.id as member, null::uuid as post,
			jsonb_build_object('last_active_at', greatest(
					(select max(i.created_at) from private.inclusion_items i
						where i.group_id = s.group_id and i.author = ac.user_id
							and i.created_at >= ties_from),
					(select max(r.created_at) from public.reactions r
						where r.group_id = s.group_id and r.user_id = ac.user_id
							and r.created_at >= ties_from),
					(select u.ties_last_at from unnamed u where u.author = ac.user_id),
					(select aw.last_at from attended_in_window aw where aw.member_id = ac.id)),
				'days', s.ties_window_days) as evidence,
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
			and ac.mine
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
			select sum(d.of_place[o]) as ends, sum(least(d.of_place[o], z.degree)) as capped
			from unnest(z.others) o
		) e
		where (e.ends + z.degree) * s.circle_inside_share <= (z.degree + 1) * z.degree
			and (e.ends + z.degree) * s.circle_inside_share <= e.capped + z.degree
	), candidates as materialized (
		-- Each set once (a member and everyone they have a tie with, as a sorted array of
		-- places), however many of its members it was found from.
		select distinct on (h.circle) h.center, h.circle
		from (
			select h.center, extensions.sort(h.others || h.center) as circle from hoods h
		) h
		order by h.circle, h.center
	), circles as materialized (
		-- The share of the tie ends of a set's members that stay inside it: each member's ties
		-- that are in the set are the places in both (intarray's & of two sorted arrays).
		select counted.inside,
			(select array_agg(m.id order by m.id) from members m
				where m.place = any (cd.circle)) as circle
		from (
			select cd.center,
				sum(extensions.icount(n.others operator(extensions.&) cd.circle))::numeric
					/ sum(cardinality(n.others)) as inside
			from candidates cd
			cross join lateral unnest(cd.circle) as x(place)
			join neighbours n on n.place = x.place
			group by cd.center
		) counted
		join candidates cd on cd.center = counted.center
		where counted.inside >= s.circle_inside_share
	), closed as (
		select distinct on (m.id) m.id as member, c.circle, c.inside
		from circles c
		cross join lateral unnest(c.circle) as x(member)
		join members m on m.id = x.member
		where m.role <> 'moderator' and not m.signals_opt_out and m.mine
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

revoke execute on function private.inclusion_lock_ties(uuid[], boolean),
	private.inclusion_numbers(uuid[]), private.inclusion_met_raise(uuid[], uuid[], timestamptz[]),
	private.inclusion_met_again(uuid[], uuid[]), private.inclusion_met_many(),
	private.inclusion_talked(uuid, uuid, uuid, timestamptz), private.inclusion_tie_changed(),
	private.inclusion_attendance_changed(),
	private.inclusion_meetup_moved(), private.inclusion_backfill_summaries(uuid),
	private.inclusion_member_ties_rebuild(uuid), private.inclusion_backfill(uuid)
	from public, anon, authenticated;

select private.inclusion_member_ties_rebuild();
