-- Inclusion signals (issue 11): who is being left out of a group, for that group's moderators
-- only. Per-group thresholds, signals a moderator marked as handled, and a member's opt-out.
-- What counts as a contribution: a post or an answer that is neither deleted nor hidden. A
-- deleted item is gone for everyone, so no one could answer it; a hidden one was judged harmful
-- by the moderators, so it does not make its author look active, and a hidden answer does not
-- count as someone having been answered (a hurtful answer is not an answer). Reactions on such
-- items do not count either. Anonymous posts and answers count for their real author.

-- Every window and threshold of the signals, one row per group (made with the group).
create table public.inclusion_settings (
	group_id uuid primary key references public.groups (id) on delete cascade,
	unanswered_window_days integer not null default 30 check (unanswered_window_days between 1 and 365),
	unanswered_after_hours integer not null default 24 check (unanswered_after_hours between 1 and 720),
	not_reached_window_days integer not null default 30 check (not_reached_window_days between 1 and 365),
	not_reached_min_items integer not null default 2 check (not_reached_min_items between 1 and 100),
	newcomer_window_days integer not null default 30 check (newcomer_window_days between 1 and 365),
	newcomer_after_days integer not null default 3 check (newcomer_after_days between 0 and 60),
	fading_quiet_days integer not null default 21 check (fading_quiet_days between 1 and 365),
	fading_before_days integer not null default 60 check (fading_before_days between 1 and 365),
	fading_min_items integer not null default 4 check (fading_min_items between 1 and 100),
	fading_missed_in_series integer not null default 3 check (fading_missed_in_series between 1 and 20),
	fading_series_min_attended integer not null default 3 check (fading_series_min_attended between 1 and 100),
	dominance_window_days integer not null default 30 check (dominance_window_days between 1 and 365),
	dominance_top_fraction numeric not null default 0.2 check (dominance_top_fraction > 0 and dominance_top_fraction < 1),
	dominance_share numeric not null default 0.6 check (dominance_share > 0 and dominance_share < 1),
	-- Not in the issue: a month with a handful of posts says nothing about who fills the room.
	dominance_min_contributions integer not null default 10 check (dominance_min_contributions between 1 and 10000),
	ties_window_days integer not null default 60 check (ties_window_days between 1 and 365),
	circle_min_size integer not null default 3 check (circle_min_size between 2 and 100),
	circle_max_fraction numeric not null default 0.3334 check (circle_max_fraction > 0 and circle_max_fraction < 1),
	circle_inside_share numeric not null default 0.8 check (circle_inside_share > 0 and circle_inside_share <= 1),
	first_timer_min_days integer not null default 28 check (first_timer_min_days between 1 and 365),
	first_timer_max_days integer not null default 56 check (first_timer_max_days between 1 and 365),
	needs_window_days integer not null default 90 check (needs_window_days between 1 and 365),
	needs_min_missed integer not null default 2 check (needs_min_missed between 1 and 50),
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	check (first_timer_min_days <= first_timer_max_days)
);

-- A signal a moderator marked as handled, at the fingerprint its evidence had then: while the
-- signal's fingerprint stays the same it reads as handled; when the evidence changes (a new
-- unanswered post, a new missed meetup) it comes back.
create table public.inclusion_signal_handled (
	id uuid primary key default gen_random_uuid(),
	group_id uuid not null references public.groups (id) on delete cascade,
	kind text not null check (kind in ('unanswered_post', 'not_reached', 'newcomer_not_welcomed',
		'fading', 'dominance', 'isolated', 'closed_circle', 'first_timer_not_returned',
		'needs_not_met')),
	member_id uuid references public.group_members (id) on delete cascade,
	post_id uuid references public.posts (id) on delete cascade,
	fingerprint text not null,
	note text check (char_length(note) <= 1000),
	handled_by uuid references auth.users (id) on delete set null,
	handled_at timestamptz not null default now(),
	created_at timestamptz not null default now(),
	constraint inclusion_signal_handled_once
		unique nulls not distinct (group_id, kind, member_id, post_id)
);
create index inclusion_signal_handled_member_id_idx on public.inclusion_signal_handled (member_id);
create index inclusion_signal_handled_post_id_idx on public.inclusion_signal_handled (post_id);
create index inclusion_signal_handled_handled_by_idx on public.inclusion_signal_handled (handled_by);

