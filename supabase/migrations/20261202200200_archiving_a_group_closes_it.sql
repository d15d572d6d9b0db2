-- Archiving a group closes it (issue 12, review finding 8):
-- - its meetups still to come are cancelled, as a host cancelling does, so whoever said they come
--   sees "cancelled" and gets the usual notice; its invite links that still work are revoked;
-- - the tables still written without the archive trigger get it: invites, attendance (check-ins
--   would change the impact report), buddies, answer requests, meetup invitations, climate
--   answers, and a meetup's "breng gerust iemand mee";
-- - calendar_feed lists no meetup of an archived group;
-- - meetup_cards gives someone outside the group counts of people only from 5, as meetup_counts
--   does (a capacity only from 5 too), and says "full" on its own instead of leaving it to be
--   worked out from the counts.

create or replace function private.refuse_writes_to_archived_group()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
	target uuid;
begin
	if tg_table_name in ('rsvps', 'attendance', 'meetup_invitations') then
		select m.group_id into target from public.meetups m where m.id = new.meetup_id;
	elsif tg_table_name = 'answer_requests' then
		select p.group_id into target from public.posts p where p.id = new.post_id;
	else
		target := new.group_id;
	end if;
	if exists (select 1 from public.groups g where g.id = target and g.archived_at is not null) then
		raise exception 'group_archived';
	end if;
	return new;
end;
$$;

create trigger invites_not_in_archived_groups before insert on public.invites
	for each row execute function private.refuse_writes_to_archived_group();
create trigger attendance_not_in_archived_groups before insert on public.attendance
	for each row execute function private.refuse_writes_to_archived_group();
create trigger buddies_not_in_archived_groups before insert on public.buddies
	for each row execute function private.refuse_writes_to_archived_group();
create trigger answer_requests_not_in_archived_groups before insert on public.answer_requests
	for each row execute function private.refuse_writes_to_archived_group();
create trigger meetup_invitations_not_in_archived_groups before insert on public.meetup_invitations
	for each row execute function private.refuse_writes_to_archived_group();
-- answer_climate counts with insert … on conflict do update.
create trigger climate_answers_not_in_archived_groups
	before insert or update of answers on public.climate_answers
	for each row execute function private.refuse_writes_to_archived_group();
drop trigger meetups_not_in_archived_groups on public.meetups;
create trigger meetups_not_in_archived_groups
	before insert or update of title, description, starts_at, ends_at, place, online_url, cost,
		childcare, transport_help, wheelchair_access, languages, open_to, capacity, guests_welcome
	on public.meetups
	for each row execute function private.refuse_writes_to_archived_group();

create or replace function public.archive_group(target_group uuid)
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
	if not private.is_admin_of_group(target_group) then raise exception 'not_allowed'; end if;
	update public.groups set archived_at = coalesce(archived_at, now()) where id = target_group;
	-- What has not begun is called off; a meetup under way ends as it is.
	update public.meetups m set status = 'cancelled', updated_at = now()
	where m.group_id = target_group and m.status = 'scheduled' and m.starts_at > now();
	update public.invites i set revoked_at = now()
	where i.group_id = target_group and i.revoked_at is null and i.expires_at > now();
end;
$$;

create or replace function public.calendar_feed(token text)
returns table (id uuid, title text, description text, starts_at timestamptz,
	ends_at timestamptz, place text, online_url text, status public.meetup_status,
	updated_at timestamptz, group_name text, my_answer public.rsvp_status)
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
	owner uuid;
begin
	select f.user_id into owner from public.calendar_feeds f
	where char_length(token) between 20 and 100
		and f.token_hash = sha256(convert_to(token, 'UTF8'));
	if owner is null then raise exception 'calendar_feed_not_found'; end if;

	return query
	select m.id, m.title, m.description, m.starts_at, m.ends_at, m.place, m.online_url, m.status,
		m.updated_at, g.name, r.status
	from public.group_members gm
	join public.rsvps r on r.member_id = gm.id and r.status in ('going', 'maybe', 'waiting')
	join public.meetups m on m.id = r.meetup_id
	join public.groups g on g.id = m.group_id
	where gm.user_id = owner and gm.status = 'active'
		and m.ends_at > now() - interval '30 days'
		and g.archived_at is null
		-- What can_see_meetup() says, for the owner rather than the (anonymous) caller.
		and (
			m.open_to = 'public'
			or exists (
				select 1 from public.group_members x
				where x.group_id = m.group_id and x.user_id = owner and x.status = 'active'
			)
			or (m.open_to = 'organisation' and exists (
				select 1 from public.groups t
				join public.groups og on og.organisation_id = t.organisation_id
				join public.group_members x on x.group_id = og.id
				where t.id = m.group_id and x.user_id = owner and x.status = 'active'
			))
		)
	order by m.starts_at
	limit 500;
end;
$$;

drop function public.meetup_cards(uuid, uuid, boolean, integer);
create function public.meetup_cards(target_group uuid default null, only_meetup uuid default null,
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
		-- Outside the group, counts of people only from 5 (meetup_counts' rule), and no capacity
		-- under 5: with "full" it would say how many come (as on the public page).
		c.open_to, case when member.active or c.capacity >= 5 then c.capacity end, c.status,
		case when member.active or counts.going >= 5 then counts.going end,
		case when member.active or counts.maybe >= 5 then counts.maybe end,
		case when member.active or (counts.waiting >= 5 and counts.going >= 5) then counts.waiting end,
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
		c.capacity is not null and counts.going >= c.capacity
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
			coalesce(sum(1 + r.guests) filter (where r.status = 'waiting'), 0)::integer as waiting
		from public.rsvps r where r.meetup_id = c.id
	) counts
	left join lateral (
		select * from mine where mine.meetup_id = c.id order by mine.updated_at desc limit 1
	) me on true
	order by c.starts_at, c.id
$$;
revoke execute on function public.meetup_cards(uuid, uuid, boolean, integer) from public, anon;
grant execute on function public.meetup_cards(uuid, uuid, boolean, integer)
	to authenticated, service_role;
