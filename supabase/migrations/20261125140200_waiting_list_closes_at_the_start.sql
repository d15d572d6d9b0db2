-- The waiting list closes when the meetup starts, as answering does. update_meetup (and the
-- series edit) handed places to those waiting whenever a host saved a meetup, also one that was
-- over: tidying up its capacity afterwards told people waiting "you have a place" for a meetup
-- that had already happened. A place that frees up goes on only while the meetup is to come
-- and not cancelled; a meetup moved back into the future fills again when it is saved.

create or replace function public.fill_from_waiting_list(target_meetup uuid)
returns void
language plpgsql security definer
set search_path = ''
as $$
declare
	places integer;
begin
	select m.capacity - (
		select count(*) from public.rsvps r where r.meetup_id = m.id and r.status = 'going'
	) into places
	from public.meetups m
	where m.id = target_meetup and m.status = 'scheduled' and m.starts_at > now();
	if not found then return; end if;
	update public.rsvps set status = 'going', promoted_at = clock_timestamp(), updated_at = now()
	where id in (
		select id from public.rsvps
		where meetup_id = target_meetup and status = 'waiting'
		order by waitlisted_at, id
		-- LIMIT NULL (no capacity) lets everyone in.
		limit case when places is not null then greatest(places, 0) end
	);
end;
$$;
