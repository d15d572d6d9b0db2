-- Bridging inside the organisation (issue 12). Home shows the meetups open to the organisation
-- from its other groups ("Ook in je organisatie"), and a meetup can welcome one extra person per
-- answer ("Breng gerust iemand mee"): the guest takes a place, so capacity and the waiting list
-- count people, not answers.
drop function private.record_rsvp(uuid, uuid, uuid, public.rsvp_status, integer, boolean, boolean, text);
create function private.record_rsvp(target_meetup uuid, member uuid, request_client_id uuid, requested public.rsvp_status, children integer, needs_transport boolean, cost_problem boolean, note_text text, guests integer)
returns public.rsvp_status
language plpgsql
security definer
set search_path = ''
as $$
declare
	target public.meetups;
	previous public.rsvps;
	had_answered boolean;
	outcome public.rsvp_status := requested;
	going integer;
	bringing integer;
begin
	if request_client_id is null then raise exception 'not_allowed'; end if;
	select * into target from public.meetups m where m.id = target_meetup for update;
	if not found then raise exception 'not_allowed'; end if;

	select * into previous from public.rsvps r where r.member_id = member and r.client_id = request_client_id;
	if found then
		if previous.meetup_id <> target_meetup then raise exception 'not_allowed'; end if;
		return previous.status;
	end if;

	if target.status = 'cancelled' then raise exception 'meetup_cancelled'; end if;
	if target.starts_at <= now() then raise exception 'rsvp_closed'; end if;
	if requested is null or requested = 'waiting' then raise exception 'rsvp_status_invalid'; end if;
	if coalesce(children, 0) not between 0 and 20 then raise exception 'rsvp_children_invalid'; end if;
	if char_length(coalesce(note_text, '')) > 300 then raise exception 'rsvp_note_too_long'; end if;
	if coalesce(guests, 0) not between 0 and 1 then raise exception 'rsvp_guests_invalid'; end if;
	-- Only someone who comes (or may come) brings someone, and only where guests are welcome.
	bringing := case
		when target.guests_welcome and requested in ('going', 'maybe') then coalesce(guests, 0)
		else 0
	end;

	select * into previous from public.rsvps r where r.meetup_id = target_meetup and r.member_id = member;
	had_answered := found;
	-- Places are people: the one who answers and the one they bring.
	if requested = 'going' and (not had_answered or previous.status not in ('going', 'waiting')) then
		select coalesce(sum(1 + r.guests), 0) into going from public.rsvps r
		where r.meetup_id = target_meetup and r.status = 'going';
		if going + 1 + bringing > target.capacity then outcome := 'waiting'; end if;
	elsif requested = 'going' then
		-- Saying "going" again keeps one's place, on the list or in the queue.
		outcome := previous.status;
		-- Bringing someone now needs a place for them; without one the answer stays as it was.
		if outcome = 'going' and bringing > previous.guests then
			select coalesce(sum(1 + r.guests), 0) into going from public.rsvps r
			where r.meetup_id = target_meetup and r.status = 'going' and r.member_id <> member;
			if going + 1 + bringing > target.capacity then raise exception 'rsvp_no_place_for_guest'; end if;
		end if;
	end if;

	insert into public.rsvps as r (
		meetup_id, member_id, status, childcare_children, transport_help, cost_is_a_problem, note,
		client_id, waitlisted_at, guests
	) values (
		target_meetup, member, outcome, coalesce(children, 0), coalesce(needs_transport, false),
		coalesce(cost_problem, false), coalesce(btrim(note_text), ''), request_client_id,
		case when outcome = 'waiting' then clock_timestamp() end, bringing
	)
	on conflict (meetup_id, member_id) do update set
		status = excluded.status,
		childcare_children = excluded.childcare_children,
		transport_help = excluded.transport_help,
		cost_is_a_problem = excluded.cost_is_a_problem,
		note = excluded.note,
		guests = excluded.guests,
		client_id = excluded.client_id,
		-- The queue keeps the moment one first joined it. It is clock_timestamp(), not now()
		-- (the start of each transaction), so it follows the order the meetup lock let them in.
		waitlisted_at = case
			when excluded.status <> 'waiting' then null
			when r.status = 'waiting' then r.waitlisted_at
			else excluded.waitlisted_at
		end,
		promoted_at = case when excluded.status = 'going' and r.status = 'going' then r.promoted_at end,
		updated_at = now();

	-- A place came free: one gave up theirs, or comes without the person they would bring.
	if had_answered and previous.status = 'going'
		and (outcome <> 'going' or bringing < previous.guests) then
		perform private.fill_from_waiting_list(target_meetup);
	end if;
	return outcome;