-- Only through the functions below: no API role reads or writes these tables.
alter table public.inclusion_settings enable row level security;
alter table public.inclusion_signal_handled enable row level security;
revoke all on public.inclusion_settings, public.inclusion_signal_handled
	from anon, authenticated;
create policy "no one reads inclusion settings through the API"
	on public.inclusion_settings for select to authenticated using (false);
create policy "no one reads handled signals through the API"
	on public.inclusion_signal_handled for select to authenticated using (false);

-- A member who opted out counts in group figures only (dominance), never in a person-level
-- signal. Not granted: the member changes it through set_signals_opt_out.
alter table public.group_members add column signals_opt_out boolean not null default false;

-- The windows read reactions of one group by time.
create index reactions_group_created_idx on public.reactions (group_id, created_at);

insert into public.inclusion_settings (group_id) select id from public.groups;

create function private.add_inclusion_settings() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
	insert into public.inclusion_settings (group_id) values (new.id) on conflict do nothing;
	return new;
end;
$$;
create trigger groups_add_inclusion_settings after insert on public.groups
	for each row execute function private.add_inclusion_settings();

-- All open signals of a group with the fingerprint each is handled at; one statement per kind.
-- Person-level signals are about active members who are not moderators (moderators are who the
-- signals are for) and did not opt out.
create function private.inclusion_signal_rows(target_group uuid)
returns table (kind text, member uuid, post uuid, evidence jsonb, since timestamptz,
	fingerprint text)
language plpgsql stable set search_path = '' as $$
#variable_conflict use_column
declare
	s public.inclusion_settings;
	day constant interval := interval '1 day';
