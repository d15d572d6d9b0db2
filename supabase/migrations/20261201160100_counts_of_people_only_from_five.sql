-- Counts of people only from 5, also where a count could be worked out. Found by an attack review.
-- 1. The public page: a meetup with 2 places that is full says that exactly 2 come. Under 5
--    places it leaves out both the capacity and whether it is full. public_organisation is the
--    same function as in 20261201160000 with those two keys changed.
-- 2. meetup_counts, which anyone may call for a public meetup (and a member of another group of
--    the organisation for one open to it), gave exact counts. Now only active members of the
--    meetup's own group get them whatever they are; anyone else gets a count only from 5. The
--    waiting list only with 5 or more going: someone waiting means the meetup is full, and the
--    capacity would tell how many go.

create or replace function public.public_organisation(slug text)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
	answer jsonb;
begin
	select jsonb_build_object(
		'name', o.name,
		'slug', o.slug,
		'description', o.description,
		'address', o.address,
		'contact', o.contact,
		'languages', to_jsonb(o.languages),
		'colour', o.colour,
		'initials', o.initials,
		'groups', coalesce((
			select jsonb_agg(jsonb_build_object(
				'id', g.id,
				'name', g.name,
				'description', g.description,
				'language', g.language,
				'join_policy', g.join_policy
			) order by g.name, g.id)
			from public.groups g
			where g.organisation_id = o.id
				and g.archived_at is null
				and g.join_policy = 'request'
		), '[]'::jsonb),
		'activities', coalesce((
			select jsonb_agg(jsonb_build_object(
				'id', a.id,
				'title', a.title,
				'description', a.description,
				'starts_at', a.starts_at,
				'ends_at', a.ends_at,
				-- A calendar updates its copy of the event when this moves.
				'updated_at', a.updated_at,
				'place', a.place,
				'online_url', a.online_url,
				'cost', a.cost,
				'childcare', a.childcare,
				'transport_help', a.transport_help,
				'wheelchair_access', a.wheelchair_access,
				'languages', to_jsonb(a.languages),
				-- Under 5 places, the capacity and being full would together tell how many come.
				'capacity', case when a.capacity >= 5 then a.capacity end,
				-- Someone who comes for nothing is worse off than one who learns it is full.
				'full', case
					when a.capacity is null then false
					when a.capacity >= 5 then a.coming >= a.capacity
				end,
				'coming', case when a.coming >= 5 then a.coming end,
				-- Places left would tell how many come: shown only when that number may be.
				'places_left', case
					when a.capacity is not null and a.coming >= 5 then greatest(a.capacity - a.coming, 0)
				end
			) order by a.starts_at, a.id)
			from (
				select m.*, (
					select coalesce(sum(1 + r.guests), 0)::integer
					from public.rsvps r
					where r.meetup_id = m.id and r.status = 'going'
				) as coming
				from public.meetups m
				join public.groups g on g.id = m.group_id
				where g.organisation_id = o.id
					and g.archived_at is null
					and m.open_to = 'public'
					and m.status = 'scheduled'
					and m.ends_at > now()
				order by m.starts_at, m.id
				limit 50
			) a
		), '[]'::jsonb)
	) into answer
	from public.organisations o
	where o.slug = public_organisation.slug;
	return answer;
end;
$$;

create or replace function public.meetup_counts(meetup uuid)
returns table(going integer, maybe integer, waiting integer)
language sql
stable
security definer
set search_path = ''
as $$
	select
		case when counted.member or counted.going >= 5 then counted.going end,
		case when counted.member or counted.maybe >= 5 then counted.maybe end,
		case when counted.member or (counted.waiting >= 5 and counted.going >= 5) then counted.waiting end
	from (
		select
			coalesce(sum(1 + r.guests) filter (where r.status = 'going'), 0)::integer as going,
			coalesce(sum(1 + r.guests) filter (where r.status = 'maybe'), 0)::integer as maybe,
			coalesce(sum(1 + r.guests) filter (where r.status = 'waiting'), 0)::integer as waiting,
			private.is_active_member(m.group_id) as member
		from public.meetups m
		left join public.rsvps r on r.meetup_id = m.id
		where m.id = meetup and private.can_see_meetup(m.group_id, m.open_to)
		group by m.id
	) counted
$$;