end;
$$;
revoke execute on function private.record_rsvp(uuid, uuid, uuid, public.rsvp_status, integer, boolean, boolean, text, integer) from public, anon, authenticated;
grant execute on function private.record_rsvp(uuid, uuid, uuid, public.rsvp_status, integer, boolean, boolean, text, integer) to service_role;

-- The waiting list moves up in its order while the next answer fits, guest and all; an answer
-- that does not fit yet keeps its turn (no one behind it goes first).
create or replace function private.fill_from_waiting_list(target_meetup uuid)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
	places integer;
	next_in_line record;
begin
	select m.capacity - (
		select coalesce(sum(1 + r.guests), 0) from public.rsvps r
		where r.meetup_id = m.id and r.status = 'going'
	) into places
	from public.meetups m
	where m.id = target_meetup and m.status = 'scheduled' and m.starts_at > now();
	if not found then return; end if;
	for next_in_line in
		select r.id, 1 + r.guests as people from public.rsvps r
		where r.meetup_id = target_meetup and r.status = 'waiting'
		order by r.waitlisted_at, r.id
	loop
		-- No capacity: everyone in.
		exit when places is not null and next_in_line.people > places;
		update public.rsvps set status = 'going', promoted_at = clock_timestamp(), updated_at = now()
		where id = next_in_line.id;
		places := places - next_in_line.people;
	end loop;
end;
$$;

drop function public.rsvp(uuid,uuid,public.rsvp_status,integer,boolean,boolean,text);
create function public.rsvp(client_id uuid, meetup uuid, status public.rsvp_status, childcare_children integer, transport_help boolean, cost_is_a_problem boolean, note text, guests integer default 0)
returns public.rsvp_status
language plpgsql
security definer
set search_path = ''
as $$
declare
	target public.meetups;
	member uuid;
begin
	if auth.uid() is null then raise exception 'not_signed_in'; end if;
	select * into target from public.meetups m where m.id = meetup;
	if not found then raise exception 'not_allowed'; end if;
	if exists (
		select 1 from public.group_members gm
		where gm.group_id = target.group_id and gm.user_id = auth.uid() and gm.status = 'removed'
	) then
		raise exception 'not_allowed';
	end if;
	-- One answer per person: the one already given, through a membership that may still answer.
	select gm.id into member from public.rsvps r
	join public.group_members gm on gm.id = r.member_id
	join public.groups g on g.id = gm.group_id
	join public.groups t on t.organisation_id = g.organisation_id
	where r.meetup_id = target.id and t.id = target.group_id
		and gm.user_id = auth.uid() and gm.status = 'active'
		and (gm.group_id = target.group_id or target.open_to <> 'group')
	order by r.created_at
	limit 1;
	if member is null then
		select gm.id into member from public.group_members gm
		where gm.group_id = target.group_id and gm.user_id = auth.uid() and gm.status = 'active';
	end if;
	if member is null and target.open_to <> 'group' then
		select gm.id into member from public.group_members gm
		join public.groups g on g.id = gm.group_id
		join public.groups t on t.organisation_id = g.organisation_id
		where t.id = target.group_id and gm.user_id = auth.uid() and gm.status = 'active'
		order by gm.created_at
		limit 1;
	end if;
	if member is null then raise exception 'not_allowed'; end if;
	return private.record_rsvp(
		meetup, member, rsvp.client_id, rsvp.status, rsvp.childcare_children, rsvp.transport_help,
		rsvp.cost_is_a_problem, rsvp.note, rsvp.guests
	);
