-- Issue 11: the ties of the inclusion signals (isolated, closed_circle) worked out with less.
-- - The pairs met at a meetup are no longer looked up in inclusion_ties one by one (about 4,700
--   lookups by key per call in a group of 500 members with weekly meetups): the pairs of
--   inclusion_ties and those of the meetups are taken together, and each member's ties made one
--   sorted array without repeats (intarray's sort and uniq).
-- - A candidate circle is a sorted array of places, and the tie ends of its members inside it
--   are counted by intersecting sorted arrays (intarray's &), no longer by building a bit string
--   of every tie of every member of every candidate (one set_bit per tie end).
-- Same rows as 20261202110000 (compared row for row, evidence included, on the bench's groups
-- of 5,000 and 50,000 posts; tests/db/inclusion-*.test.ts unchanged).

create extension if not exists intarray with schema extensions;

-- The signals read from the group's history, as in 20261202110000, with the ties as above.
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
		-- `place`: the member's bit in the bit strings of ties below. `mine`: the member whose
		-- signals are asked for (everyone when none is), a column and not a condition on the
		-- parameter, so that the generic plan counts on as many subjects as before (planned for
		-- two, it read the recent items once per member: seconds).
		select m.id, m.user_id, m.role, m.signals_opt_out,
			m.role <> 'moderator' and not m.signals_opt_out and m.user_id is not null
				and (only_member is null or m.id = only_member) as subject,
			only_member is null or m.id = only_member as mine,
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
	pairs as (
		-- Each tie as the places of its two members, lowest first: the pairs of inclusion_ties
		-- (unique already), and the pairs of every meetup of the window both came to (a pair
		-- tied twice is made one in `neighbours`; no longer looked up in inclusion_ties one by
		-- one). Meetups pair members in the order of their ids, the order of their places.
		select least(ma.place, mb.place) as lo, greatest(ma.place, mb.place) as hi
		from private.inclusion_ties t
		join members ma on ma.user_id = t.a
		join members mb on mb.user_id = t.b
		where t.group_id = s.group_id and t.last_at >= ties_from
		union all
		select ma.place, mb.place
		from attended a1
		join attended a2 on a2.meetup_id = a1.meetup_id and a2.member_id > a1.member_id
		join members ma on ma.id = a1.member_id
		join members mb on mb.id = a2.member_id
		where a1.starts_at >= ties_from
	), neighbours as materialized (
		-- Each member with a tie and everyone they have one with, as a sorted array of places
		-- without repeats (intarray's sort and uniq).
		select e.place, extensions.uniq(extensions.sort(array_agg(e.other))) as others
		from (
			select p.lo as place, p.hi as other from pairs p
			union all
			select p.hi, p.lo from pairs p
		) e
		group by e.place
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
			select m.id, m.user_id, m.place, m.role, m.signals_opt_out, m.mine, greatest(
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
			select sum(d.of_place[o + 1]) as ends,
				sum(least(d.of_place[o + 1], z.degree)) as capped
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
