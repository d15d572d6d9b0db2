-- The public page offers only groups that take join requests. An 'open' group lets in whoever
-- asks, at once, with no moderator involved: offered to the whole web, anyone could read its
-- members' nicknames and posts a minute later. Groups were set to 'open' when that meant "open to
-- whoever holds the link", before they could be shown publicly. Found by an attack review.
-- The same function as in 20261201120100 with that one condition changed.

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
				'capacity', a.capacity,
				-- Someone who comes for nothing is worse off than one who learns it is full.
				'full', a.capacity is not null and a.coming >= a.capacity,
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
