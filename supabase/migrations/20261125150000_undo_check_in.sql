-- A host who tapped the wrong name on the check-in list takes it back. The same people as for
-- checking in: the group's hosts and moderators. Taking back what is not there changes nothing,
-- so a retried request is harmless.
create function public.undo_check_in(meetup uuid, member uuid)
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
	delete from public.attendance a where a.meetup_id = meetup and a.member_id = member;
end;
$$;

revoke execute on function public.undo_check_in(uuid, uuid) from public, anon;
