-- An outsider's own answer no longer unlocks a meetup's counts (attack review 14, finding F5).
-- Outside the group, counts of people show only from 5, so that a few people cannot be counted
-- one by one; but an outsider's own "going" with a guest added 2 to the 5, so with 3 others coming
-- the count showed 5 and said exactly how many others come. Now only others' answers count
-- towards the 5 (meetup_cards and meetup_counts alike), and "full" is said outside the group only
-- with the capacity (from 5), as on the public page (null, not known, below that).

create or replace function public.meetup_cards(target_group uuid default null, only_meetup uuid default null,
	only_mine boolean default false, max_rows integer default 20)
returns table (id uuid, group_id uuid, group_name text, title text, description text,
	starts_at timestamptz, ends_at timestamptz, place text, online_url text, cost text,
	childcare boolean, transport_help boolean, wheelchair_access boolean, languages text[],
	open_to public.meetup_audience, capacity integer, status public.meetup_status, going integer,
	maybe integer, waiting integer, my_status public.rsvp_status, my_childcare_children integer,
	my_transport_help boolean, my_cost_is_a_problem boolean, my_note text,
	my_waiting_place integer, i_am_member boolean, i_host boolean, guests_welcome boolean,
	my_guests integer, "full" boolean)
language sql
stable
security definer
set search_path = ''
as $$
	with mine as (
		select r.* from public.rsvps r
		join public.group_members gm on gm.id = r.member_id
		where gm.user_id = (select auth.uid())
	), chosen as (
		select m.* from public.meetups m
		where (select auth.uid()) is not null
			and (target_group is null or m.group_id = target_group)
			and (only_meetup is null or m.id = only_meetup)
			-- A single meetup is shown also after it ended; lists show what is still to come.
			and (only_meetup is not null or m.ends_at > now())
			and (not only_mine or (
				(private.is_active_member(m.group_id)
					or m.id in (select meetup_id from mine where mine.status <> 'not_going'))
				and m.id not in (select meetup_id from mine where mine.status = 'not_going')
			))
			and private.can_see_meetup(m.group_id, m.open_to)
		order by m.starts_at, m.id
		limit least(greatest(max_rows, 1), 50)
	)
	select c.id,
		case when organisation.mine then c.group_id end,
		case when organisation.mine then g.name end,
		c.title, c.description, c.starts_at, c.ends_at, c.place,
		c.online_url, c.cost, c.childcare, c.transport_help, c.wheelchair_access, c.languages,
		-- Outside the group, counts of people only when 5 or more others answered so (my own
		-- answer and guest do not count towards it), and no capacity under 5: with "full" it would
		-- say how many come (as on the public page).
		c.open_to, case when member.active or c.capacity >= 5 then c.capacity end, c.status,
		case when member.active or counts.others_going >= 5 then counts.going end,
		case when member.active or counts.others_maybe >= 5 then counts.maybe end,
		case when member.active or (counts.others_waiting >= 5 and counts.others_going >= 5)
			then counts.waiting end,
		me.status, me.childcare_children, me.transport_help, me.cost_is_a_problem, me.note,
		case when me.status = 'waiting' then (
			select count(*)::integer from public.rsvps ahead
			where ahead.meetup_id = c.id and ahead.status = 'waiting'
				and (ahead.waitlisted_at, ahead.id) <= (me.waitlisted_at, me.id)
		) end,
		member.active,
		private.is_host_or_moderator(c.group_id),
		c.guests_welcome,
		me.guests,
		case
			when c.capacity is null then false
			when member.active or c.capacity >= 5 then counts.going >= c.capacity
		end
	from chosen c
	join public.groups g on g.id = c.group_id
	-- Active in a group of the same organisation (this one included) and not removed from this one.
	cross join lateral (select private.is_active_in_organisation_of(c.group_id) as mine) organisation
	cross join lateral (select private.is_active_member(c.group_id) as active) member
	cross join lateral (
		select
			-- People, with the ones they bring.
			coalesce(sum(1 + r.guests) filter (where r.status = 'going'), 0)::integer as going,
			coalesce(sum(1 + r.guests) filter (where r.status = 'maybe'), 0)::integer as maybe,
			coalesce(sum(1 + r.guests) filter (where r.status = 'waiting'), 0)::integer as waiting,
			coalesce(sum(1 + r.guests) filter (where r.status = 'going' and not r.is_mine), 0)::integer
				as others_going,
			coalesce(sum(1 + r.guests) filter (where r.status = 'maybe' and not r.is_mine), 0)::integer
				as others_maybe,
			coalesce(sum(1 + r.guests) filter (where r.status = 'waiting' and not r.is_mine), 0)::integer
				as others_waiting
		from (
			select r.*, r.member_id in (select mine.member_id from mine) as is_mine
			from public.rsvps r where r.meetup_id = c.id
		) r
	) counts
	left join lateral (
		select * from mine where mine.meetup_id = c.id order by mine.updated_at desc limit 1
	) me on true
	order by c.starts_at, c.id
$$;
revoke execute on function public.meetup_cards(uuid, uuid, boolean, integer) from public, anon;
grant execute on function public.meetup_cards(uuid, uuid, boolean, integer)
	to authenticated, service_role;

create or replace function public.meetup_counts(meetup uuid)
returns table(going integer, maybe integer, waiting integer)
language sql
stable
security definer
set search_path = ''
as $$
	select
		case when counted.member or counted.others_going >= 5 then counted.going end,
		case when counted.member or counted.others_maybe >= 5 then counted.maybe end,
		case when counted.member or (counted.others_waiting >= 5 and counted.others_going >= 5)
			then counted.waiting end
	from (
		select
			coalesce(sum(1 + r.guests) filter (where r.status = 'going'), 0)::integer as going,
			coalesce(sum(1 + r.guests) filter (where r.status = 'maybe'), 0)::integer as maybe,
			coalesce(sum(1 + r.guests) filter (where r.status = 'waiting'), 0)::integer as waiting,
			coalesce(sum(1 + r.guests) filter (where r.status = 'going' and not mine), 0)::integer
				as others_going,
			coalesce(sum(1 + r.guests) filter (where r.status = 'maybe' and not mine), 0)::integer
				as others_maybe,
			coalesce(sum(1 + r.guests) filter (where r.status = 'waiting' and not mine), 0)::integer
				as others_waiting,
			private.is_active_member(m.group_id) as member
		from public.meetups m
		left join public.rsvps r on r.meetup_id = m.id
		left join lateral (
			select exists (
				select 1 from public.group_members gm
				where gm.id = r.member_id and gm.user_id = (select auth.uid())
			) as mine
		) own on true
		where m.id = meetup and private.can_see_meetup(m.group_id, m.open_to)
		group by m.id
	) counted
$$;