begin
	select * into s from public.inclusion_settings where group_id = target_group;
	if not found then return; end if;

	-- 1. A recent post, older than a day, that no one but its author answered or reacted to.
	return query
	with subjects as (
		select m.id, m.user_id from public.group_members m
		where m.group_id = target_group and m.status = 'active' and m.role <> 'moderator'
			and not m.signals_opt_out and m.user_id is not null
	)
	select 'unanswered_post'::text, sm.id, p.id,
		jsonb_build_object('posted_at', p.created_at, 'post_kind', p.kind,
			'anonymous', p.anonymous),
		p.created_at, ''::text
	from public.posts p
	left join public.post_authors pa on pa.post_id = p.id
	join subjects sm on sm.user_id = coalesce(p.author_id, pa.author_id)
	where p.group_id = target_group
		and p.created_at >= now() - s.unanswered_window_days * day
		and p.created_at < now() - s.unanswered_after_hours * interval '1 hour'
		and p.deleted_at is null and p.hidden_at is null
		and not exists (
			select 1 from public.comments c
			left join public.comment_authors ca on ca.comment_id = c.id
			where c.post_id = p.id and c.deleted_at is null and c.hidden_at is null
				and coalesce(c.author_id, ca.author_id) <> sm.user_id)
		and not exists (
			select 1 from public.reactions r
			where r.post_id = p.id and r.user_id is distinct from sm.user_id);

	-- 2. Wrote at least twice lately and no one answered or reacted to any of it. An answer is
	-- answered by a reaction to it or a later answer under the same post from someone else.
	return query
	with subjects as (
		select m.id, m.user_id from public.group_members m
		where m.group_id = target_group and m.status = 'active' and m.role <> 'moderator'
			and not m.signals_opt_out and m.user_id is not null
	), written as (
		select sm.id as member, 'post' as what, p.created_at,
			exists (
				select 1 from public.comments c
				left join public.comment_authors ca on ca.comment_id = c.id
				where c.post_id = p.id and c.deleted_at is null and c.hidden_at is null
					and coalesce(c.author_id, ca.author_id) <> sm.user_id)
			or exists (
				select 1 from public.reactions r
				where r.post_id = p.id and r.user_id is distinct from sm.user_id) as reached
		from public.posts p
		left join public.post_authors pa on pa.post_id = p.id
		join subjects sm on sm.user_id = coalesce(p.author_id, pa.author_id)
		where p.group_id = target_group and p.created_at >= now() - s.not_reached_window_days * day
			and p.deleted_at is null and p.hidden_at is null
		union all
		select sm.id, 'answer', c.created_at,
			exists (
				select 1 from public.comments later
				left join public.comment_authors la on la.comment_id = later.id
				where later.post_id = c.post_id and later.created_at > c.created_at
					and later.deleted_at is null and later.hidden_at is null
					and coalesce(later.author_id, la.author_id) <> sm.user_id)
			or exists (
				select 1 from public.reactions r
				where r.comment_id = c.id and r.user_id is distinct from sm.user_id)
		from public.comments c
		join public.posts p on p.id = c.post_id and p.deleted_at is null and p.hidden_at is null
		left join public.comment_authors ca on ca.comment_id = c.id
		join subjects sm on sm.user_id = coalesce(c.author_id, ca.author_id)
		where c.group_id = target_group and c.created_at >= now() - s.not_reached_window_days * day
			and c.deleted_at is null and c.hidden_at is null
	)
	select 'not_reached'::text, w.member, null::uuid,
		jsonb_build_object('posts', count(*) filter (where w.what = 'post'),
			'answers', count(*) filter (where w.what = 'answer'),
			'days', s.not_reached_window_days, 'last_at', max(w.created_at)),
		min(w.created_at), max(w.created_at)::text
	from written w
	group by w.member
	having count(*) >= s.not_reached_min_items and not bool_or(w.reached);

	-- 3. Joined lately and no one answered, reacted or wrote to them yet. (No buddy: there is
	-- no buddy yet; a buddied newcomer will stop being this signal when there is.)
	return query
	select 'newcomer_not_welcomed'::text, m.id, null::uuid,
		jsonb_build_object('joined_at', m.joined_at,
			'posts', (select count(*) from public.post_authors pa
				join public.posts p on p.id = pa.post_id
				where pa.author_id = m.user_id and p.group_id = target_group
					and p.deleted_at is null and p.hidden_at is null)),
		m.joined_at + s.newcomer_after_days * day, ''::text
	from public.group_members m
	where m.group_id = target_group and m.status = 'active' and m.role <> 'moderator'
		and not m.signals_opt_out and m.user_id is not null
		and m.joined_at > now() - s.newcomer_window_days * day
		and m.joined_at <= now() - s.newcomer_after_days * day
		and not exists (
			select 1 from public.post_authors pa
			join public.posts p on p.id = pa.post_id and p.group_id = target_group
			join public.comments c on c.post_id = p.id and c.deleted_at is null
				and c.hidden_at is null
			left join public.comment_authors ca on ca.comment_id = c.id
			where pa.author_id = m.user_id
				and coalesce(c.author_id, ca.author_id) <> m.user_id)
		and not exists (
			select 1 from public.post_authors pa
			join public.posts p on p.id = pa.post_id and p.group_id = target_group
			join public.reactions r on r.post_id = p.id
			where pa.author_id = m.user_id and r.user_id is distinct from m.user_id)
		and not exists (
			select 1 from public.comment_authors ca
			join public.comments c on c.id = ca.comment_id and c.group_id = target_group
			join public.reactions r on r.comment_id = c.id
			where ca.author_id = m.user_id and r.user_id is distinct from m.user_id)
		and not exists (
			select 1 from public.moderation_threads t
			where t.member_id = m.id and t.kind = 'from_moderators');

	-- 4. Was active before and went quiet; or stopped coming to a series they came to. Missed
	-- meetups count only where attendance was checked in (otherwise everyone "missed" it).
	return query
	with subjects as (
		select m.id, m.user_id from public.group_members m
		where m.group_id = target_group and m.status = 'active' and m.role <> 'moderator'
			and not m.signals_opt_out and m.user_id is not null
	), acts as (
		select sm.id as member, p.created_at as at
		from public.posts p
		left join public.post_authors pa on pa.post_id = p.id
		join subjects sm on sm.user_id = coalesce(p.author_id, pa.author_id)
		where p.group_id = target_group
			and p.created_at >= now() - (s.fading_quiet_days + s.fading_before_days) * day
			and p.deleted_at is null and p.hidden_at is null
		union all
		select sm.id, c.created_at
		from public.comments c
		left join public.comment_authors ca on ca.comment_id = c.id
		join subjects sm on sm.user_id = coalesce(c.author_id, ca.author_id)
		where c.group_id = target_group
			and c.created_at >= now() - (s.fading_quiet_days + s.fading_before_days) * day
			and c.deleted_at is null and c.hidden_at is null
		union all
		select a.member_id, mt.starts_at
		from public.meetups mt
		join public.attendance a on a.meetup_id = mt.id
		where mt.group_id = target_group and mt.starts_at <= now()
			and mt.starts_at >= now() - (s.fading_quiet_days + s.fading_before_days) * day
	), quiet as (
		select a.member, count(*) as earlier, max(a.at) as last_active_at
		from acts a join subjects sm on sm.id = a.member
		group by a.member
		having count(*) filter (where a.at < now() - s.fading_quiet_days * day)
				>= s.fading_min_items
			and count(*) filter (where a.at >= now() - s.fading_quiet_days * day) = 0
	), occurrences as (
		select mt.id, mt.series_id, mt.starts_at,
			row_number() over (partition by mt.series_id order by mt.starts_at desc) as back
		from public.meetups mt
		where mt.group_id = target_group and mt.series_id is not null and mt.starts_at <= now()
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
	)
	select distinct on (b.member) 'fading'::text, b.member, null::uuid, b.evidence, b.since,
		b.fingerprint
	from both_ways b
	order by b.member, b.how;

	-- 5. Group level: the most active fifth wrote most of what was written. Every active member
	-- counts, also those who wrote nothing (they are the point) and those who opted out.
	return query
	with members as (
		select m.user_id from public.group_members m
		where m.group_id = target_group and m.status = 'active'
	), written as (
		select coalesce(p.author_id, pa.author_id) as author
		from public.posts p left join public.post_authors pa on pa.post_id = p.id
		where p.group_id = target_group and p.created_at >= now() - s.dominance_window_days * day
			and p.deleted_at is null and p.hidden_at is null
		union all
		select coalesce(c.author_id, ca.author_id)
		from public.comments c left join public.comment_authors ca on ca.comment_id = c.id
		where c.group_id = target_group and c.created_at >= now() - s.dominance_window_days * day
			and c.deleted_at is null and c.hidden_at is null
	), per_author as (
		select w.author, count(*) as n from written w group by w.author
	), counts as (
		select coalesce(pa.n, 0)::numeric as n,
			row_number() over (order by coalesce(pa.n, 0) desc) as from_top,
			row_number() over (order by coalesce(pa.n, 0)) as from_bottom
		from members m left join per_author pa on pa.author = m.user_id
	), figures as (
		select count(*) as members, sum(c.n) as total,
			ceil(count(*) * s.dominance_top_fraction) as top
		from counts c
	), shares as (
		select f.members, f.total, f.top,
			(select sum(c.n) from counts c where c.from_top <= f.top) / f.total as share,
			2 * (select sum(c.from_bottom * c.n) from counts c) / (f.members * f.total)
				- (f.members + 1)::numeric / f.members as gini
		from figures f
		where f.total > 0 and f.total >= s.dominance_min_contributions
	)
	select 'dominance'::text, null::uuid, null::uuid,
		jsonb_build_object('share', round(sh.share, 3), 'gini', round(sh.gini, 3),
			'top_members', sh.top, 'members', sh.members, 'contributions', sh.total,
			'days', s.dominance_window_days),
		now() - s.dominance_window_days * day, floor(sh.share * 10)::text
	from shares sh
	where sh.share > s.dominance_share;

	-- 6 and 7. Ties: a pair of active members with an answer or a reaction between them, or a
	-- meetup both came to, in the window.
	return query
	with members as (
		select m.id, m.user_id, m.role, m.signals_opt_out from public.group_members m
		where m.group_id = target_group and m.status = 'active'
	), authored as (
		select p.id as post, null::uuid as comment, coalesce(p.author_id, pa.author_id) as author
		from public.posts p left join public.post_authors pa on pa.post_id = p.id
		where p.group_id = target_group and p.deleted_at is null and p.hidden_at is null
			and p.id in (
				select c.post_id from public.comments c
				where c.group_id = target_group and c.created_at >= now() - s.ties_window_days * day
				union
				select r.post_id from public.reactions r
				where r.group_id = target_group and r.created_at >= now() - s.ties_window_days * day)
	), pairs as (
		select coalesce(c.author_id, ca.author_id) as a, au.author as b
		from public.comments c
		left join public.comment_authors ca on ca.comment_id = c.id
		join authored au on au.post = c.post_id
		where c.group_id = target_group and c.created_at >= now() - s.ties_window_days * day
			and c.deleted_at is null and c.hidden_at is null
		union
		select r.user_id, au.author
		from public.reactions r join authored au on au.post = r.post_id
		where r.group_id = target_group and r.created_at >= now() - s.ties_window_days * day
		union
		select r.user_id, coalesce(c.author_id, ca.author_id)
		from public.reactions r
		join public.comments c on c.id = r.comment_id and c.deleted_at is null
			and c.hidden_at is null
		join public.posts p on p.id = c.post_id and p.deleted_at is null and p.hidden_at is null
		left join public.comment_authors ca on ca.comment_id = c.id
		where r.group_id = target_group and r.created_at >= now() - s.ties_window_days * day
			and r.comment_id is not null
	), member_pairs as (
		select ma.id as a, mb.id as b
		from pairs pr
		join members ma on ma.user_id = pr.a
		join members mb on mb.user_id = pr.b
		where ma.id <> mb.id
		union
		select a1.member_id, a2.member_id
		from public.meetups mt
		join public.attendance a1 on a1.meetup_id = mt.id
		join public.attendance a2 on a2.meetup_id = mt.id and a2.member_id <> a1.member_id
		where mt.group_id = target_group and mt.starts_at <= now()
			and mt.starts_at >= now() - s.ties_window_days * day
	), ties as (
		select distinct least(mp.a, mp.b) as a, greatest(mp.a, mp.b) as b
		from member_pairs mp
		join members ma on ma.id = mp.a
		join members mb on mb.id = mp.b
	), around as (
		select t.a as member, t.b as other from ties t
		union all
		select t.b, t.a from ties t
	), activity as (
		select coalesce(p.author_id, pa.author_id) as user_id, p.created_at as at
		from public.posts p left join public.post_authors pa on pa.post_id = p.id
		where p.group_id = target_group and p.created_at >= now() - s.ties_window_days * day
			and p.deleted_at is null and p.hidden_at is null
		union all
		select coalesce(c.author_id, ca.author_id), c.created_at
		from public.comments c left join public.comment_authors ca on ca.comment_id = c.id
		where c.group_id = target_group and c.created_at >= now() - s.ties_window_days * day
			and c.deleted_at is null and c.hidden_at is null
		union all
		select r.user_id, r.created_at from public.reactions r
		where r.group_id = target_group and r.created_at >= now() - s.ties_window_days * day
		union all
		select m.user_id, mt.starts_at
		from public.meetups mt
		join public.attendance a on a.meetup_id = mt.id
		join members m on m.id = a.member_id
		where mt.group_id = target_group and mt.starts_at <= now()
			and mt.starts_at >= now() - s.ties_window_days * day
	), active as (
		select m.id, m.role, m.signals_opt_out, min(ac.at) as first_at, max(ac.at) as last_at
		from activity ac join members m on m.user_id = ac.user_id
		group by m.id, m.role, m.signals_opt_out
	), degrees as (
		select ar.member, count(*) as degree from around ar group by ar.member
	), isolated as (
		select 'isolated'::text as kind, ac.id as member,
			jsonb_build_object('last_active_at', ac.last_at, 'days', s.ties_window_days)
				as evidence,
			ac.first_at as since, ''::text as fingerprint
		from active ac
		where ac.role <> 'moderator' and not ac.signals_opt_out
			and not exists (select 1 from degrees d where d.member = ac.id)
	), hoods as (
		-- A member and everyone they have a tie with: a circle is found from any of its
		-- members whose ties all stay inside it. `ends` counts the ties of its members.
		select x.center, array_agg(x.m order by x.m) as circle, sum(dx.degree) as ends
		from (
			select ar.member as center, ar.other as m from around ar
			union all
			select d.member, d.member from degrees d
		) x
		join degrees dc on dc.member = x.center
		join degrees dx on dx.member = x.m
		where dc.degree + 1 >= s.circle_min_size
			and dc.degree + 1 <= (select count(*) from active) * s.circle_max_fraction
		group by x.center
	), candidates as (
		-- At most |S|·(|S|−1) tie ends can be inside S: the rest cannot reach the share.
		select row_number() over () as id, c.circle, c.ends
		from (select distinct h.circle, h.ends from hoods h
			where h.ends * s.circle_inside_share
				<= cardinality(h.circle) * (cardinality(h.circle) - 1)) c
		where cardinality(c.circle) < (select count(*) from active)
	), candidate_members as (
		select cd.id, x.member from candidates cd cross join lateral unnest(cd.circle) as x(member)
	), circles as (
		-- Joins and groups by a number, not by the array: hashing arrays was most of the time.
		select cd.circle, inside.share as inside
		from (
			select cm.id, count(im.member)::numeric as inside_ends
			from candidate_members cm
			join around ar on ar.member = cm.member
			left join candidate_members im on im.id = cm.id and im.member = ar.other
			group by cm.id
		) counted
		join candidates cd on cd.id = counted.id
		cross join lateral (select counted.inside_ends / cd.ends as share) inside
	), closed as (
		select distinct on (m.id) m.id as member, c.circle, c.inside
		from circles c
		join members m on m.id = any (c.circle)
		where c.inside >= s.circle_inside_share and m.role <> 'moderator'
			and not m.signals_opt_out
		order by m.id, cardinality(c.circle) desc, c.circle
	)
	select i.kind, i.member, null::uuid, i.evidence, i.since, i.fingerprint from isolated i
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

	-- 8. Came to a meetup for the first time a month or two ago, and to none of the group's
	-- meetups since (of those where attendance was checked in).
	return query
	with subjects as (
		select m.id from public.group_members m
		where m.group_id = target_group and m.status = 'active' and m.role <> 'moderator'
			and not m.signals_opt_out
	), firsts as (
		select distinct on (a.member_id) a.member_id as member, mt.id as meetup, mt.starts_at
		from public.meetups mt
		join public.attendance a on a.meetup_id = mt.id
		join subjects sm on sm.id = a.member_id
		where mt.group_id = target_group and mt.starts_at <= now()
		order by a.member_id, mt.starts_at
	)
	select 'first_timer_not_returned'::text, f.member, null::uuid,
		jsonb_build_object('meetup', f.meetup, 'first_at', f.starts_at,
			'meetups_since', (select count(*) from public.meetups later
				where later.group_id = target_group and later.starts_at > f.starts_at
					and later.starts_at <= now() and later.status = 'scheduled'
					and exists (select 1 from public.attendance a where a.meetup_id = later.id))),
		f.starts_at, f.meetup::text
	from firsts f
	where f.starts_at >= now() - s.first_timer_max_days * day
		and f.starts_at <= now() - s.first_timer_min_days * day
		and not exists (
			select 1 from public.meetups later
			join public.attendance a on a.meetup_id = later.id
			where later.group_id = target_group and later.starts_at > f.starts_at
				and a.member_id = f.member)
		and exists (
			select 1 from public.meetups later
			where later.group_id = target_group and later.starts_at > f.starts_at
				and later.starts_at <= now() and later.status = 'scheduled'
				and exists (select 1 from public.attendance a where a.meetup_id = later.id));

	-- 9. Said they were coming and needed childcare, transport or that the cost is a problem,
	-- then did not come, more than once lately. Only which kinds of need: never the note.
	return query
	select 'needs_not_met'::text, r.member_id, null::uuid,
		jsonb_build_object('missed', count(*),
			'childcare', bool_or(r.childcare_children > 0),
			'transport', bool_or(r.transport_help),
			'cost', bool_or(r.cost_is_a_problem),
			'last_missed_at', max(mt.starts_at), 'days', s.needs_window_days),
		min(mt.starts_at), max(mt.starts_at)::text
	from public.meetups mt
	join public.rsvps r on r.meetup_id = mt.id
	join public.group_members m on m.id = r.member_id
	where mt.group_id = target_group and mt.status = 'scheduled' and mt.starts_at <= now()
		and mt.starts_at >= now() - s.needs_window_days * day
		and m.status = 'active' and m.role <> 'moderator' and not m.signals_opt_out
		and r.status = 'going'
		and (r.childcare_children > 0 or r.transport_help or r.cost_is_a_problem)
		and exists (select 1 from public.attendance a where a.meetup_id = mt.id)
		and not exists (
			select 1 from public.attendance a where a.meetup_id = mt.id and a.member_id = r.member_id)
	group by r.member_id
	having count(*) >= s.needs_min_missed;
