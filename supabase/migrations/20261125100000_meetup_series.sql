-- Meetups that repeat: every week, every two weeks, or every month on the n-th weekday.
--
-- A series produces concrete meetups rows, one per date, so that people RSVP to, are reminded
-- of and checked in at a dated occurrence like any other meetup. Every occurrence starts at the
-- same Brussels wall-clock time: a weekly 14:00 stays at 14:00 across the daylight-saving
-- changes, so its UTC instant moves by an hour twice a year. A series always has an end date
-- (at most a year ahead): groups run in seasons, and an end keeps the number of rows known with
-- no job needed to make more; extending the series makes more.
--
-- Editing one occurrence is update_meetup. update_meetup_series changes one occurrence and every
-- later one; cancel_meetup_series cancels them.

create type public.meetup_repeat as enum ('weekly', 'every_two_weeks', 'monthly_nth_weekday');

create table public.meetup_series (
	id uuid primary key default gen_random_uuid(),
	group_id uuid not null references public.groups (id) on delete cascade,
	repeat public.meetup_repeat not null,
	-- The date of the first occurrence: the rule counts from it (the 2nd Tuesday, every other week).
	first_on date not null,
	repeat_until date not null,
	created_by uuid references auth.users (id) on delete set null,
	created_at timestamptz not null default now(),
	check (repeat_until >= first_on)
);
create index meetup_series_group_id_idx on public.meetup_series (group_id);

alter table public.meetups
	add constraint meetups_series_id_fkey
		foreign key (series_id) references public.meetup_series (id) on delete cascade,
	-- The Brussels date this occurrence was made for, even when it was moved to another day.
	add column occurrence_on date,
	add constraint meetups_occurrence_in_series check ((series_id is null) = (occurrence_on is null)),
	add constraint meetups_one_per_series_date unique (series_id, occurrence_on);

alter table public.meetup_series enable row level security;

-- A series shows what its occurrences show: whoever may read one of them may read the rule.
create policy "those who see an occurrence read its series"
	on public.meetup_series for select to anon, authenticated
	using (exists (select 1 from public.meetups m where m.series_id = meetup_series.id));

revoke insert, update, delete on public.meetup_series from anon, authenticated;

-- The dates of a series from its first date up to and including its last. For the monthly rule
-- the first date fixes which weekday and which week: the 2nd Tuesday; a first date in the fifth
-- week means the last such weekday of every month.
create function public.series_dates(
	first_on date, repeat public.meetup_repeat, repeat_until date
) returns setof date
language sql immutable
set search_path = ''
as $$
	select d::date from generate_series(
		first_on::timestamp, repeat_until::timestamp,
		case repeat when 'weekly' then interval '7 days' else interval '14 days' end
	) d
	where repeat in ('weekly', 'every_two_weeks')
	union all
	select candidate from (
		select case
			when rule.week = 5 then
				month_end - ((extract(isodow from month_end)::integer - rule.weekday + 7) % 7)
			else
				month_start + ((rule.weekday - extract(isodow from month_start)::integer + 7) % 7)
					+ (rule.week - 1) * 7
		end as candidate
		from generate_series(
				date_trunc('month', first_on::timestamp), repeat_until::timestamp, interval '1 month'
			) as months (starts),
			lateral (
				select months.starts::date as month_start,
					(months.starts + interval '1 month' - interval '1 day')::date as month_end
			) bounds,
			lateral (
				select extract(isodow from first_on)::integer as weekday,
					(extract(day from first_on)::integer - 1) / 7 + 1 as week
			) rule
		where repeat = 'monthly_nth_weekday'
	) monthly
	where candidate between first_on and repeat_until
	order by 1
$$;

-- The instant a Brussels wall-clock time on a given date stands for.
create function public.brussels_instant(on_date date, wall_time time)
returns timestamptz
language sql immutable
set search_path = ''
as $$
	select (on_date + wall_time) at time zone 'Europe/Brussels'
$$;

