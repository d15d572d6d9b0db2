-- meetup_cards asks who I am in each group once, not once per meetup (issue 9: SQL statements per
-- page view). It called private.is_active_member, can_see_meetup, is_active_in_organisation_of and
-- is_host_or_moderator for every meetup it looked at: each a security definer function, so never
-- inlined, and each call a statement of its own (home ran 185 of them for 30 cards, the feed 40).
-- Now my memberships are read once, and the same rules are written as look-ups in them:
-- - a member: active in the meetup's group (private.is_active_member);
-- - in the organisation: active in a group of the same organisation, this one included, and not
--   removed from this one (private.is_active_in_organisation_of);
-- - may see it: a member, or the meetup is open beyond the group, its group is not archived, and it
--   is public or I am in the organisation (private.can_see_meetup);
-- - hosts it: active here as host or moderator (private.is_host_or_moderator).
-- The helpers stay as they are for the policies and other functions; tests/db/meetup-cards.test.ts
-- compares these cards with them for people in every position.

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
	with memberships as (
		select gm.id, gm.group_id, gm.status, gm.role, g.organisation_id
		from public.group_members gm
		join public.groups g on g.id = gm.group_id
		where gm.user_id = (select auth.uid())
	), mine as (
		select r.* from public.rsvps r
		where r.member_id in (select memberships.id from memberships)
	), looked_at as (
		select m.*, g.name as group_name, g.archived_at as group_archived_at,
			m.group_id in (select x.group_id from memberships x where x.status = 'active')
				as active,
			coalesce(g.organisation_id in (
				select x.organisation_id from memberships x where x.status = 'active'
			), false)
				and m.group_id not in (select x.group_id from memberships x where x.status = 'removed')
				as in_organisation,
			m.group_id in (
				select x.group_id from memberships x
				where x.status = 'active' and x.role in ('host', 'moderator')
			) as hosts
		from public.meetups m
		join public.groups g on g.id = m.group_id
		where (select auth.uid()) is not null
			and (target_group is null or m.group_id = target_group)
			and (only_meetup is null or m.id = only_meetup)
			-- A single meetup is shown also after it ended; lists show what is still to come.
			and (only_meetup is not null or m.ends_at > now())
	), chosen as (
		select m.* from looked_at m
		where (not only_mine or (
				(m.active or m.id in (select meetup_id from mine where mine.status <> 'not_going'))
				and m.id not in (select meetup_id from mine where mine.status = 'not_going')
			))
			and (m.active or (
				m.open_to <> 'group' and m.group_archived_at is null
				and (m.open_to = 'public' or m.in_organisation)
			))
		order by m.starts_at, m.id
		limit least(greatest(max_rows, 1), 50)
	)
	select c.id,
		case when c.in_organisation then c.group_id end,
		case when c.in_organisation then c.group_name end,
		c.title, c.description, c.starts_at, c.ends_at, c.place,
		c.online_url, c.cost, c.childcare, c.transport_help, c.wheelchair_access, c.languages,
		-- Outside the group, counts of people only when 5 or more others answered so (my own
		-- answer and guest do not count towards it), and no capacity under 5: with "full" it would
		-- say how many come (as on the public page).
		c.open_to, case when c.active or c.capacity >= 5 then c.capacity end, c.status,
		case when c.active or counts.others_going >= 5 then counts.going end,
		case when c.active or counts.others_maybe >= 5 then counts.maybe end,
		case when c.active or (counts.others_waiting >= 5 and counts.others_going >= 5)
			then counts.waiting end,
		me.status, me.childcare_children, me.transport_help, me.cost_is_a_problem, me.note,
		case when me.status = 'waiting' then (
			select count(*)::integer from public.rsvps ahead
			where ahead.meetup_id = c.id and ahead.status = 'waiting'
				and (ahead.waitlisted_at, ahead.id) <= (me.waitlisted_at, me.id)
		) end,
		c.active,
		c.hosts,
		c.guests_welcome,
		me.guests,
		case
			when c.capacity is null then false
			when c.active or c.capacity >= 5 then counts.going >= c.capacity
		end
	from chosen c
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
			select r.*, r.member_id in (select memberships.id from memberships) as is_mine
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