end;
$$;

-- The open signals, for the group's moderators only; everyone else gets no rows (the same
-- answer for a group that does not exist, so it says nothing about other groups).
create function public.inclusion_signals(target_group uuid)
returns table (kind text, member uuid, post uuid, evidence jsonb, since timestamptz,
	handled boolean)
language plpgsql stable security definer set search_path = '' as $$
#variable_conflict use_column
begin
	if not private.is_moderator(target_group) then return; end if;
	return query
	select sr.kind, sr.member, sr.post, sr.evidence, sr.since,
		exists (
			select 1 from public.inclusion_signal_handled h
			where h.group_id = target_group and h.kind = sr.kind
				and h.member_id is not distinct from sr.member
				and h.post_id is not distinct from sr.post
				and h.fingerprint = sr.fingerprint)
	from private.inclusion_signal_rows(target_group) sr;
end;
$$;
grant execute on function public.inclusion_signals(uuid) to authenticated, service_role;

-- Marks an open signal handled at its evidence now, with a private note; returns its id.
create function public.mark_signal_handled(target_group uuid, kind text, member uuid default null,
	post uuid default null, note text default null)
returns uuid
language plpgsql volatile security definer set search_path = '' as $$
#variable_conflict use_variable
declare
	open_fingerprint text;
	words text := nullif(btrim(note), '');
	handled uuid;
