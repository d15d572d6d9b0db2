-- Organisations, their groups, who belongs to which group, and invites. Joining, leaving and
-- role changes are functions, so that invite limits, join policies and rules acceptance hold
-- under concurrent use. Errors are raised as short codes (P0001) that the app turns into words.

create type public.join_policy as enum ('invite_only', 'request', 'open');
create type public.member_role as enum ('member', 'host', 'moderator');
create type public.member_status as enum ('pending', 'active', 'left', 'removed');

create table public.organisations (
	id uuid primary key default gen_random_uuid(),
	name text not null check (char_length(btrim(name)) between 1 and 120),
	slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
	created_at timestamptz not null default now()
);

create table public.groups (
	id uuid primary key default gen_random_uuid(),
	organisation_id uuid not null references public.organisations (id) on delete cascade,
	name text not null check (char_length(btrim(name)) between 1 and 120),
	slug text not null check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
	description text not null default '' check (char_length(description) <= 2000),
	rules text not null default '' check (char_length(rules) <= 4000),
	join_policy public.join_policy not null default 'invite_only',
	language text not null default 'nl' check (language in ('nl', 'fr', 'en')),
	created_at timestamptz not null default now(),
	unique (organisation_id, slug)
);
create index groups_organisation_id_idx on public.groups (organisation_id);

-- user_id is nullable on purpose: a moderator will be able to add a person without a phone by
-- nickname only (meetups), who counts in attendance and signals like everyone else.
create table public.group_members (
	id uuid primary key default gen_random_uuid(),
	group_id uuid not null references public.groups (id) on delete cascade,
	user_id uuid references auth.users (id) on delete cascade,
	role public.member_role not null default 'member',
	status public.member_status not null default 'pending',
	nickname text not null check (char_length(btrim(nickname)) between 1 and 40),
	joined_at timestamptz,
	rules_accepted_at timestamptz,
	last_seen_at timestamptz,
	created_at timestamptz not null default now(),
	unique (group_id, user_id)
);
create index group_members_user_id_idx on public.group_members (user_id);

create table public.invites (
	id uuid primary key default gen_random_uuid(),
	group_id uuid not null references public.groups (id) on delete cascade,
	-- 144 random bits, URL-safe.
	code text not null unique
		default translate(encode(extensions.gen_random_bytes(18), 'base64'), '+/', '-_')
		check (char_length(code) >= 22),
	created_by uuid references auth.users (id) on delete set null,
	expires_at timestamptz not null default now() + interval '14 days',
	max_uses integer not null default 25 check (max_uses between 1 and 1000),
	uses integer not null default 0 check (uses >= 0),
	revoked_at timestamptz,
	created_at timestamptz not null default now(),
	check (uses <= max_uses)
);
create index invites_group_id_idx on public.invites (group_id);

alter table public.organisations enable row level security;
alter table public.groups enable row level security;
alter table public.group_members enable row level security;
alter table public.invites enable row level security;

