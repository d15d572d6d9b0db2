-- One answer per person per meetup. rsvp() chose the membership to answer through afresh on
-- every call: the one in the meetup's group, else the first in the organisation. Someone who
-- answered an organisation-wide meetup through their own group and later joined the meetup's
-- group (or left the group they answered through for another) got a second answer: their
-- first "going" kept its place, and saying "I can't come" changed only the new one. Now an
-- answer already given, through a membership that still may answer, is the one that changes.

create or replace function public.rsvp(
	client_id uuid,
	meetup uuid,
	status public.rsvp_status,
	childcare_children integer,
	transport_help boolean,
	cost_is_a_problem boolean,
	note text
) returns public.rsvp_status
language plpgsql security definer
set search_path = ''
as $$
declare
	target public.meetups;
	member uuid;
begin
	if auth.uid() is null then raise exception 'not_signed_in'; end if;
	select * into target from public.meetups m where m.id = meetup;
	if not found then raise exception 'not_allowed'; end if;
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
	return public.record_rsvp(
		meetup, member, rsvp.client_id, rsvp.status, rsvp.childcare_children, rsvp.transport_help,
		rsvp.cost_is_a_problem, rsvp.note
	);
end;
$$;
