-- Moderation (issue 10), three side doors found by trying them.
--
-- 1. A request to join is approved with the name it was made with. The nickname trigger checked
--    a name only when it was chosen (a new entry, a new name, coming back after leaving), so a
--    request waiting while someone named alike came in — or became moderator — was approved
--    as a look-alike of a moderator, or as a second "Jan". A status that becomes active or
--    pending from any other status is a name chosen again. (Asking again after a refusal goes
--    through request_to_join's insert, whose BEFORE INSERT check already sees it.)
--    A trigger of its own, so the nickname trigger (being reworked in this session) stays one
--    file's; the rule is the same as private.check_member_nickname's.
create function private.check_member_nickname_on_status() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
	perform 1 from public.groups g where g.id = new.group_id for no key update;
	if exists (
		select 1 from public.group_members other
		where other.group_id = new.group_id and other.id <> new.id
			and (new.user_id is null or other.user_id is distinct from new.user_id)
			and other.status = 'active' and other.role in ('host', 'moderator')
			and other.nickname_readings && new.nickname_readings
	) then
		raise exception 'nickname_of_host_or_moderator';
	end if;
	if exists (
		select 1 from public.group_members other
		where other.group_id = new.group_id and other.id <> new.id
			and (new.user_id is null or other.user_id is distinct from new.user_id)
			and other.status = 'active'
			and other.nickname_readings && new.nickname_readings
	) then
		raise exception 'nickname_taken';
	end if;
	return new;
end;
$$;

create trigger group_members_check_nickname_on_status
	before update of status on public.group_members
	for each row
	when (old.status not in ('active', 'left', 'removed') and new.status in ('active', 'pending')
		and old.status is distinct from new.status and new.nickname is not distinct from old.nickname)
	execute function private.check_member_nickname_on_status();

-- 2. A muted member made moderator stayed muted, and no one could end it: moderators do not act
--    on moderators. Trusting someone with the group ends their break; the log says so (an
--    unmute, undoing the mute), so the member reads it on "what the moderators did".
create or replace function public.set_member_role(member uuid, new_role public.member_role)
returns void
language plpgsql security definer
set search_path = ''
as $$
declare
	target public.group_members;
begin
	select * into target from public.group_members where id = member for update;
	if not found or not private.is_moderator(target.group_id) then raise exception 'not_allowed'; end if;
	if target.status <> 'active' then raise exception 'not_a_member'; end if;
	-- A group always keeps at least one moderator.
	if target.role = 'moderator' and new_role <> 'moderator' and not exists (
		select 1 from public.group_members
		where group_id = target.group_id and role = 'moderator' and status = 'active' and id <> member
	) then
		raise exception 'last_moderator';
	end if;
	if new_role = 'moderator' and target.muted_until > now() then
		update public.group_members set role = new_role, muted_until = null where id = member;
		perform private.log_moderation(target.group_id, 'unmute', (
			select case g.language
				when 'fr' then 'Fait partie de l''équipe d''animation : la pause est finie.'
				when 'en' then 'Became a moderator: the break is over.'
				else 'Werd begeleider: de pauze is voorbij.'
			end
			from public.groups g where g.id = target.group_id
		), null, null, member, null, (
			select l.id from public.moderation_log l
			where l.member_id = member and l.action = 'mute' order by l.created_at desc limit 1
		));
		return;
	end if;
	update public.group_members set role = new_role where id = member;
end;
$$;

-- 3. A hidden post's or answer's reactions stayed readable by id: a reporter saw them still
--    there after the item left the feed, and so told "hidden by the moderators" from "deleted
--    with its author's account" (which takes the reactions along). A reaction is now readable
--    exactly when its post or answer is (the policies on posts and comments decide).
drop policy "active members read their group's reactions" on public.reactions;
create policy "active members read reactions to what they can read"
	on public.reactions for select to authenticated
	using (
		(select private.is_active_member(group_id))
		and (
			exists (select 1 from public.posts p where p.id = reactions.post_id)
			or exists (select 1 from public.comments c where c.id = reactions.comment_id)
		)
	);