begin
	if not private.is_moderator(target_group) then raise exception 'not_allowed'; end if;
	if char_length(words) > 1000 then raise exception 'note_invalid'; end if;
	select sr.fingerprint into open_fingerprint
	from private.inclusion_signal_rows(target_group) sr
	where sr.kind = mark_signal_handled.kind
		and sr.member is not distinct from mark_signal_handled.member
		and sr.post is not distinct from mark_signal_handled.post
	limit 1;
	if open_fingerprint is null then raise exception 'signal_not_found'; end if;
	insert into public.inclusion_signal_handled (group_id, kind, member_id, post_id, fingerprint,
		note, handled_by)
	values (target_group, mark_signal_handled.kind, mark_signal_handled.member,
		mark_signal_handled.post, open_fingerprint, words, (select auth.uid()))
	on conflict on constraint inclusion_signal_handled_once do update
		set fingerprint = excluded.fingerprint, note = excluded.note,
			handled_by = excluded.handled_by, handled_at = now()
	returning id into handled;
	return handled;
end;
$$;
grant execute on function public.mark_signal_handled(uuid, text, uuid, uuid, text)
	to authenticated, service_role;

-- The group's thresholds, for its moderators (null for everyone else).
create function public.inclusion_settings_of(target_group uuid)
returns jsonb
language plpgsql stable security definer set search_path = '' as $$
begin
	if not private.is_moderator(target_group) then return null; end if;
	return (select to_jsonb(st) - 'group_id' - 'created_at' from public.inclusion_settings st
		where st.group_id = target_group);