create function public.create_meetup_series(
	client_id uuid,
	target_group uuid,
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
	repeat public.meetup_repeat,
	repeat_until date
) returns uuid
language plpgsql security definer
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
	if not public.is_host_or_moderator(target_group) then raise exception 'not_allowed'; end if;
	perform public.assert_meetup_valid(
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
		created_by, client_id
	)
	select target_group, series, d, btrim(title), coalesce(btrim(description), ''),
		public.brussels_instant(d, wall_start),
		((d + wall_start) + wall_length) at time zone 'Europe/Brussels',
		nullif(btrim(place), ''), nullif(btrim(online_url), ''), nullif(btrim(cost), ''),
		coalesce(childcare, false), coalesce(transport_help, false), coalesce(wheelchair_access, false),
		coalesce(languages, '{}'), coalesce(open_to, 'group'), capacity, me,
		-- The first occurrence carries the request's client id, so a retry finds it.
		case when d = first_on then client_id end
	from public.series_dates(first_on, repeat, repeat_until) d;

	select m.id into first_meetup from public.meetups m
	where m.series_id = series and m.occurrence_on = first_on;
	return first_meetup;
exception when unique_violation then
	select m.id into existing from public.meetups m
	where m.created_by = me and m.client_id = create_meetup_series.client_id;
	return existing;
end;
$$;

-- Changes one occurrence and every later one of its series. The form shows one occurrence:
-- its fields go to all of them, its Brussels time of day and length are applied to each on its
-- own date. Moving the series to another weekday is a new series, so the date must stay.
-- A later end date adds occurrences; an earlier one removes those after it (cancelling the ones
-- people already answered, so they are told).
create function public.update_meetup_series(
	meetup uuid,
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
	repeat_until date
) returns void
language plpgsql security definer
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
	if not found or not public.is_host_or_moderator(target.group_id) then
		raise exception 'not_allowed';
	end if;
	if target.series_id is null then raise exception 'not_in_a_series'; end if;
	-- One series edit at a time; each occurrence is then locked as it is changed.
	select * into series from public.meetup_series s where s.id = target.series_id for update;
	if target.status = 'cancelled' then raise exception 'meetup_cancelled'; end if;
	perform public.assert_meetup_valid(
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
			starts_at = public.brussels_instant((m.starts_at at time zone 'Europe/Brussels')::date, wall_start),
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
			updated_at = now()
		where m.id = changed;
		perform public.fill_from_waiting_list(changed);
	end loop;

	-- New dates up to the new end, in the future only; dates the series already has (also
	-- moved or cancelled occurrences) are not made again.
	insert into public.meetups (
		group_id, series_id, occurrence_on, title, description, starts_at, ends_at, place,
		online_url, cost, childcare, transport_help, wheelchair_access, languages, open_to, capacity,
		created_by
	)
	select target.group_id, series.id, d, btrim(title), coalesce(btrim(description), ''),
		public.brussels_instant(d, wall_start),
		((d + wall_start) + wall_length) at time zone 'Europe/Brussels',
		nullif(btrim(place), ''), nullif(btrim(online_url), ''), nullif(btrim(cost), ''),
		coalesce(childcare, false), coalesce(transport_help, false), coalesce(wheelchair_access, false),
		coalesce(languages, '{}'), coalesce(open_to, 'group'), capacity, auth.uid()
	from public.series_dates(series.first_on, series.repeat, repeat_until) d
	where d > target.occurrence_on and public.brussels_instant(d, wall_start) > now()
	on conflict (series_id, occurrence_on) do nothing;

	update public.meetup_series s set repeat_until = update_meetup_series.repeat_until
	where s.id = series.id;
end;
$$;

-- Cancels one occurrence and every later one that is still to come.
create function public.cancel_meetup_series(meetup uuid)
returns void
language plpgsql security definer
set search_path = ''
as $$
declare
	target public.meetups;
begin
	select * into target from public.meetups m where m.id = meetup;
	if not found or not public.is_host_or_moderator(target.group_id) then
		raise exception 'not_allowed';
	end if;
	if target.series_id is null then raise exception 'not_in_a_series'; end if;
	perform 1 from public.meetup_series s where s.id = target.series_id for update;
	update public.meetups m set status = 'cancelled', updated_at = now()
	where m.series_id = target.series_id and m.status = 'scheduled'
		and m.starts_at >= target.starts_at and (m.id = meetup or m.starts_at > now());
end;
$$;

revoke execute on function
	public.create_meetup_series(uuid, uuid, text, text, timestamptz, timestamptz, text, text, text,
		boolean, boolean, boolean, text[], public.meetup_audience, integer, public.meetup_repeat, date),
	public.update_meetup_series(uuid, text, text, timestamptz, timestamptz, text, text, text,
		boolean, boolean, boolean, text[], public.meetup_audience, integer, date),
	public.cancel_meetup_series(uuid)
	from public, anon;
revoke execute on function
	public.series_dates(date, public.meetup_repeat, date),
	public.brussels_instant(date, time)
	from public, anon, authenticated;