end;
$$;
revoke execute on function public.rsvp(uuid,uuid,public.rsvp_status,integer,boolean,boolean,text, integer) from public, anon;
grant execute on function public.rsvp(uuid,uuid,public.rsvp_status,integer,boolean,boolean,text, integer) to authenticated, service_role;

drop function public.rsvp_for_member(uuid,uuid,uuid,public.rsvp_status,integer,boolean,boolean,text);
create function public.rsvp_for_member(client_id uuid, meetup uuid, member uuid, status public.rsvp_status, childcare_children integer, transport_help boolean, cost_is_a_problem boolean, note text, guests integer default 0)
returns public.rsvp_status
language plpgsql
security definer
set search_path = ''
as $$
declare
	target public.meetups;
begin
	select * into target from public.meetups m where m.id = meetup;
	if not found or not private.is_host_or_moderator(target.group_id) then
		raise exception 'not_allowed';
	end if;
	if not exists (
		select 1 from public.group_members gm
		where gm.id = member and gm.group_id = target.group_id and gm.user_id is null
			and gm.status = 'active'
	) then
		raise exception 'not_allowed';
	end if;
	return private.record_rsvp(
		meetup, member, rsvp_for_member.client_id, rsvp_for_member.status,
		rsvp_for_member.childcare_children, rsvp_for_member.transport_help,
		rsvp_for_member.cost_is_a_problem, rsvp_for_member.note, rsvp_for_member.guests
	);
end;
$$;
revoke execute on function public.rsvp_for_member(uuid,uuid,uuid,public.rsvp_status,integer,boolean,boolean,text, integer) from public, anon;
grant execute on function public.rsvp_for_member(uuid,uuid,uuid,public.rsvp_status,integer,boolean,boolean,text, integer) to authenticated, service_role;


-- "Breng gerust iemand mee" is set with the rest of the meetup, once or for a series.
drop function public.create_meetup(uuid,uuid,text,text,timestamp with time zone,timestamp with time zone,text,text,text,boolean,boolean,boolean,text[],public.meetup_audience,integer);
create function public.create_meetup(client_id uuid, target_group uuid, title text, description text, starts_at timestamp with time zone, ends_at timestamp with time zone, place text, online_url text, cost text, childcare boolean, transport_help boolean, wheelchair_access boolean, languages text[], open_to public.meetup_audience, capacity integer, guests_welcome boolean default false)
returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
	me uuid := auth.uid();
	existing uuid;
	created uuid;
begin
	if me is null or client_id is null then raise exception 'not_allowed'; end if;
	select m.id into existing from public.meetups m
	where m.created_by = me and m.client_id = create_meetup.client_id;
	if found then return existing; end if;
	if not private.is_host_or_moderator(target_group) then raise exception 'not_allowed'; end if;
	perform private.assert_meetup_valid(
		title, description, starts_at, ends_at, place, online_url, cost, languages, capacity
	);
	if starts_at <= now() then raise exception 'meetup_in_the_past'; end if;

	insert into public.meetups (
		group_id, title, description, starts_at, ends_at, place, online_url, cost, childcare,
		transport_help, wheelchair_access, languages, open_to, capacity, guests_welcome, created_by, client_id
	) values (
		target_group, btrim(title), coalesce(btrim(description), ''), starts_at, ends_at,
		nullif(btrim(place), ''), nullif(btrim(online_url), ''), nullif(btrim(cost), ''),
		coalesce(childcare, false), coalesce(transport_help, false), coalesce(wheelchair_access, false),
		coalesce(languages, '{}'), coalesce(open_to, 'group'), capacity, coalesce(guests_welcome, false), me, client_id
	)
	returning id into created;
	return created;
exception when unique_violation then
	-- The same write arrived twice at the same moment: answer with the first.
	select m.id into existing from public.meetups m
	where m.created_by = me and m.client_id = create_meetup.client_id;
	return existing;
