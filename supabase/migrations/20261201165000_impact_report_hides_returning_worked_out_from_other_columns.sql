-- The impact report hid each column on its own, but three columns bound each other in one row:
-- returning people came at least twice, so returning <= attendances - participants (and at least 1
-- when attendances > participants). Attendances 11 and participants 10 shown pinned a hidden
-- returning to exactly 1, equal ones to 0 (attack review of issue 12, finding 2b). Now, wherever
-- attendances are shown and a hidden participants or returning figure has a single value left,
-- participants are hidden too ('derived'), or the attendances when participants already are; the
-- columns are then hidden again around what that added, until nothing changes.

-- Like impact_suppression(cells), starting from cells already hidden ('derived': 5 or more).
create function private.impact_suppression(cells integer[], preset text[])
returns text[]
language plpgsql
immutable
set search_path = ''
as $$
declare
	n integer := coalesce(array_length(cells, 1), 0);
	flags text[] := array_fill(null::text, array[n]);
	unbounded constant bigint := 1000000000;
	shown_sum bigint;
	others_low bigint;
	others_high bigint;
	low bigint;
	high bigint;
	sign integer;
	pinned boolean;
	next_cell integer;
begin
	if n = 0 then return flags; end if;
	for i in 1 .. n loop
		if cells[i] is null or cells[i] < 5 then flags[i] := 'small';
		else flags[i] := preset[i];
		end if;
	end loop;

	loop
		-- total - sum(groups) = 0, written as sum(sign * cell) = 0 with sign +1 for the total.
		shown_sum := 0;
		for i in 1 .. n loop
			if flags[i] is null then
				shown_sum := shown_sum + case when i = 1 then 1 else -1 end * cells[i];
			end if;
		end loop;

		pinned := false;
		for j in 1 .. n loop
			continue when flags[j] is null;
			others_low := 0;
			others_high := 0;
			for i in 1 .. n loop
				continue when i = j or flags[i] is null;
				sign := case when i = 1 then 1 else -1 end;
				if flags[i] = 'small' then
					low := 0; high := 4;
				else
					low := 5; high := unbounded;
				end if;
				if sign = 1 then
					others_low := others_low + low; others_high := others_high + high;
				else
					others_low := others_low - high; others_high := others_high - low;
				end if;
			end loop;
			-- sign_j * cell_j = -shown_sum - others
			if j = 1 then
				low := -shown_sum - others_high; high := -shown_sum - others_low;
			else
				low := shown_sum + others_low; high := shown_sum + others_high;
			end if;
			if flags[j] = 'small' then
				low := greatest(low, 0); high := least(high, 4);
			else
				low := greatest(low, 5); high := least(high, unbounded);
			end if;
			if low >= high then pinned := true; exit; end if;
		end loop;
		exit when not pinned;

		select i into next_cell
		from generate_subscripts(cells, 1) i
		where i > 1 and flags[i] is null
		order by cells[i], i
		limit 1;
		if next_cell is null then
			exit when flags[1] is not null;
			next_cell := 1;
		end if;
		flags[next_cell] := 'derived';
	end loop;
	return flags;
end
$$;
revoke execute on function private.impact_suppression(integer[], text[]) from public, anon, authenticated;
grant execute on function private.impact_suppression(integer[], text[]) to service_role;

create or replace function private.impact_suppression(cells integer[])
returns text[]
language sql
immutable
set search_path = ''
as $$
	select private.impact_suppression(cells, null)
$$;

-- One measure of the raw report as a column: the total first, then the groups in order.
create function private.impact_column(raw jsonb, group_ids uuid[], measure text)
returns integer[]
language sql
immutable
set search_path = ''
as $$
	select array[(raw -> 'total' ->> measure)::integer] || array(
		select (raw -> 'groups' -> id::text ->> measure)::integer
		from unnest(group_ids) with ordinality as u(id, place) order by place
	)
$$;
revoke execute on function private.impact_column(jsonb, uuid[], text) from public, anon, authenticated;
grant execute on function private.impact_column(jsonb, uuid[], text) to service_role;

-- The three people columns hidden together. In a row whose attendances A are shown, what fits is
-- a participants P and returning R with either R = 0 and P = A (everyone came once), or
-- 1 <= R <= P and P + R <= A; a 'small' figure is 0-4, a 'derived' one 5 or more. A row whose
-- attendances are hidden bounds nothing: a hidden A can be any size.
create function private.impact_people_suppression(
	attendances integer[], participants integer[], returning_ integer[],
	out attendances_flags text[], out participants_flags text[], out returning_flags text[]
)
language plpgsql
immutable
set search_path = ''
as $$
declare
	n integer := coalesce(array_length(attendances, 1), 0);
	changed boolean := true;
	a integer;
	p_low integer;
	p_high integer;
	r_low integer;
	r_high integer;
	p_fits integer;
	r_min integer;
	r_max integer;
	lo integer;
	hi integer;
