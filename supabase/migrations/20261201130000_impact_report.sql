-- The impact report for funders (issue 12): what an organisation's groups did in a period, per group
-- and in total, for that organisation's admins only. No figure under 5 leaves the database, and a
-- second figure is hidden wherever a hidden one could be worked out from the others.

-- Which cells of one column to hide. cells[1] is the total, cells[2..] the groups. A cell under 5
-- is 'small'; then, as long as some hidden cell has only one value left that fits what is shown
-- (the total minus the groups shown, knowing a small cell is 0-4 and a 'derived' one 5 or more),
-- the smallest group still shown is hidden too ('derived'), and the total when no group is left.
-- The total is treated as the sum of the groups even where it counts people once across groups:
-- that hides at least as much as the real relation would let anyone work out.
create function private.impact_suppression(cells integer[])
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
		if cells[i] is null or cells[i] < 5 then flags[i] := 'small'; end if;
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
revoke execute on function private.impact_suppression(integer[]) from public, anon, authenticated;
grant execute on function private.impact_suppression(integer[]) to service_role;

create function public.impact_report(organisation uuid, from_date date, to_date date)
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
	foreach measure in array measures loop
		cells := array[(raw -> 'total' ->> measure)::integer] || array(
			select (raw -> 'groups' -> id::text ->> measure)::integer
			from unnest(group_ids) with ordinality as u(id, place) order by place
		);
		flags := private.impact_suppression(cells);
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
revoke execute on function public.impact_report(uuid, date, date) from public, anon;
grant execute on function public.impact_report(uuid, date, date) to authenticated, service_role;

-- The report page's one call: the organisation by its URL name, then the report, which refuses
-- anyone who is not its admin.
create function public.page_impact_report(organisation_slug text, from_date date, to_date date)
returns jsonb
language sql
stable
set search_path = ''
as $$
	select public.impact_report(
		coalesce((select o.id from public.organisations o where o.slug = organisation_slug),
			'00000000-0000-0000-0000-000000000000'::uuid),
		from_date, to_date
	)
$$;
revoke execute on function public.page_impact_report(text, date, date) from public, anon;
grant execute on function public.page_impact_report(text, date, date) to authenticated, service_role;