end;
$$;
revoke execute on function public.create_meetup(uuid,uuid,text,text,timestamp with time zone,timestamp with time zone,text,text,text,boolean,boolean,boolean,text[],public.meetup_audience,integer,boolean) from public, anon;
grant execute on function public.create_meetup(uuid,uuid,text,text,timestamp with time zone,timestamp with time zone,text,text,text,boolean,boolean,boolean,text[],public.meetup_audience,integer,boolean) to authenticated, service_role;

drop function public.update_meetup(uuid,text,text,timestamp with time zone,timestamp with time zone,text,text,text,boolean,boolean,boolean,text[],public.meetup_audience,integer);
create function public.update_meetup(meetup uuid, title text, description text, starts_at timestamp with time zone, ends_at timestamp with time zone, place text, online_url text, cost text, childcare boolean, transport_help boolean, wheelchair_access boolean, languages text[], open_to public.meetup_audience, capacity integer, guests_welcome boolean default false)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
	target public.meetups;
begin
	select * into target from public.meetups m where m.id = meetup for update;
	if not found or not private.is_host_or_moderator(target.group_id) then
		raise exception 'not_allowed';
	end if;
	if target.status = 'cancelled' then raise exception 'meetup_cancelled'; end if;
	perform private.assert_meetup_valid(
		title, description, starts_at, ends_at, place, online_url, cost, languages, capacity
	);

	update public.meetups m set
		title = btrim(update_meetup.title),
		description = coalesce(btrim(update_meetup.description), ''),
		starts_at = update_meetup.starts_at,
		ends_at = update_meetup.ends_at,
		place = nullif(btrim(update_meetup.place), ''),
		online_url = nullif(btrim(update_meetup.online_url), ''),
		cost = nullif(btrim(update_meetup.cost), ''),
		childcare = coalesce(update_meetup.childcare, false),
		transport_help = coalesce(update_meetup.transport_help, false),
		wheelchair_access = coalesce(update_meetup.wheelchair_access, false),
		languages = coalesce(update_meetup.languages, '{}'),
		open_to = coalesce(update_meetup.open_to, 'group'),
		capacity = update_meetup.capacity,
		guests_welcome = coalesce(update_meetup.guests_welcome, false),
		updated_at = now()
	where m.id = meetup;
	perform private.fill_from_waiting_list(meetup);
end;
$$;
revoke execute on function public.update_meetup(uuid,text,text,timestamp with time zone,timestamp with time zone,text,text,text,boolean,boolean,boolean,text[],public.meetup_audience,integer,boolean) from public, anon;
grant execute on function public.update_meetup(uuid,text,text,timestamp with time zone,timestamp with time zone,text,text,text,boolean,boolean,boolean,text[],public.meetup_audience,integer,boolean) to authenticated, service_role;

drop function public.create_meetup_series(uuid,uuid,text,text,timestamp with time zone,timestamp with time zone,text,text,text,boolean,boolean,boolean,text[],public.meetup_audience,integer,public.meetup_repeat,date);
create function public.create_meetup_series(client_id uuid, target_group uuid, title text, description text, starts_at timestamp with time zone, ends_at timestamp with time zone, place text, online_url text, cost text, childcare boolean, transport_help boolean, wheelchair_access boolean, languages text[], open_to public.meetup_audience, capacity integer, repeat public.meetup_repeat, repeat_until date, guests_welcome boolean default false)
returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
	me uuid := auth.uid();
	existing uuid;
	series uuid;
	first_on date := (starts_at at time zone 'Europe/Brussels')::date;
	wall_start time := (starts_at at time zone 'Europe/Brussels')::time;
	wall_length interval := (ends_at at time zone 'Europe/Brussels') - (starts_at at time zone 'Europe/Brussels');
	first_meetup uuid;