begin
	attendances_flags := private.impact_suppression(attendances);
	participants_flags := private.impact_suppression(participants);
	returning_flags := private.impact_suppression(returning_);
	while changed loop
		changed := false;
		for i in 1 .. n loop
			continue when attendances_flags[i] is not null
				or (participants_flags[i] is null and returning_flags[i] is null);
			a := attendances[i];
			p_low := case when participants_flags[i] is null then participants[i]
				when participants_flags[i] = 'small' then 0 else 5 end;
			p_high := case when participants_flags[i] is null then participants[i]
				when participants_flags[i] = 'small' then 4 else a end;
			r_low := case when returning_flags[i] is null then returning_[i]
				when returning_flags[i] = 'small' then 0 else 5 end;
			r_high := case when returning_flags[i] is null then returning_[i]
				when returning_flags[i] = 'small' then 4 else a end;
			p_fits := 0;
			r_min := null;
			r_max := null;
			for p in p_low .. least(p_high, a) loop
				lo := greatest(1, r_low);
				hi := least(r_high, p, a - p);
				if p = a and r_low <= 0 then
					lo := 0;
					hi := greatest(hi, 0);
				end if;
				continue when lo > hi;
				p_fits := p_fits + 1;
				r_min := least(r_min, lo);
				r_max := greatest(r_max, hi);
				exit when p_fits >= 2 and (returning_flags[i] is null or r_min < r_max);
			end loop;
			if (participants_flags[i] is not null and p_fits < 2)
				or (returning_flags[i] is not null and r_min >= r_max) then
				if participants_flags[i] is null then
					participants_flags[i] := 'derived';
				else
					attendances_flags[i] := 'derived';
				end if;
				changed := true;
			end if;
		end loop;
		if changed then
			attendances_flags := private.impact_suppression(attendances, attendances_flags);
			participants_flags := private.impact_suppression(participants, participants_flags);
		end if;
	end loop;
end
$$;
revoke execute on function private.impact_people_suppression(integer[], integer[], integer[]) from public, anon, authenticated;
grant execute on function private.impact_people_suppression(integer[], integer[], integer[]) to service_role;

create or replace function public.impact_report(organisation uuid, from_date date, to_date date)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
	-- Meetups are counted as well as people: a column of them is hidden under 5 like any other.
	measures constant text[] := array[
		'meetups', 'attendances', 'participants', 'returning', 'new_members', 'posts', 'answers',
		'meetups_childcare', 'meetups_transport', 'meetups_free'
	];
	shares constant text[] := array['childcare', 'transport', 'free'];
	period_start timestamptz;
	period_end timestamptz;
	org record;
	raw jsonb;
	group_ids uuid[];
	cells integer[];
	flags text[];
	figures jsonb[];
	measure text;
	share text;
	result_groups jsonb := '[]';
	total jsonb;
	one jsonb;
	people_flags record;
