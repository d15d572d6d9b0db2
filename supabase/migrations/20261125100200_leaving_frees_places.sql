-- Someone who leaves a group, is removed from it or deletes their account no longer holds a
-- place at the group's meetups to come: their answers are withdrawn, and a place they held goes
-- to the first one waiting, who is told like any other promotion. Past answers stay: they are
-- what happened.

create function public.free_place_of_withdrawn_rsvp()
returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
	if old.status <> 'going' then return null; end if;
	-- A meetup that is being deleted, has started or was cancelled has no place to hand on.
	perform 1 from public.meetups m
	where m.id = old.meetup_id and m.status = 'scheduled' and m.starts_at > now()
	for update;
	if found then perform public.fill_from_waiting_list(old.meetup_id); end if;
	return null;
end;
$$;

create trigger rsvps_free_place_when_withdrawn
	after delete on public.rsvps
	for each row execute function public.free_place_of_withdrawn_rsvp();

create function public.withdraw_rsvps_of_departed_member()
returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
	delete from public.rsvps r
	using public.meetups m
	where r.member_id = new.id and m.id = r.meetup_id and m.starts_at > now();
	return null;
end;
$$;

create trigger group_members_withdraw_rsvps_on_leaving
	after update of status on public.group_members
	for each row
	when (new.status in ('left', 'removed') and old.status = 'active')
	execute function public.withdraw_rsvps_of_departed_member();

revoke execute on function
	public.free_place_of_withdrawn_rsvp(),
	public.withdraw_rsvps_of_departed_member()
	from public, anon, authenticated;