begin
	if me is null or client_id is null then raise exception 'not_allowed'; end if;
	select m.id into existing from public.meetups m
	where m.created_by = me and m.client_id = create_meetup_series.client_id;
	if found then return existing; end if;
	if not private.is_host_or_moderator(target_group) then raise exception 'not_allowed'; end if;
	perform private.assert_meetup_valid(
		title, description, starts_at, ends_at, place, online_url, cost, languages, capacity
	);
	if starts_at <= now() then raise exception 'meetup_in_the_past'; end if;
	if repeat is null or repeat_until is null or repeat_until < first_on
		or repeat_until > first_on + interval '1 year' then
		raise exception 'meetup_repeat_until_invalid';
	end if;

	insert into public.meetup_series (group_id, repeat, first_on, repeat_until, created_by)
	values (target_group, repeat, first_on, repeat_until, me)
	returning id into series;

	insert into public.meetups (
		group_id, series_id, occurrence_on, title, description, starts_at, ends_at, place,
		online_url, cost, childcare, transport_help, wheelchair_access, languages, open_to, capacity,
		guests_welcome, created_by, client_id
	)
	select target_group, series, d, btrim(title), coalesce(btrim(description), ''),
		private.brussels_instant(d, wall_start),
		((d + wall_start) + wall_length) at time zone 'Europe/Brussels',
		nullif(btrim(place), ''), nullif(btrim(online_url), ''), nullif(btrim(cost), ''),
		coalesce(childcare, false), coalesce(transport_help, false), coalesce(wheelchair_access, false),
		coalesce(languages, '{}'), coalesce(open_to, 'group'), capacity, coalesce(create_meetup_series.guests_welcome, false), me,
		-- The first occurrence carries the request's client id, so a retry finds it.
		case when d = first_on then client_id end
	from private.series_dates(first_on, repeat, repeat_until) d;

	select m.id into first_meetup from public.meetups m
	where m.series_id = series and m.occurrence_on = first_on;
	return first_meetup;
exception when unique_violation then
	select m.id into existing from public.meetups m
	where m.created_by = me and m.client_id = create_meetup_series.client_id;
	return existing;
end;
$$;
revoke execute on function public.create_meetup_series(uuid,uuid,text,text,timestamp with time zone,timestamp with time zone,text,text,text,boolean,boolean,boolean,text[],public.meetup_audience,integer,public.meetup_repeat,date,boolean) from public, anon;
grant execute on function public.create_meetup_series(uuid,uuid,text,text,timestamp with time zone,timestamp with time zone,text,text,text,boolean,boolean,boolean,text[],public.meetup_audience,integer,public.meetup_repeat,date,boolean) to authenticated, service_role;

drop function public.update_meetup_series(uuid,text,text,timestamp with time zone,timestamp with time zone,text,text,text,boolean,boolean,boolean,text[],public.meetup_audience,integer,date);
create function public.update_meetup_series(meetup uuid, title text, description text, starts_at timestamp with time zone, ends_at timestamp with time zone, place text, online_url text, cost text, childcare boolean, transport_help boolean, wheelchair_access boolean, languages text[], open_to public.meetup_audience, capacity integer, repeat_until date, guests_welcome boolean default false)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
	target public.meetups;
	series public.meetup_series;
	wall_start time := (starts_at at time zone 'Europe/Brussels')::time;
	wall_length interval := (ends_at at time zone 'Europe/Brussels') - (starts_at at time zone 'Europe/Brussels');
	changed uuid;