begin
	if (select auth.uid()) is null or organisation is null
		or not private.is_organisation_admin(organisation) then
		raise exception 'not_allowed';
	end if;
	if from_date is null or to_date is null or to_date < from_date or to_date - from_date > 1096 then
		raise exception 'report_period_invalid';
	end if;
	select o.id, o.name, o.slug into org from public.organisations o where o.id = organisation;

	period_start := from_date::timestamp at time zone 'Europe/Brussels';
	period_end := (to_date + 1)::timestamp at time zone 'Europe/Brussels';

	with report_groups as (
		select g.id from public.groups g
		where g.organisation_id = organisation and g.created_at < period_end
	), held as (
		select m.id, m.group_id, m.childcare, m.transport_help, m.cost is null as free
		from public.meetups m
		join report_groups rg on rg.id = m.group_id
		where m.status = 'scheduled' and m.starts_at >= period_start
			and m.starts_at < least(period_end, now())
	), visits as (
		-- A member without a phone has no account: their membership is the person.
		select h.group_id, coalesce(gm.user_id, gm.id) as person, count(*)::integer as times
		from held h
		join public.attendance a on a.meetup_id = h.id
		join public.group_members gm on gm.id = a.member_id
		group by h.group_id, coalesce(gm.user_id, gm.id)
	), joined as (
		select gm.group_id, coalesce(gm.user_id, gm.id) as person
		from public.group_members gm
		join report_groups rg on rg.id = gm.group_id
		where gm.joined_at >= period_start and gm.joined_at < period_end
			and gm.status in ('active', 'left', 'removed')
	), per_group as (
		select rg.id as group_id,
			(select count(*) from held h where h.group_id = rg.id) as meetups,
			(select coalesce(sum(v.times), 0) from visits v where v.group_id = rg.id) as attendances,
			(select count(*) from visits v where v.group_id = rg.id) as participants,
			(select count(*) from visits v where v.group_id = rg.id and v.times >= 2) as returning,
			(select count(*) from joined j where j.group_id = rg.id) as new_members,
			(select count(*) from public.posts p
				where p.group_id = rg.id and p.created_at >= period_start and p.created_at < period_end
					and p.deleted_at is null and p.hidden_at is null) as posts,
			(select count(*) from public.comments c
				where c.group_id = rg.id and c.created_at >= period_start and c.created_at < period_end
					and c.deleted_at is null and c.hidden_at is null) as answers,
			(select count(*) from held h where h.group_id = rg.id and h.childcare) as meetups_childcare,
			(select count(*) from held h where h.group_id = rg.id and h.transport_help) as meetups_transport,
			(select count(*) from held h where h.group_id = rg.id and h.free) as meetups_free
		from report_groups rg
	), people as (
		select v.person, sum(v.times) as times from visits v group by v.person
	)
	select jsonb_build_object(
		'groups', coalesce((select jsonb_object_agg(pg.group_id, to_jsonb(pg) - 'group_id') from per_group pg), '{}'),
		'total', jsonb_build_object(
			'meetups', (select count(*) from held),
			'attendances', (select coalesce(sum(v.times), 0) from visits v),
			-- People are counted once in the total, also when they came to several groups.
			'participants', (select count(*) from people),
			'returning', (select count(*) from people where people.times >= 2),
			'new_members', (select count(distinct j.person) from joined j),
			'posts', (select coalesce(sum(pg.posts), 0) from per_group pg),
			'answers', (select coalesce(sum(pg.answers), 0) from per_group pg),
			'meetups_childcare', (select count(*) from held where held.childcare),
			'meetups_transport', (select count(*) from held where held.transport_help),
			'meetups_free', (select count(*) from held where held.free)
		)
	) into raw;

	select coalesce(array_agg(g.id order by g.name, g.id), '{}') into group_ids
	from public.groups g
	where g.organisation_id = organisation and g.created_at < period_end;

	figures := array_fill('{}'::jsonb, array[cardinality(group_ids) + 1]);
	-- Attendances, participants and returning bound each other: hidden together, see
	-- impact_people_suppression.
	select s.attendances_flags, s.participants_flags, s.returning_flags into people_flags
	from private.impact_people_suppression(
		private.impact_column(raw, group_ids, 'attendances'),
		private.impact_column(raw, group_ids, 'participants'),
		private.impact_column(raw, group_ids, 'returning')
	) s;
	foreach measure in array measures loop
		cells := private.impact_column(raw, group_ids, measure);
		flags := case measure
			when 'attendances' then people_flags.attendances_flags
			when 'participants' then people_flags.participants_flags
			when 'returning' then people_flags.returning_flags
			else private.impact_suppression(cells)
		end;
		for i in 1 .. cardinality(cells) loop
			figures[i] := figures[i] || jsonb_build_object(measure, jsonb_build_object(
				'value', case when flags[i] is null then cells[i] end,
				'suppressed', flags[i]
			));
		end loop;
	end loop;

	-- A share is shown only beside both figures it comes from, so it tells nothing they hide.
	for i in 1 .. cardinality(figures) loop
		one := '{}';
		foreach share in array shares loop
			one := one || jsonb_build_object(share, case
				when (figures[i] -> 'meetups' ->> 'value') is not null
					and (figures[i] -> ('meetups_' || share) ->> 'value') is not null
				then round(100.0 * (figures[i] -> ('meetups_' || share) ->> 'value')::integer
					/ (figures[i] -> 'meetups' ->> 'value')::integer)::integer
			end);
		end loop;
		figures[i] := figures[i] || jsonb_build_object('shares', one);
	end loop;

	total := figures[1];
	select coalesce(jsonb_agg(jsonb_build_object(
			'id', g.id, 'name', g.name, 'archived', g.archived_at is not null,
			'figures', figures[u.place + 1]
		) order by u.place), '[]')
	into result_groups
	from unnest(group_ids) with ordinality as u(id, place)
	join public.groups g on g.id = u.id;

	return jsonb_build_object(
		'organisation', jsonb_build_object('id', org.id, 'name', org.name, 'slug', org.slug),
		'from', from_date,
		'to', to_date,
		'groups', result_groups,
		'total', total
	);
end
$$;
