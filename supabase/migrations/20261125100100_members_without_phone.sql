-- People without a smartphone stay visible: a host or moderator adds them to the group by
-- nickname only (a group_members row without an account), answers and checks in for them, and
-- they count in attendance like everyone else. When such a person gets a phone, a moderator
-- gives them a one-use link that lets them take over that entry, with its history.

-- An invite that hands over one member entry instead of making a new one.
alter table public.invites
	add column claims_member uuid references public.group_members (id) on delete cascade;
create index invites_claims_member_idx on public.invites (claims_member) where claims_member is not null;

create function public.add_member_without_phone(target_group uuid, nickname text)
returns uuid
language plpgsql security definer
set search_path = ''
as $$
declare
	member uuid;
begin
	if not public.is_host_or_moderator(target_group) then raise exception 'not_allowed'; end if;
	if char_length(btrim(coalesce(nickname, ''))) not between 1 and 40 then
		raise exception 'nickname_invalid';
	end if;
	-- One entry per name: the same name again is the same person (and makes a retry harmless).
	-- The group row lock keeps two hosts adding the same name at once from making two.
	perform 1 from public.groups g where g.id = target_group for update;
	select gm.id into member from public.group_members gm
	where gm.group_id = target_group and gm.user_id is null and gm.status = 'active'
		and lower(gm.nickname) = lower(btrim(add_member_without_phone.nickname))
	order by gm.created_at
	limit 1;
	if member is null then
		insert into public.group_members (group_id, user_id, nickname, status, joined_at)
		values (target_group, null, btrim(add_member_without_phone.nickname), 'active', now())
		returning id into member;
	end if;
	return member;
end;
$$;

-- A walk-in is a member without a phone who is checked in at once.
create or replace function public.add_walk_in(meetup uuid, nickname text)
returns uuid
language plpgsql security definer
set search_path = ''
as $$
declare
	target public.meetups;
	member uuid;
begin
	select * into target from public.meetups m where m.id = meetup;
	if not found or not public.is_host_or_moderator(target.group_id) then
		raise exception 'not_allowed';
	end if;
	if target.status = 'cancelled' then raise exception 'meetup_cancelled'; end if;
	member := public.add_member_without_phone(target.group_id, nickname);
	insert into public.attendance (meetup_id, member_id, checked_in_by, walk_in)
	values (meetup, member, auth.uid(), true)
	on conflict (meetup_id, member_id) do nothing;
	return member;
end;
$$;

-- A link for one person to take over one entry: one use, 30 days. A new link replaces the old.
create function public.create_claim_invite(member uuid)
returns text
language plpgsql security definer
set search_path = ''
as $$
declare
	target public.group_members;
	new_code text;
begin
	select * into target from public.group_members gm where gm.id = member for update;
	if not found or not public.is_moderator(target.group_id) then raise exception 'not_allowed'; end if;
	if target.user_id is not null or target.status <> 'active' then raise exception 'not_claimable'; end if;
	update public.invites i set revoked_at = now()
	where i.claims_member = member and i.revoked_at is null;
	insert into public.invites (group_id, created_by, expires_at, max_uses, claims_member)
	values (target.group_id, auth.uid(), now() + interval '30 days', 1, member)
	returning invites.code into new_code;
	return new_code;
end;
$$;

-- What /join/[code] shows; for a link that hands over an entry, also the name it carries.
drop function public.invite_preview(text);
create function public.invite_preview(invite_code text)
returns table (
	group_id uuid,
	group_name text,
	description text,
	rules text,
	organisation_name text,
	state text,
	claims_nickname text
)
language sql stable security definer
set search_path = ''
as $$
	select g.id, g.name, g.description, g.rules, o.name,
		case
			when i.revoked_at is not null then 'revoked'
			when i.expires_at <= now() then 'expired'
			when i.uses >= i.max_uses then 'used_up'
			else 'valid'
		end,
		claimed.nickname
	from public.invites i
	join public.groups g on g.id = i.group_id
	join public.organisations o on o.id = g.organisation_id
	left join public.group_members claimed on claimed.id = i.claims_member
	where i.code = invite_code
$$;

-- Joining with an invite; a claim link makes the signed-in person the owner of the entry it
-- names, so their RSVPs and attendance so far become theirs.
create or replace function public.accept_invite(invite_code text, nickname text, accept_rules boolean)
returns uuid
language plpgsql security definer
set search_path = ''
as $$
declare
	me uuid := auth.uid();
	invite public.invites;
	membership public.group_members;
	claimed public.group_members;
begin
	if me is null then raise exception 'not_signed_in'; end if;
	if not coalesce(accept_rules, false) then raise exception 'rules_not_accepted'; end if;
	if char_length(btrim(coalesce(nickname, ''))) not between 1 and 40 then
		raise exception 'nickname_invalid';
	end if;

	-- The row lock makes concurrent uses of one invite count one after the other.
	select * into invite from public.invites where code = invite_code for update;
	if not found then raise exception 'invite_not_found'; end if;

	select * into membership from public.group_members
	where group_id = invite.group_id and user_id = me for update;
	if found and membership.status = 'active' and invite.claims_member is null then
		return invite.group_id;
	end if;
	if found and membership.status = 'removed' then raise exception 'removed_from_group'; end if;

	if invite.revoked_at is not null then raise exception 'invite_revoked'; end if;
	if invite.expires_at <= now() then raise exception 'invite_expired'; end if;
	if invite.uses >= invite.max_uses then raise exception 'invite_used_up'; end if;

	if invite.claims_member is not null then
		select * into claimed from public.group_members where id = invite.claims_member for update;
		if claimed.user_id is not null or claimed.status <> 'active' then
			raise exception 'invite_used_up';
		end if;
		-- Someone already in the group under another name has two entries; a moderator sorts
		-- that out rather than the database guessing which one to keep.
		if membership.id is not null then raise exception 'claim_already_member'; end if;
		update public.invites set uses = uses + 1 where id = invite.id;
		update public.group_members set user_id = me, nickname = btrim(accept_invite.nickname),
			rules_accepted_at = now()
		where id = claimed.id;
		return invite.group_id;
	end if;

	update public.invites set uses = uses + 1 where id = invite.id;
	insert into public.group_members as m (group_id, user_id, nickname, status, joined_at, rules_accepted_at)
	values (invite.group_id, me, btrim(nickname), 'active', now(), now())
	on conflict (group_id, user_id) do update
		set status = 'active', nickname = excluded.nickname, role = 'member',
			joined_at = now(), rules_accepted_at = now();
	return invite.group_id;
end;
$$;

revoke execute on function
	public.add_member_without_phone(uuid, text),
	public.create_claim_invite(uuid)
	from public, anon;
