-- Inclusion signals (issue 11) within the issue's budget: all signals of a group of 500 members
-- with 50,000 posts in well under 100 ms (3–5 s before). Same rules, same rows; what changed is
-- how the history is read:
-- - The posts and answers of the widest window, and the reactions of the windows that need them,
--   are read once per call (by the group's time indexes) and shared by every kind, instead of
--   once per kind.
-- - An anonymous item's real author is looked up by key for that item only; the author of an
--   older post or answer a recent reaction or answer points at, likewise. Before, every kind
--   hashed the whole of post_authors and comment_authors (they have no group).
-- - "Answered" and "reacted to by someone else" are worked out once, by joins, for every item.
-- - A closed circle's inside share is counted with bit strings: each active member's ties are one
--   bit string over the group's active members, so the ties inside a candidate set are the bits
--   of (ties & set), counted without joining tie lists.
-- It relies on what cannot be otherwise: an answer or a reaction comes after what it answers.
-- Also: a newcomer with a buddy (accepted, both still in the group) is not "not welcomed".

-- The signals read from the group's recent history (posts, answers, reactions, meetups): one
-- statement, so that each window is read once. Its parts are joined by hashing: the planner
-- cannot know how many members a circle has or how many ties there are, and a nested loop over
-- such a part, planned for one row, reads another part once per row (seconds).
create or replace function private.inclusion_history_signals(s public.inclusion_settings)
returns table (kind text, member uuid, post uuid, evidence jsonb, since timestamptz,
	fingerprint text)
language plpgsql stable set search_path = '' set enable_nestloop = off
	set plan_cache_mode = force_generic_plan set work_mem = '64MB' as $$
#variable_conflict use_column
declare
	day constant interval := interval '1 day';
	-- The widest windows any kind reads posts and answers in, and reactions in.
	items_from constant timestamptz := now() - greatest(s.unanswered_window_days,
		s.not_reached_window_days, s.fading_quiet_days + s.fading_before_days,
		s.dominance_window_days, s.ties_window_days) * day;
	reactions_from constant timestamptz := now() - greatest(s.unanswered_window_days,
		s.not_reached_window_days, s.ties_window_days) * day;
	ties_from constant timestamptz := now() - s.ties_window_days * day;
begin
	-- 1, 2, 4, 5, 6 and 7.
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
	), posts_in as materialized (
		-- Posts that count (neither deleted nor hidden), with their real author and the
		-- author's place when an active member.
		select p.*, m.place as author_place
		from (
			select p.id, p.created_at, p.kind, p.anonymous,
				coalesce(p.author_id, (select pa.author_id from public.post_authors pa
					where pa.post_id = p.id)) as author
			from public.posts p
			where p.group_id = s.group_id and p.created_at >= items_from
				and p.deleted_at is null and p.hidden_at is null
		) p
		left join members m on m.user_id = p.author
	), answers_in as materialized (
		-- Answers that count, with their real author and, when their post counts, its author
		-- (looked up by key for an answer to a post older than the window) and when it was
		-- written (null for such an older post).
		select c.*, m.place as author_place, pm.place as post_author_place
		from (
			select c.id, c.post_id, c.created_at,
				coalesce(c.author_id, (select ca.author_id from public.comment_authors ca
					where ca.comment_id = c.id)) as author,
				coalesce(p.author, (select coalesce(op.author_id, pa.author_id)
					from public.posts op left join public.post_authors pa on pa.post_id = op.id
					where op.id = c.post_id and op.deleted_at is null and op.hidden_at is null))
					as post_author,
				p.id is not null or (select true from public.posts op
					where op.id = c.post_id and op.deleted_at is null and op.hidden_at is null)
					is not null as post_counts,
				p.created_at as post_at
			from public.comments c
			left join posts_in p on p.id = c.post_id
			where c.group_id = s.group_id and c.created_at >= items_from
				and c.deleted_at is null and c.hidden_at is null
		) c
		left join members m on m.user_id = c.author
		left join members pm on pm.user_id = c.post_author
	), targets as (
		-- What a reaction can be to, by its id: the window's posts and the answers whose post
		-- counts.
		select p.id, p.author, p.author_place, p.created_at from posts_in p
		union all
		select a.id, a.author, a.author_place, a.created_at from answers_in a where a.post_counts
	), reacts as materialized (
		-- Reactions, with the author of what they react to when that counts (an answer counts
		-- when its post does too; looked up by key when it is older than the window), the
		-- places of both, and when what they react to was written (null when older).
		select r.post_id, r.comment_id, r.user_id, r.created_at, rm.place as user_place,
			t.created_at as target_at,
			coalesce(t.author, case when r.post_id is not null then
				(select coalesce(op.author_id, pa.author_id)
				from public.posts op left join public.post_authors pa on pa.post_id = op.id
				where op.id = r.post_id and op.deleted_at is null and op.hidden_at is null)
			else (select coalesce(oc.author_id, ca.author_id)
				from public.comments oc
				join public.posts op on op.id = oc.post_id and op.deleted_at is null
					and op.hidden_at is null
				left join public.comment_authors ca on ca.comment_id = oc.id
				where oc.id = r.comment_id and oc.deleted_at is null and oc.hidden_at is null)
			end) as target_author,
			t.author_place as target_place
		from public.reactions r
		left join targets t on t.id = coalesce(r.post_id, r.comment_id)
		left join members rm on rm.user_id = r.user_id
		where r.group_id = s.group_id and r.created_at >= reactions_from
	), older_targets as (
		-- The places of the authors of older posts and answers reacted to lately.
		select distinct r.target_author, m.place
		from reacts r join members m on m.user_id = r.target_author
		where r.target_at is null
	), reached_posts as (
		-- Recent posts someone other than the author answered or reacted to.
		select a.post_id as id from answers_in a
		where a.post_at >= reactions_from and a.author <> a.post_author
		union
		select r.post_id from reacts r
		where r.post_id is not null and r.target_at >= reactions_from
			and r.user_id is distinct from r.target_author
	), reached_answers as (
		-- Recent answers someone else reacted to, or answered after them under the same post.
		select c.id from answers_in c
		join answers_in later on later.post_id = c.post_id and later.created_at > c.created_at
			and later.author <> c.author
		where c.created_at >= reactions_from
		union
		select r.comment_id from reacts r
		where r.comment_id is not null and r.target_at >= reactions_from
			and r.user_id is distinct from r.target_author
	),

	-- 1. A recent post, older than a day, that no one but its author answered or reacted to.
	unanswered as (
		select 'unanswered_post'::text as kind, sm.id as member, p.id as post,
			jsonb_build_object('posted_at', p.created_at, 'post_kind', p.kind,
				'anonymous', p.anonymous) as evidence,
			p.created_at as since, ''::text as fingerprint
		from posts_in p
		join subjects sm on sm.user_id = p.author
		where p.created_at >= now() - s.unanswered_window_days * day
			and p.created_at < now() - s.unanswered_after_hours * interval '1 hour'
			and not exists (select 1 from reached_posts rp where rp.id = p.id)
	),

	-- 2. Wrote at least twice lately and no one answered or reacted to any of it. An answer is
	-- answered by a reaction to it or a later answer under the same post from someone else.
	written as (
		select sm.id as member, 'post' as what, p.created_at, rp.id is not null as reached
		from posts_in p
		join subjects sm on sm.user_id = p.author
		left join reached_posts rp on rp.id = p.id
		where p.created_at >= now() - s.not_reached_window_days * day
		union all
		select sm.id, 'answer', c.created_at, ra.id is not null
		from answers_in c
		join subjects sm on sm.user_id = c.author
		left join reached_answers ra on ra.id = c.id
		where c.created_at >= now() - s.not_reached_window_days * day and c.post_counts
	), not_reached as (
		select 'not_reached'::text as kind, w.member, null::uuid as post,
			jsonb_build_object('posts', count(*) filter (where w.what = 'post'),
				'answers', count(*) filter (where w.what = 'answer'),
				'days', s.not_reached_window_days, 'last_at', max(w.created_at)) as evidence,
			min(w.created_at) as since, max(w.created_at)::text as fingerprint
		from written w
		group by w.member
		having count(*) >= s.not_reached_min_items and not bool_or(w.reached)
	),

	-- 4. Was active before and went quiet; or stopped coming to a series they came to. Missed
	-- meetups count only where attendance was checked in (otherwise everyone "missed" it).
	acts as (
		select sm.id as member, p.created_at as at
		from posts_in p join subjects sm on sm.user_id = p.author
		where p.created_at >= now() - (s.fading_quiet_days + s.fading_before_days) * day
		union all
		select sm.id, c.created_at
		from answers_in c join subjects sm on sm.user_id = c.author
		where c.created_at >= now() - (s.fading_quiet_days + s.fading_before_days) * day
		union all
		select a.member_id, mt.starts_at
		from public.meetups mt
		join public.attendance a on a.meetup_id = mt.id
		where mt.group_id = s.group_id and mt.starts_at <= now()
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
			select w.author, count(*) as n
			from (
				select p.author from posts_in p
				where p.created_at >= now() - s.dominance_window_days * day
				union all
				select c.author from answers_in c
				where c.created_at >= now() - s.dominance_window_days * day
			) w
			group by w.author
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
	place_pairs as (
		select c.author_place as a, c.post_author_place as b from answers_in c
		where c.created_at >= ties_from and c.post_counts
		union all
		select r.user_place, coalesce(r.target_place, o.place) from reacts r
		left join older_targets o on o.target_author = r.target_author and r.target_at is null
		where r.created_at >= ties_from and r.target_author is not null
		union all
		select ma.place, mb.place
		from public.meetups mt
		join public.attendance a1 on a1.meetup_id = mt.id
		join public.attendance a2 on a2.meetup_id = mt.id and a2.member_id < a1.member_id
		join members ma on ma.id = a1.member_id
		join members mb on mb.id = a2.member_id
		where mt.group_id = s.group_id and mt.starts_at <= now()
			and mt.starts_at >= ties_from
	), ties as (
		select distinct least(pp.a, pp.b) as a, greatest(pp.a, pp.b) as b from place_pairs pp
		where pp.a <> pp.b
	), around as materialized (
		select t.a as place, t.b as other from ties t
		union all
		select t.b, t.a from ties t
	), activity as (
		select p.author_place as place, p.created_at as at from posts_in p
		where p.created_at >= ties_from
		union all
		select c.author_place, c.created_at from answers_in c where c.created_at >= ties_from
		union all
		select r.user_place, r.created_at from reacts r where r.created_at >= ties_from
		union all
		select m.place, mt.starts_at
		from public.meetups mt
		join public.attendance a on a.meetup_id = mt.id
		join members m on m.id = a.member_id and m.user_id is not null
		where mt.group_id = s.group_id and mt.starts_at <= now() and mt.starts_at >= ties_from
	), active as materialized (
		select m.id, m.place, m.role, m.signals_opt_out, ac.first_at, ac.last_at
		from (
			select ac.place, min(ac.at) as first_at, max(ac.at) as last_at
			from activity ac where ac.place is not null group by ac.place
		) ac
		join members m on m.place = ac.place
	), isolated as (
		select 'isolated'::text as kind, ac.id as member, null::uuid as post,
			jsonb_build_object('last_active_at', ac.last_at, 'days', s.ties_window_days)
				as evidence,
			ac.first_at as since, ''::text as fingerprint
		from active ac
		where ac.role <> 'moderator' and not ac.signals_opt_out
			and not exists (select 1 from around ar where ar.place = ac.place)
	), degrees as materialized (
		select ar.place, count(*) as degree from around ar group by ar.place
	), hoods as materialized (
		-- A member and everyone they have a tie with: a circle is found from any of its
		-- members whose ties all stay inside it. At most |S|·(|S|−1) of the tie ends of its
		-- members can be inside a set S: a set whose members have more ties than that allows
		-- cannot reach the share, which leaves out most sets by counting alone.
		select d.place as center, d.degree + 1 as size
		from degrees d
		join (
			select ar.place, sum(dn.degree) as ends
			from around ar join degrees dn on dn.place = ar.other
			group by ar.place
		) e on e.place = d.place
		where d.degree + 1 >= s.circle_min_size
			and d.degree + 1 <= (select count(*) from active) * s.circle_max_fraction
			and d.degree + 1 < (select count(*) from active)
			and (e.ends + d.degree) * s.circle_inside_share <= (d.degree + 1) * d.degree
	), hood_members as materialized (
		select h.center, h.center as place from hoods h
		union all
		select h.center, ar.other from hoods h join around ar on ar.place = h.center
	), adjacency as materialized (
		-- The ties of the members of those sets as bit strings over all active members.
		select ar.place, bit_or(set_bit(z.zeros, ar.other, 1)) as bits
		from around ar
		cross join (select repeat('0', count(*)::integer)::bit varying as zeros from members) z
		where ar.place in (select hm.place from hood_members hm)
		group by ar.place
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
				sum(bit_count(ad.bits & cd.circle))::numeric / sum(d.degree) as inside
			from candidates cd
			join hood_members hm on hm.center = cd.center
			join adjacency ad on ad.place = hm.place
			join degrees d on d.place = hm.place
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

-- All open signals of a group with the fingerprint each is handled at. Person-level signals are
-- about active members who are not moderators (moderators are who the signals are for) and did
-- not opt out.
create or replace function private.inclusion_signal_rows(target_group uuid)
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

	return query select * from private.inclusion_history_signals(s);

	-- 3. Joined lately and no one answered, reacted or wrote to them yet, and has no buddy (a
	-- buddy who accepted and is still in the group).
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
			where t.member_id = m.id and t.kind = 'from_moderators')
		and not exists (
			select 1 from public.buddies b
			join public.group_members buddy on buddy.id = b.buddy_id and buddy.status = 'active'
			where b.newcomer_id = m.id and b.status = 'accepted');

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
