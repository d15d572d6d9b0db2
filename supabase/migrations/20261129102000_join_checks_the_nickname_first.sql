-- A newcomer's join made the account first (an anonymous sign-up) and then learned from
-- accept_invite() that the name was refused ("Els", a moderator's name), leaving an account and
-- a session behind. check_invite_nickname() says beforehand what accept_invite() would say of the
-- name, without an account, so the app makes one only for a name the group takes.
--
-- It tells nothing that joining does not: it answers only for an invite that still works, and
-- whoever has one can join and read the group's names. Through the app it is limited like
-- joining (src/lib/server/attempts.ts); called straight, it is no faster than accept_invite()
-- called again and again with one account.
--
-- The trigger and the check share one rule: private.nickname_refusal().

create function private.nickname_refusal(target_group uuid, nickname text, entry uuid, person uuid)
returns text
language sql stable
set search_path = ''
as $$
	select case
		when nickname <> private.without_hidden_characters(nickname) then 'nickname_hidden_characters'
		when exists (
			select 1 from public.group_members other
			where other.group_id = target_group and other.id is distinct from entry
				and (person is null or other.user_id is distinct from person)
				and other.status = 'active' and other.role in ('host', 'moderator')
				and other.nickname_readings && chosen.readings
		) then 'nickname_of_host_or_moderator'
		when exists (
			select 1 from public.group_members other
			where other.group_id = target_group and other.id is distinct from entry
				and (person is null or other.user_id is distinct from person)
				and other.status = 'active'
				and other.nickname_readings && chosen.readings
		) then 'nickname_taken'
	end
	from (select private.nickname_readings(nickname) as readings) chosen
$$;

create or replace function private.check_member_nickname() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
	refusal text;
begin
	if tg_op = 'INSERT' or new.nickname is distinct from old.nickname then
		new.nickname_readings := private.nickname_readings(new.nickname);
	end if;
	-- A name is checked when it is chosen: a new entry, a new name, or coming back to the group.
	-- A role change is not a new name.
	if tg_op = 'UPDATE' and new.nickname is not distinct from old.nickname
		and not (old.status in ('left', 'removed') and new.status in ('active', 'pending')) then
		return new;
	end if;
	-- Two people choosing one name at once: the second waits and sees the first.
	perform 1 from public.groups g where g.id = new.group_id for no key update;
	refusal := private.nickname_refusal(new.group_id, new.nickname, new.id, new.user_id);
	if refusal is not null then raise exception '%', refusal; end if;
	return new;
end;
$$;

create function public.check_invite_nickname(invite_code text, nickname text) returns text
language sql stable security definer
set search_path = ''
as $$
	select case
		when char_length(btrim(coalesce(nickname, ''))) not between 1 and 40 then 'nickname_invalid'
		else private.nickname_refusal(
			i.group_id, btrim(nickname), i.claims_member, (select auth.uid())
		)
	end
	from public.invites i
	where i.code = invite_code
		and i.revoked_at is null and i.expires_at > now() and i.uses < i.max_uses
$$;
grant execute on function public.check_invite_nickname(text, text) to anon, authenticated;
