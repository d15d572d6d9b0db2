-- A meetup open to the public told everyone signed in which group made it: the column grant on
-- meetups.group_id (and meetup_series.group_id) and meetup_cards() gave the group's id and name
-- to any account, also one made with only a nickname that belongs to no group. Which group a
-- person goes to can be sensitive (a debt group, a group for people without papers), and the
-- public needs the meetup, not the group. Now:
-- * No one reads group_id from the tables: a column privilege cannot depend on the row, and the
--   app reads meetups through its functions. Policies still use the column.
-- * meetup_cards() (and page_meetup(), page_group_meetups() and page_home() built on it) gives
--   the group's id and name only to people active in the group's organisation; others get null.
revoke select (group_id) on table public.meetups from authenticated;
revoke select (group_id) on table public.meetup_series from authenticated;

-- The policies on answers and check-ins read meetups.group_id with the caller's rights, which
-- the revoke above takes away; they ask this predicate instead.
create function private.hosts_meetup(target_meetup uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
	select exists (
		select 1 from public.meetups m
		where m.id = target_meetup and private.is_host_or_moderator(m.group_id)
	)
$$;
grant execute on function private.hosts_meetup(uuid) to authenticated;

alter policy "people read their own rsvps, hosts and moderators their group's" on public.rsvps
	using (
		(select private.is_my_membership(member_id))
		or (select private.hosts_meetup(meetup_id))
	);
-- Postgres cut the name at 63 characters when the policy was made.
alter policy "people read their own attendance, hosts and moderators their gr" on public.attendance
	using (
		(select private.is_my_membership(member_id))
		or (select private.hosts_meetup(meetup_id))
	);

create or replace function public.meetup_cards(
	target_group uuid default null,
	only_meetup uuid default null,
	only_mine boolean default false,
	max_rows integer default 20
)
returns table (
	id uuid, group_id uuid, group_name text, title text, description text,
	starts_at timestamptz, ends_at timestamptz, place text, online_url text, cost text,
	childcare boolean, transport_help boolean, wheelchair_access boolean, languages text[],
	open_to public.meetup_audience, capacity integer, status public.meetup_status,
	going integer, maybe integer, waiting integer,
	my_status public.rsvp_status, my_childcare_children integer, my_transport_help boolean,
	my_cost_is_a_problem boolean, my_note text, my_waiting_place integer,
	i_am_member boolean, i_host boolean
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
		c.open_to, c.capacity, c.status,
		counts.going, counts.maybe, counts.waiting,
		me.status, me.childcare_children, me.transport_help, me.cost_is_a_problem, me.note,
		case when me.status = 'waiting' then (
			select count(*)::integer from public.rsvps ahead
			where ahead.meetup_id = c.id and ahead.status = 'waiting'
				and (ahead.waitlisted_at, ahead.id) <= (me.waitlisted_at, me.id)
		) end,
		private.is_active_member(c.group_id),
		private.is_host_or_moderator(c.group_id)
	from chosen c
	join public.groups g on g.id = c.group_id
	-- Active in a group of the same organisation (this one included) and not removed from this one.
	cross join lateral (select private.is_active_in_organisation_of(c.group_id) as mine) organisation
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

-- The edit page read meetups.group_id with the caller's rights; it is for the group's hosts and
-- moderators, which it checks first, so it reads as its owner now.
create or replace function public.page_meetup_edit(target_meetup uuid)
returns jsonb
language sql stable security definer
set search_path = ''
as $$
	select to_jsonb(hosted) || jsonb_build_object(
		'series', (
			select jsonb_build_object('repeat', s.repeat, 'repeat_until', s.repeat_until)
			from public.meetup_series s
			where s.id = hosted.series_id
		)
	)
	from (
		select m.id, m.group_id, g.name as group_name, m.title, m.description, m.starts_at,
			m.ends_at, m.place, m.online_url, m.cost, m.childcare, m.transport_help,
			m.wheelchair_access, m.languages, m.open_to, m.capacity, m.status, m.series_id,
			m.occurrence_on
		from public.meetups m
		join public.groups g on g.id = m.group_id
		where m.id = target_meetup and (select private.is_host_or_moderator(m.group_id))
	) hosted
$$;