begin
	select * into target from public.meetups m where m.id = meetup;
	if not found or not private.is_host_or_moderator(target.group_id) then
		raise exception 'not_allowed';
	end if;
	if target.series_id is null then raise exception 'not_in_a_series'; end if;
	-- One series edit at a time; each occurrence is then locked as it is changed.
	select * into series from public.meetup_series s where s.id = target.series_id for update;
	if target.status = 'cancelled' then raise exception 'meetup_cancelled'; end if;
	perform private.assert_meetup_valid(
		title, description, starts_at, ends_at, place, online_url, cost, languages, capacity
	);
	if (starts_at at time zone 'Europe/Brussels')::date
		<> (target.starts_at at time zone 'Europe/Brussels')::date then
		raise exception 'meetup_series_day_change';
	end if;
	if repeat_until is null or repeat_until < target.occurrence_on
		or repeat_until > target.occurrence_on + interval '1 year' then
		raise exception 'meetup_repeat_until_invalid';
	end if;

	-- Past the new end: gone when nobody answered, cancelled (and so announced) otherwise.
	delete from public.meetups m
	where m.series_id = series.id and m.occurrence_on > repeat_until and m.starts_at > now()
		and not exists (select 1 from public.rsvps r where r.meetup_id = m.id);
	update public.meetups m set status = 'cancelled', updated_at = now()
	where m.series_id = series.id and m.occurrence_on > repeat_until and m.starts_at > now()
		and m.status = 'scheduled';

	for changed in
		select m.id from public.meetups m
		where m.series_id = series.id and m.status = 'scheduled'
			and m.occurrence_on between target.occurrence_on and repeat_until
			and m.starts_at >= target.starts_at
		order by m.starts_at
		for update
	loop
		update public.meetups m set
			title = btrim(update_meetup_series.title),
			description = coalesce(btrim(update_meetup_series.description), ''),
			starts_at = private.brussels_instant((m.starts_at at time zone 'Europe/Brussels')::date, wall_start),
			ends_at = (((m.starts_at at time zone 'Europe/Brussels')::date + wall_start) + wall_length)
				at time zone 'Europe/Brussels',
			place = nullif(btrim(update_meetup_series.place), ''),
			online_url = nullif(btrim(update_meetup_series.online_url), ''),
			cost = nullif(btrim(update_meetup_series.cost), ''),
			childcare = coalesce(update_meetup_series.childcare, false),
			transport_help = coalesce(update_meetup_series.transport_help, false),
			wheelchair_access = coalesce(update_meetup_series.wheelchair_access, false),
			languages = coalesce(update_meetup_series.languages, '{}'),
			open_to = coalesce(update_meetup_series.open_to, 'group'),
			capacity = update_meetup_series.capacity,
			guests_welcome = coalesce(update_meetup_series.guests_welcome, false),
			updated_at = now()
		where m.id = changed;
		perform private.fill_from_waiting_list(changed);
	end loop;

	-- New dates up to the new end, in the future only; dates the series already has (also
	-- moved or cancelled occurrences) are not made again.
	insert into public.meetups (
		group_id, series_id, occurrence_on, title, description, starts_at, ends_at, place,
		online_url, cost, childcare, transport_help, wheelchair_access, languages, open_to, capacity,
		guests_welcome, created_by
	)
	select target.group_id, series.id, d, btrim(title), coalesce(btrim(description), ''),
		private.brussels_instant(d, wall_start),
		((d + wall_start) + wall_length) at time zone 'Europe/Brussels',
		nullif(btrim(place), ''), nullif(btrim(online_url), ''), nullif(btrim(cost), ''),
		coalesce(childcare, false), coalesce(transport_help, false), coalesce(wheelchair_access, false),
		coalesce(languages, '{}'), coalesce(open_to, 'group'), capacity, coalesce(update_meetup_series.guests_welcome, false), auth.uid()
	from private.series_dates(series.first_on, series.repeat, repeat_until) d
	where d > target.occurrence_on and private.brussels_instant(d, wall_start) > now()
	on conflict (series_id, occurrence_on) do nothing;

	update public.meetup_series s set repeat_until = update_meetup_series.repeat_until
	where s.id = series.id;
end;
$$;
revoke execute on function public.update_meetup_series(uuid,text,text,timestamp with time zone,timestamp with time zone,text,text,text,boolean,boolean,boolean,text[],public.meetup_audience,integer,date,boolean) from public, anon;
grant execute on function public.update_meetup_series(uuid,text,text,timestamp with time zone,timestamp with time zone,text,text,text,boolean,boolean,boolean,text[],public.meetup_audience,integer,date,boolean) to authenticated, service_role;

