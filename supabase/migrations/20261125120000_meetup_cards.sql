-- What the member screens show about meetups, in one call per screen: the meetup, its group's
-- name, how many come (no names), my own answer with my place on the waiting list, and whether
-- I belong to or host its group. only_mine is home's list: what is coming in my groups and what
-- I answered elsewhere, leaving out those I said I cannot come to. Security definer because a member may not read others' RSVPs (to count them or to
-- know their place in the queue) nor, for a meetup open to the organisation, the other group's
-- row; so it checks can_see_meetup itself, as meetup_counts does, and returns only my RSVP.
create function public.meetup_cards(
	target_group uuid default null,
	only_meetup uuid default null,
	only_mine boolean default false,
	max_rows integer default 20
) returns table (
	id uuid,
	group_id uuid,
	group_name text,
	title text,
	description text,
	starts_at timestamptz,
	ends_at timestamptz,
	place text,
	online_url text,
	cost text,
	childcare boolean,
	transport_help boolean,
	wheelchair_access boolean,
	languages text[],
	open_to public.meetup_audience,
	capacity integer,
	status public.meetup_status,
	going integer,
	maybe integer,
	waiting integer,
	my_status public.rsvp_status,
	my_childcare_children integer,
	my_transport_help boolean,
	my_cost_is_a_problem boolean,
	my_note text,
	my_waiting_place integer,
	i_am_member boolean,
	i_host boolean
)
language sql stable security definer
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
				(public.is_active_member(m.group_id)
					or m.id in (select meetup_id from mine where mine.status <> 'not_going'))
				and m.id not in (select meetup_id from mine where mine.status = 'not_going')
			))
			and public.can_see_meetup(m.group_id, m.open_to)
		order by m.starts_at, m.id
		limit least(greatest(max_rows, 1), 50)
	)
	select c.id, c.group_id, g.name, c.title, c.description, c.starts_at, c.ends_at, c.place,
		c.online_url, c.cost, c.childcare, c.transport_help, c.wheelchair_access, c.languages,
		c.open_to, c.capacity, c.status,
		counts.going, counts.maybe, counts.waiting,
		me.status, me.childcare_children, me.transport_help, me.cost_is_a_problem, me.note,
		case when me.status = 'waiting' then (
			select count(*)::integer from public.rsvps ahead
			where ahead.meetup_id = c.id and ahead.status = 'waiting'
				and (ahead.waitlisted_at, ahead.id) <= (me.waitlisted_at, me.id)
		) end,
		public.is_active_member(c.group_id),
		public.is_host_or_moderator(c.group_id)
	from chosen c
	join public.groups g on g.id = c.group_id
	cross join lateral (
		select
			count(*) filter (where r.status = 'going')::integer as going,
			count(*) filter (where r.status = 'maybe')::integer as maybe,
			count(*) filter (where r.status = 'waiting')::integer as waiting
		from public.rsvps r where r.meetup_id = c.id
	) counts
	left join lateral (
		select * from mine where mine.meetup_id = c.id order by mine.updated_at desc limit 1
	) me on true
	order by c.starts_at, c.id
$$;

revoke execute on function public.meetup_cards(uuid, uuid, boolean, integer) from public, anon;
grant execute on function public.meetup_cards(uuid, uuid, boolean, integer) to authenticated;