end;
$$;
grant execute on function public.inclusion_settings_of(uuid) to authenticated, service_role;

-- Changes the thresholds named in `settings` (others stay); returns them all.
create function public.update_inclusion_settings(target_group uuid, settings jsonb)
returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
declare
	current_row public.inclusion_settings;
	changed public.inclusion_settings;
begin
	if not private.is_moderator(target_group) then raise exception 'not_allowed'; end if;
	if jsonb_typeof(settings) <> 'object' or settings ?| array['group_id', 'created_at',
		'updated_at'] then
		raise exception 'settings_invalid';
	end if;
	select * into current_row from public.inclusion_settings where group_id = target_group
		for update;
	begin
		changed := jsonb_populate_record(current_row, settings);
	exception when invalid_text_representation or numeric_value_out_of_range
		or invalid_parameter_value or datatype_mismatch then
		raise exception 'settings_invalid';
	end;
	if exists (select 1 from jsonb_each(settings) e
		where e.value = 'null'::jsonb or not (to_jsonb(current_row) ? e.key)) then
		raise exception 'settings_invalid';
	end if;
	begin
		update public.inclusion_settings st set
			unanswered_window_days = changed.unanswered_window_days,
			unanswered_after_hours = changed.unanswered_after_hours,
			not_reached_window_days = changed.not_reached_window_days,
			not_reached_min_items = changed.not_reached_min_items,
			newcomer_window_days = changed.newcomer_window_days,
			newcomer_after_days = changed.newcomer_after_days,
			fading_quiet_days = changed.fading_quiet_days,
			fading_before_days = changed.fading_before_days,
			fading_min_items = changed.fading_min_items,
			fading_missed_in_series = changed.fading_missed_in_series,
			fading_series_min_attended = changed.fading_series_min_attended,
			dominance_window_days = changed.dominance_window_days,
			dominance_top_fraction = changed.dominance_top_fraction,
			dominance_share = changed.dominance_share,
			dominance_min_contributions = changed.dominance_min_contributions,
			ties_window_days = changed.ties_window_days,
			circle_min_size = changed.circle_min_size,
			circle_max_fraction = changed.circle_max_fraction,
			circle_inside_share = changed.circle_inside_share,
			first_timer_min_days = changed.first_timer_min_days,
			first_timer_max_days = changed.first_timer_max_days,
			needs_window_days = changed.needs_window_days,
			needs_min_missed = changed.needs_min_missed,
			updated_at = now()
		where st.group_id = target_group;
	exception when check_violation then
		raise exception 'settings_invalid';
	end;
	return public.inclusion_settings_of(target_group);
end;
$$;
grant execute on function public.update_inclusion_settings(uuid, jsonb)
	to authenticated, service_role;

-- A member's own choice to stay out of person-level signals; returns it.
create function public.set_signals_opt_out(target_group uuid, opt_out boolean)
returns boolean
language plpgsql volatile security definer set search_path = '' as $$
declare
	changed boolean;
begin
	update public.group_members m set signals_opt_out = coalesce(opt_out, false)
	where m.group_id = target_group and m.user_id = (select auth.uid()) and m.status = 'active'
	returning m.signals_opt_out into changed;
	if not found then raise exception 'not_allowed'; end if;
	return changed;
end;
$$;
grant execute on function public.set_signals_opt_out(uuid, boolean) to authenticated, service_role;