-- Counts are people, guests included; a card says whether guests are welcome and whom I bring.
drop function public.meetup_cards(uuid, uuid, boolean, integer);
create function public.meetup_cards(target_group uuid DEFAULT NULL::uuid, only_meetup uuid DEFAULT NULL::uuid, only_mine boolean DEFAULT false, max_rows integer DEFAULT 20)
returns TABLE(id uuid, group_id uuid, group_name text, title text, description text, starts_at timestamp with time zone, ends_at timestamp with time zone, place text, online_url text, cost text, childcare boolean, transport_help boolean, wheelchair_access boolean, languages text[], open_to public.meetup_audience, capacity integer, status public.meetup_status, going integer, maybe integer, waiting integer, my_status public.rsvp_status, my_childcare_children integer, my_transport_help boolean, my_cost_is_a_problem boolean, my_note text, my_waiting_place integer, i_am_member boolean, i_host boolean, guests_welcome boolean, my_guests integer)
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
		c.open_to, c.capacity, c.status,
		counts.going, counts.maybe, counts.waiting,
		me.status, me.childcare_children, me.transport_help, me.cost_is_a_problem, me.note,
		case when me.status = 'waiting' then (
			select count(*)::integer from public.rsvps ahead
			where ahead.meetup_id = c.id and ahead.status = 'waiting'
				and (ahead.waitlisted_at, ahead.id) <= (me.waitlisted_at, me.id)
		) end,
		private.is_active_member(c.group_id),
		private.is_host_or_moderator(c.group_id),
		c.guests_welcome,
		me.guests
	from chosen c
	join public.groups g on g.id = c.group_id
	-- Active in a group of the same organisation (this one included) and not removed from this one.
	cross join lateral (select private.is_active_in_organisation_of(c.group_id) as mine) organisation
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
grant execute on function public.meetup_cards(uuid, uuid, boolean, integer) to authenticated, service_role;

create or replace function public.meetup_counts(meetup uuid)
returns TABLE(going integer, maybe integer, waiting integer)
language sql
stable
security definer
set search_path = ''
as $$
	select
		coalesce(sum(1 + r.guests) filter (where r.status = 'going'), 0)::integer,
		coalesce(sum(1 + r.guests) filter (where r.status = 'maybe'), 0)::integer,
		coalesce(sum(1 + r.guests) filter (where r.status = 'waiting'), 0)::integer
	from public.meetups m
	left join public.rsvps r on r.meetup_id = m.id
	where m.id = meetup and private.can_see_meetup(m.group_id, m.open_to)
	group by m.id
$$;

create or replace function public.page_meetup_edit(target_meetup uuid)
returns jsonb
language sql
stable
security definer
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
			m.occurrence_on, m.guests_welcome
		from public.meetups m
		join public.groups g on g.id = m.group_id
		where m.id = target_meetup and (select private.is_host_or_moderator(m.group_id))
	) hosted
$$;

-- The host sees who brings someone.
create or replace function public.page_host_view(target_meetup uuid)
returns jsonb
language sql
stable
set search_path = ''
as $$
	with hosted as (
		select public.page_meetup_edit(target_meetup) as meetup
	)
	select jsonb_build_object(
		'meetup', hosted.meetup,
		'answers', coalesce((
			-- A name the host may not read (someone of another group of the organisation) is null.
			select jsonb_agg(jsonb_build_object(
					'member_id', r.member_id,
					'nickname', gm.nickname,
					'role', gm.role,
					'without_phone', coalesce(gm.without_phone, false),
					'status', r.status,
					'childcare_children', r.childcare_children,
					'transport_help', r.transport_help,
					'cost_is_a_problem', r.cost_is_a_problem,
					'note', r.note,
					'guests', r.guests
				) order by r.waitlisted_at nulls last, r.created_at)
			from public.rsvps r
			left join public.group_members gm on gm.id = r.member_id
			where r.meetup_id = target_meetup
		), '[]'::jsonb),
		'checked_in', coalesce((
			select jsonb_agg(a.member_id order by a.checked_in_at)
			from public.attendance a
			where a.meetup_id = target_meetup
		), '[]'::jsonb),
		'members', coalesce((
			select jsonb_agg(jsonb_build_object(
					'id', gm.id,
					'nickname', gm.nickname,
					'role', gm.role,
					'without_phone', gm.without_phone
				) order by gm.nickname)
			from public.group_members gm
			where gm.group_id = (hosted.meetup ->> 'group_id')::uuid and gm.status = 'active'
		), '[]'::jsonb)
	)
	from hosted
	where hosted.meetup is not null
