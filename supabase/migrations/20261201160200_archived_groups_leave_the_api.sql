-- An archived group disappears from public pages, and now from the API too: its meetups open to
-- the public or the organisation were still served to anyone (/rest/v1/meetups?open_to=eq.public)
-- and to the organisation's other groups. Its own members still read them, as they read the rest
-- of their group. Found by an attack review.
-- can_see_meetup becomes security definer to read whether the group is archived: anon cannot
-- read groups. It is used by the meetups policy and the functions that show meetups.

create or replace function private.can_see_meetup(target_group uuid, audience public.meetup_audience)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
	select private.is_active_member(target_group)
		or (
			audience <> 'group'
			and exists (
				select 1 from public.groups g
				where g.id = target_group and g.archived_at is null
			)
			and (audience = 'public' or private.is_active_in_organisation_of(target_group))
		)
$$;