-- The predicates every policy reads. Security definer so that a policy on group_members can
-- ask about group_members without recursing into its own policy.
create function public.is_active_member(target_group uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
	select exists (
		select 1 from public.group_members
		where group_id = target_group and user_id = (select auth.uid()) and status = 'active'
	)
$$;

create function public.is_moderator(target_group uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
	select exists (
		select 1 from public.group_members
		where group_id = target_group and user_id = (select auth.uid())
			and status = 'active' and role = 'moderator'
	)
$$;

-- A group always keeps a moderator: the last one cannot leave or step down while others remain.
create function public.is_only_moderator(target_group uuid, person uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
	select exists (
		select 1 from public.group_members me
		where me.group_id = target_group and me.user_id = person
			and me.status = 'active' and me.role = 'moderator'
	) and not exists (
		select 1 from public.group_members other
		where other.group_id = target_group and other.status = 'active' and other.role = 'moderator'
			and other.user_id is distinct from person
	) and exists (
		select 1 from public.group_members other
		where other.group_id = target_group and other.status = 'active' and other.user_id is distinct from person
	)
$$;

-- Organisations are public: their names appear on their public pages.
create policy "anyone reads organisations"
	on public.organisations for select to anon, authenticated
	using (true);

create policy "active members read their group"
	on public.groups for select to authenticated
	using ((select public.is_active_member(id)));

create policy "active members read their group's members"
	on public.group_members for select to authenticated
	using (
		(status = 'active' and (select public.is_active_member(group_id)))
		or user_id = (select auth.uid())
		or (select public.is_moderator(group_id))
	);

create policy "moderators read their group's invites"
	on public.invites for select to authenticated
	using ((select public.is_moderator(group_id)));

-- What /join/[code] shows before anyone joins: the group in plain words and whether the link
-- still works. Nothing else about the group leaks through it.
create function public.invite_preview(invite_code text)
returns table (
	group_id uuid,
	group_name text,
	description text,
	rules text,
	organisation_name text,
	state text
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
		end
	from public.invites i
	join public.groups g on g.id = i.group_id
	join public.organisations o on o.id = g.organisation_id
	where i.code = invite_code
$$;

create function public.accept_invite(invite_code text, nickname text, accept_rules boolean)
returns uuid
language plpgsql security definer
set search_path = ''
as $$
declare
	me uuid := auth.uid();
	invite public.invites;
	membership public.group_members;
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
	if found and membership.status = 'active' then return invite.group_id; end if;
	if found and membership.status = 'removed' then raise exception 'removed_from_group'; end if;

	if invite.revoked_at is not null then raise exception 'invite_revoked'; end if;
	if invite.expires_at <= now() then raise exception 'invite_expired'; end if;
	if invite.uses >= invite.max_uses then raise exception 'invite_used_up'; end if;

	update public.invites set uses = uses + 1 where id = invite.id;
	insert into public.group_members as m (group_id, user_id, nickname, status, joined_at, rules_accepted_at)
	values (invite.group_id, me, btrim(nickname), 'active', now(), now())
	on conflict (group_id, user_id) do update
		set status = 'active', nickname = excluded.nickname, role = 'member',
			joined_at = now(), rules_accepted_at = now();
	return invite.group_id;
end;
$$;

create function public.request_to_join(target_group uuid, nickname text, accept_rules boolean)
returns public.member_status
language plpgsql security definer
set search_path = ''
as $$
declare
	me uuid := auth.uid();
	policy public.join_policy;
	membership public.group_members;
	new_status public.member_status;
begin
	if me is null then raise exception 'not_signed_in'; end if;
	if not coalesce(accept_rules, false) then raise exception 'rules_not_accepted'; end if;
	if char_length(btrim(coalesce(nickname, ''))) not between 1 and 40 then
		raise exception 'nickname_invalid';
	end if;
	select join_policy into policy from public.groups where id = target_group;
	if not found or policy = 'invite_only' then raise exception 'group_not_found'; end if;

	select * into membership from public.group_members
	where group_id = target_group and user_id = me for update;
	if found and membership.status in ('active', 'pending') then return membership.status; end if;
	if found and membership.status = 'removed' then raise exception 'removed_from_group'; end if;

	new_status := case when policy = 'open' then 'active' else 'pending' end;
	insert into public.group_members (group_id, user_id, nickname, status, joined_at, rules_accepted_at)
	values (target_group, me, btrim(nickname), new_status,
		case when new_status = 'active' then now() end, now())
	on conflict (group_id, user_id) do update
		set status = excluded.status, nickname = excluded.nickname, role = 'member',
			joined_at = excluded.joined_at, rules_accepted_at = now();
	return new_status;
end;
$$;

create function public.decide_join_request(member uuid, approve boolean)
returns void
language plpgsql security definer
set search_path = ''
as $$
declare
	request public.group_members;
begin
	select * into request from public.group_members where id = member for update;
	if not found or not public.is_moderator(request.group_id) then raise exception 'not_allowed'; end if;
	if request.status <> 'pending' then raise exception 'not_pending'; end if;
	if approve then
		update public.group_members set status = 'active', joined_at = now() where id = member;
	else
		delete from public.group_members where id = member;
	end if;
end;
$$;

create function public.leave_group(target_group uuid)
returns void
language plpgsql security definer
set search_path = ''
as $$
begin
	if public.is_only_moderator(target_group, auth.uid()) then raise exception 'last_moderator'; end if;
	update public.group_members set status = 'left'
	where group_id = target_group and user_id = auth.uid() and status in ('active', 'pending');
	if not found then raise exception 'not_a_member'; end if;
end;
$$;

create function public.set_member_role(member uuid, new_role public.member_role)
returns void
language plpgsql security definer
set search_path = ''
as $$
declare
	target public.group_members;
begin
	select * into target from public.group_members where id = member for update;
	if not found or not public.is_moderator(target.group_id) then raise exception 'not_allowed'; end if;
	if target.status <> 'active' then raise exception 'not_a_member'; end if;
	-- A group always keeps at least one moderator.
	if target.role = 'moderator' and new_role <> 'moderator' and not exists (
		select 1 from public.group_members
		where group_id = target.group_id and role = 'moderator' and status = 'active' and id <> member
	) then
		raise exception 'last_moderator';
	end if;
	update public.group_members set role = new_role where id = member;
end;
$$;

-- Removing someone is a moderation action: their old invites no longer let them back in.
create function public.remove_member(member uuid)
returns void
language plpgsql security definer
set search_path = ''
as $$
declare
	target public.group_members;
begin
	select * into target from public.group_members where id = member for update;
	if not found or not public.is_moderator(target.group_id) then raise exception 'not_allowed'; end if;
	if target.user_id = auth.uid() then raise exception 'not_allowed'; end if;
	update public.group_members set status = 'removed', role = 'member' where id = member;
end;
$$;

create function public.create_invite(target_group uuid, expires_at timestamptz, max_uses integer)
returns public.invites
language plpgsql security definer
set search_path = ''
as $$
declare
	created public.invites;
begin
	if not public.is_moderator(target_group) then raise exception 'not_allowed'; end if;
	if expires_at is null or expires_at <= now() or expires_at > now() + interval '1 year' then
		raise exception 'invite_expiry_invalid';
	end if;
	if max_uses is null or max_uses not between 1 and 1000 then raise exception 'invite_uses_invalid'; end if;
	insert into public.invites (group_id, created_by, expires_at, max_uses)
	values (target_group, auth.uid(), create_invite.expires_at, create_invite.max_uses)
	returning * into created;
	return created;
end;
$$;

create function public.revoke_invite(invite uuid)
returns void
language plpgsql security definer
set search_path = ''
as $$
begin
	update public.invites set revoked_at = coalesce(revoked_at, now())
	where id = invite and public.is_moderator(group_id);
	if not found then raise exception 'not_allowed'; end if;
end;
$$;

-- Writes happen only through the functions above; the tables offer reading alone.
revoke insert, update, delete on public.organisations, public.groups, public.group_members, public.invites
	from anon, authenticated;

-- Members see each other's names and roles, not when someone was last here: that time,
-- set on every visit, could be lined up with an anonymous post to guess who wrote it.
revoke select on public.group_members from anon, authenticated;
grant select (id, group_id, user_id, role, status, nickname, joined_at, created_at)
	on public.group_members to authenticated;

revoke execute on function
	public.accept_invite(text, text, boolean),
	public.request_to_join(uuid, text, boolean),
	public.decide_join_request(uuid, boolean),
	public.leave_group(uuid),
	public.set_member_role(uuid, public.member_role),
	public.remove_member(uuid),
	public.create_invite(uuid, timestamptz, integer),
	public.revoke_invite(uuid)
	from public, anon;
revoke execute on function public.is_active_member(uuid), public.is_moderator(uuid) from public;
revoke execute on function public.is_only_moderator(uuid, uuid) from public, anon, authenticated;
grant execute on function public.is_active_member(uuid), public.is_moderator(uuid) to anon, authenticated;
