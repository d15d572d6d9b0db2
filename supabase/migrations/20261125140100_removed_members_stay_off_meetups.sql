-- Someone removed from a group is off its meetups, also those open to the whole organisation.
-- Through a membership in another group of the organisation they still saw those meetups,
-- could answer them (on the hosts' list, with their needs), and the answers they had given that
-- way survived the removal. Removal is a moderation action: it now also withdraws those answers
-- (handing their places on), hides the group's organisation-wide meetups from them and refuses
-- their answers. A public meetup stays readable, as it is for anyone signed out.

create or replace function public.is_active_in_organisation_of(target_group uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
	select exists (
		select 1 from public.groups target
		join public.groups g on g.organisation_id = target.organisation_id
		join public.group_members m on m.group_id = g.id
		where target.id = target_group and m.user_id = (select auth.uid()) and m.status = 'active'
	) and not exists (
		select 1 from public.group_members removed
		where removed.group_id = target_group and removed.user_id = (select auth.uid())
			and removed.status = 'removed'
	)
$$;

-- rsvp() also keeps one answer per person per meetup. It chose the membership to answer through
-- afresh on every call: the one in the meetup's group, else the first in the organisation.
-- Someone who answered an organisation-wide meetup through their own group and later joined the
-- meetup's group got a second answer: their first "going" kept its place, and saying "I can't
-- come" changed only the new one. Now an answer already given, through a membership that still
-- may answer, is the one that changes.
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
	if exists (
		select 1 from public.group_members gm
		where gm.group_id = target.group_id and gm.user_id = auth.uid() and gm.status = 'removed'
	) then
		raise exception 'not_allowed';
	end if;
	-- One answer per person: the one already given, through a membership that may still answer.
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

create or replace function public.withdraw_rsvps_of_departed_member()
returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
	delete from public.rsvps r
	using public.meetups m
	where m.id = r.meetup_id and m.starts_at > now()
		and (
			r.member_id = new.id
			-- Removed: also what they answered to this group's meetups from another group.
			or (new.status = 'removed' and new.user_id is not null and m.group_id = new.group_id
				and r.member_id in (
					select gm.id from public.group_members gm where gm.user_id = new.user_id
				))
		);
	return null;
end;
$$;