$$;

create or replace function public.page_home()
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
	return (
		select jsonb_build_object(
			'groups', coalesce((
				select jsonb_agg(to_jsonb(g) - 'ordinality' order by g.ordinality)
				from public.my_groups() with ordinality g
			), '[]'),
			'answers', coalesce((
				select jsonb_agg(to_jsonb(a) - 'ordinality' order by a.ordinality)
				from public.answers_to_me(5) with ordinality a
			), '[]'),
			-- More than the five shown: the app keeps one of each weekly meetup (nextOfEach).
			'meetups', coalesce((
				select jsonb_agg(to_jsonb(c) - 'ordinality' order by c.ordinality)
				from public.meetup_cards(null, null, true, 30) with ordinality c
			), '[]'),
			'invitations', coalesce((
				select jsonb_agg(jsonb_build_object(
					'id', i.id,
					'meetup', jsonb_build_object('id', mt.id, 'title', mt.title,
						'starts_at', mt.starts_at),
					'group', jsonb_build_object('id', g.id, 'name', g.name),
					'created_at', i.created_at
				) order by mt.starts_at, i.id)
				from public.group_members mine
				join public.meetup_invitations i on i.member_id = mine.id and i.answered_at is null
				join public.meetups mt on mt.id = i.meetup_id
				join public.groups g on g.id = mine.group_id
				where mine.user_id = (select auth.uid()) and mine.status = 'active'
					and mt.status = 'scheduled' and mt.starts_at > now()
			), '[]'),
			'buddy_requests', coalesce((
				select jsonb_agg(jsonb_build_object(
					'id', b.id,
					'group', jsonb_build_object('id', g.id, 'name', g.name),
					'newcomer', jsonb_build_object('nickname', nc.nickname),
					'created_at', b.created_at
				) order by b.created_at, b.id)
				from public.group_members mine
				join public.buddies b on b.buddy_id = mine.id and b.status = 'asked'
				join public.group_members nc on nc.id = b.newcomer_id and nc.status = 'active'
				join public.groups g on g.id = mine.group_id
				where mine.user_id = (select auth.uid()) and mine.status = 'active'
			), '[]'),
			-- "Ook in je organisatie": what the organisation's other groups open to all its members
			-- (or to everyone), from live groups I am not in, that I have not answered yet.
			'organisation_meetups', coalesce((
				select jsonb_agg(jsonb_build_object(
					'id', mt.id, 'title', mt.title, 'starts_at', mt.starts_at, 'ends_at', mt.ends_at,
					'place', mt.place, 'online', mt.online_url is not null, 'cost', mt.cost,
					'childcare', mt.childcare, 'transport_help', mt.transport_help,
					'wheelchair_access', mt.wheelchair_access, 'guests_welcome', mt.guests_welcome,
					'group', jsonb_build_object('id', g.id, 'name', g.name)
				) order by mt.starts_at, mt.id)
				from (
					select mt.* from public.meetups mt
					join public.groups g on g.id = mt.group_id and g.archived_at is null
					where mt.open_to in ('organisation', 'public') and mt.status = 'scheduled'
						and mt.starts_at > now()
						and g.organisation_id in (
							select mg.organisation_id from public.group_members mine
							join public.groups mg on mg.id = mine.group_id and mg.archived_at is null
							where mine.user_id = (select auth.uid()) and mine.status = 'active'
						)
						and not exists (
							select 1 from public.group_members here
							where here.group_id = g.id and here.user_id = (select auth.uid())
								and here.status in ('active', 'pending', 'removed')
						)
						and not exists (
							select 1 from public.rsvps r
							join public.group_members gm on gm.id = r.member_id
							where r.meetup_id = mt.id and gm.user_id = (select auth.uid())
						)
					order by mt.starts_at, mt.id
					limit 5
				) mt
				join public.groups g on g.id = mt.group_id
			), '[]')
		)
		where (select auth.uid()) is not null
	);
end
$$;
