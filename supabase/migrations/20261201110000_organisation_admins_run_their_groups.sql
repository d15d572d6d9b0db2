-- Organisations run their own space (issue 12, part A): a person with an email account registers
-- an organisation and becomes its admin; admins invite and remove other admins, create, edit and
-- archive groups, and appoint a group's moderators. Everything through the functions below, each
-- checking the caller itself: an admin of one organisation has no power in another, a moderator
-- is not an admin, and an organisation always keeps one admin, a group one moderator.

-- A link that makes someone an admin: used once, within a week. Only the functions read it.
create table public.organisation_admin_invites (
	id uuid primary key default gen_random_uuid(),
	organisation_id uuid not null references public.organisations (id) on delete cascade,
	code text not null unique
		default translate(encode(extensions.gen_random_bytes(18), 'base64'), '+/', '-_')
		check (char_length(code) >= 22),
	created_by uuid references auth.users (id) on delete set null,
	expires_at timestamptz not null default now() + interval '7 days',
	used_by uuid references auth.users (id) on delete set null,
	used_at timestamptz,
	created_at timestamptz not null default now()
);
create index organisation_admin_invites_organisation_idx
	on public.organisation_admin_invites (organisation_id, created_at desc);
create index organisation_admin_invites_created_by_idx on public.organisation_admin_invites (created_by);
create index organisation_admin_invites_used_by_idx on public.organisation_admin_invites (used_by);
alter table public.organisation_admin_invites enable row level security;
revoke all on public.organisation_admin_invites from anon, authenticated;
create policy "no one reads admin invites through the API" on public.organisation_admin_invites
	for select to authenticated
	using (false);

-- What a person asked to create, by the request's client id: sending the form again (a flaky
-- connection) answers with the first organisation or group instead of making a second one, and
-- it counts the organisations someone registered today. In a schema the API does not expose.
create table private.admin_creations (
	person uuid not null references auth.users (id) on delete cascade,
	client_id uuid not null,
	organisation_id uuid not null references public.organisations (id) on delete cascade,
	group_id uuid references public.groups (id) on delete cascade,
	created_at timestamptz not null default now(),
	primary key (person, client_id)
);
create index admin_creations_person_created_idx on private.admin_creations (person, created_at)
	where group_id is null;
create index admin_creations_organisation_idx on private.admin_creations (organisation_id);
create index admin_creations_group_idx on private.admin_creations (group_id);
alter table private.admin_creations enable row level security;
revoke all on private.admin_creations from public, anon, authenticated;

-- An organisation is run by people who can sign in again on any phone: not the nickname accounts.
create function private.has_email_account()
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
	select exists (
		select 1 from auth.users u
		where u.id = (select auth.uid()) and not u.is_anonymous and u.email is not null
	)
$$;
revoke execute on function private.has_email_account() from public, anon, authenticated;

create function private.is_admin_of_group(target_group uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
	select exists (
		select 1 from public.groups g
		join public.organisation_admins a on a.organisation_id = g.organisation_id
		where g.id = target_group and a.user_id = (select auth.uid())
	)
$$;
revoke execute on function private.is_admin_of_group(uuid) from public, anon, authenticated;

-- The public facts, checked once for registering and editing.
create function private.check_organisation_facts(name text, description text, address text,
	contact text, languages text[], colour text, initials text)
returns void
language plpgsql
immutable
set search_path = ''
as $$
begin
	if char_length(btrim(coalesce(name, ''))) not between 1 and 120 then
		raise exception 'organisation_name_invalid';
	end if;
	if char_length(coalesce(description, '')) > 1000 then
		raise exception 'organisation_description_too_long';
	end if;
	if char_length(coalesce(address, '')) > 300 then raise exception 'organisation_address_too_long'; end if;
	if char_length(coalesce(contact, '')) > 300 then raise exception 'organisation_contact_too_long'; end if;
	if languages is null or cardinality(languages) not between 1 and 3
		or not languages <@ array['nl', 'fr', 'en'] then
		raise exception 'organisation_languages_invalid';
	end if;
	if coalesce(colour, '') !~ '^#[0-9a-f]{6}$' then raise exception 'organisation_colour_invalid'; end if;
	if coalesce(initials, '') !~ '^[A-Z]{1,3}$' then raise exception 'organisation_initials_invalid'; end if;
end;
$$;
revoke execute on function private.check_organisation_facts(text, text, text, text, text[], text, text)
	from public, anon, authenticated;

create function public.register_organisation(client_id uuid, name text, slug text,
	description text, address text, contact text, languages text[], colour text, initials text)
returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
	me uuid := auth.uid();
	created uuid;
begin
	if me is null or client_id is null then raise exception 'not_allowed'; end if;
	select c.organisation_id into created from private.admin_creations c
	where c.person = me and c.client_id = register_organisation.client_id;
	if found then return created; end if;
	if not private.has_email_account() then raise exception 'email_account_needed'; end if;
	-- A few a day is plenty for anyone starting an organisation, and keeps names from being
	-- taken in bulk.
	if (
		select count(*) from private.admin_creations c
		where c.person = me and c.group_id is null and c.created_at > now() - interval '1 day'
	) >= 3 then
		raise exception 'organisation_limit_reached';
	end if;
	perform private.check_organisation_facts(name, description, address, contact, languages,
		colour, initials);
	if coalesce(slug, '') !~ '^[a-z0-9]+(-[a-z0-9]+)*$' or char_length(slug) > 60 then
		raise exception 'organisation_slug_invalid';
	end if;
	-- Names the app's own addresses under /o/ use.
	if slug = any (array['new', 'admin', 'admins', 'api', 'kring', 'www', 'embed', 'sitemap',
		'robots', 'join', 'ask', 'me', 'home', 'g', 'm', 'o']) then
		raise exception 'organisation_slug_reserved';
	end if;
	begin
		insert into public.organisations (name, slug, description, address, contact, languages,
			colour, initials)
		values (btrim(name), slug, btrim(coalesce(description, '')), btrim(coalesce(address, '')),
			btrim(coalesce(contact, '')), languages, colour, initials)
		returning id into created;
	exception when unique_violation then
		raise exception 'organisation_slug_taken';
	end;
	insert into public.organisation_admins (organisation_id, user_id, added_by)
	values (created, me, me);
	insert into private.admin_creations (person, client_id, organisation_id)
	values (me, client_id, created);
	return created;
end;
$$;
revoke execute on function public.register_organisation(uuid, text, text, text, text, text, text[], text, text)
	from public, anon;
grant execute on function public.register_organisation(uuid, text, text, text, text, text, text[], text, text)
	to authenticated, service_role;

-- The address (slug) stays: it is printed on flyers and linked from other sites.
create function public.update_organisation(organisation uuid, name text, description text,
	address text, contact text, languages text[], colour text, initials text)
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
	if not private.is_organisation_admin(organisation) then raise exception 'not_allowed'; end if;
	perform private.check_organisation_facts(name, description, address, contact, languages,
		colour, initials);
	update public.organisations o
	set name = btrim(update_organisation.name),
		description = btrim(coalesce(update_organisation.description, '')),
		address = btrim(coalesce(update_organisation.address, '')),
		contact = btrim(coalesce(update_organisation.contact, '')),
		languages = update_organisation.languages,
		colour = update_organisation.colour,
		initials = update_organisation.initials
	where o.id = organisation;
end;
$$;
revoke execute on function public.update_organisation(uuid, text, text, text, text, text[], text, text)
	from public, anon;
grant execute on function public.update_organisation(uuid, text, text, text, text, text[], text, text)
	to authenticated, service_role;

create function public.create_admin_invite(organisation uuid)
returns text
language plpgsql
security definer
set search_path = ''
as $$
declare
	created text;
begin
	if not private.is_organisation_admin(organisation) then raise exception 'not_allowed'; end if;
	insert into public.organisation_admin_invites (organisation_id, created_by)
	values (organisation, auth.uid())
	returning code into created;
	return created;
end;
$$;
revoke execute on function public.create_admin_invite(uuid) from public, anon;
grant execute on function public.create_admin_invite(uuid) to authenticated, service_role;

create function public.revoke_admin_invite(invite uuid)
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
	update public.organisation_admin_invites i set expires_at = least(i.expires_at, now())
	where i.id = invite and i.used_at is null and private.is_organisation_admin(i.organisation_id);
	if not found then raise exception 'not_allowed'; end if;
end;
$$;
revoke execute on function public.revoke_admin_invite(uuid) from public, anon;
grant execute on function public.revoke_admin_invite(uuid) to authenticated, service_role;

-- Returns the organisation's address (slug), where the new admin goes next.
create function public.accept_admin_invite(code text)
returns text
language plpgsql
security definer
set search_path = ''
as $$
declare
	me uuid := auth.uid();
	invite public.organisation_admin_invites;
begin
	if me is null then raise exception 'not_signed_in'; end if;
	select * into invite from public.organisation_admin_invites i
	where i.code = accept_admin_invite.code for update;
	if not found then raise exception 'admin_invite_not_found'; end if;
	-- Following the link again after it worked is not an error.
	if invite.used_by = me then
		return (select o.slug from public.organisations o where o.id = invite.organisation_id);
	end if;
	if invite.used_at is not null or invite.expires_at <= now() then
		raise exception 'admin_invite_no_longer_works';
	end if;
	if not private.has_email_account() then raise exception 'email_account_needed'; end if;
	update public.organisation_admin_invites set used_by = me, used_at = now()
	where id = invite.id;
	insert into public.organisation_admins (organisation_id, user_id, added_by)
	values (invite.organisation_id, me, invite.created_by)
	on conflict (organisation_id, user_id) do nothing;
	return (select o.slug from public.organisations o where o.id = invite.organisation_id);
end;
$$;
revoke execute on function public.accept_admin_invite(text) from public, anon;
grant execute on function public.accept_admin_invite(text) to authenticated, service_role;

-- One way out for admins, removed or leaving: the organisation's row lock makes two admins who
-- leave at the same moment go one after the other, so the second sees they are the last.
create function private.end_admin(organisation uuid, person uuid)
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
	perform 1 from public.organisations o where o.id = organisation for update;
	if not exists (
		select 1 from public.organisation_admins a
		where a.organisation_id = organisation and a.user_id = person
	) then
		raise exception 'not_allowed';
	end if;
	if not exists (
		select 1 from public.organisation_admins a
		where a.organisation_id = organisation and a.user_id <> person
	) then
		raise exception 'last_admin';
	end if;
	delete from public.organisation_admins a
	where a.organisation_id = organisation and a.user_id = person;
end;
$$;
revoke execute on function private.end_admin(uuid, uuid) from public, anon, authenticated;

create function public.remove_organisation_admin(organisation uuid, person uuid)
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
	if not private.is_organisation_admin(organisation) then raise exception 'not_allowed'; end if;
	perform private.end_admin(organisation, person);
end;
$$;
revoke execute on function public.remove_organisation_admin(uuid, uuid) from public, anon;
grant execute on function public.remove_organisation_admin(uuid, uuid) to authenticated, service_role;

create function public.leave_organisation(organisation uuid)
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
	if not private.is_organisation_admin(organisation) then raise exception 'not_allowed'; end if;
	perform private.end_admin(organisation, auth.uid());
end;
$$;
revoke execute on function public.leave_organisation(uuid) from public, anon;
grant execute on function public.leave_organisation(uuid) to authenticated, service_role;

create function private.check_group_facts(name text, description text, rules text, language text)
returns void
language plpgsql
immutable
set search_path = ''
as $$
begin
	if char_length(btrim(coalesce(name, ''))) not between 1 and 120 then
		raise exception 'group_name_invalid';
	end if;
	if char_length(coalesce(description, '')) > 2000 then raise exception 'group_description_too_long'; end if;
	if char_length(coalesce(rules, '')) > 4000 then raise exception 'group_rules_too_long'; end if;
	if coalesce(language, '') not in ('nl', 'fr', 'en') then raise exception 'group_language_invalid'; end if;
end;
$$;
revoke execute on function private.check_group_facts(text, text, text, text) from public, anon, authenticated;

-- The admin becomes the group's first moderator under the nickname they choose for it: a group
-- always has a moderator, and that is who makes its first invite link. A slug that is taken in
-- the organisation gets a number.
create function public.create_group(client_id uuid, organisation uuid, name text, slug text,
	description text, rules text, join_policy public.join_policy, language text, nickname text)
returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
	me uuid := auth.uid();
	created uuid;
	free_slug text;
	n integer := 1;
begin
	if me is null or client_id is null then raise exception 'not_allowed'; end if;
	select c.group_id into created from private.admin_creations c
	where c.person = me and c.client_id = create_group.client_id;
	if found and created is not null then return created; end if;
	if found then raise exception 'not_allowed'; end if;
	if not private.is_organisation_admin(organisation) then raise exception 'not_allowed'; end if;
	perform private.check_group_facts(name, description, rules, language);
	if coalesce(slug, '') !~ '^[a-z0-9]+(-[a-z0-9]+)*$' or char_length(slug) > 60 then
		raise exception 'group_slug_invalid';
	end if;
	if join_policy is null then raise exception 'group_join_policy_invalid'; end if;
	if char_length(btrim(coalesce(nickname, ''))) not between 1 and 40 then
		raise exception 'nickname_invalid';
	end if;
	-- Two groups made at once in one organisation take their numbers one after the other.
	perform 1 from public.organisations o where o.id = organisation for update;
	free_slug := slug;
	while exists (
		select 1 from public.groups g where g.organisation_id = organisation and g.slug = free_slug
	) loop
		n := n + 1;
		free_slug := slug || '-' || n;
	end loop;
	insert into public.groups (organisation_id, name, slug, description, rules, join_policy, language)
	values (organisation, btrim(name), free_slug, btrim(coalesce(description, '')),
		btrim(coalesce(rules, '')), join_policy, language)
	returning id into created;
	insert into public.group_members (group_id, user_id, nickname, role, status, joined_at,
		rules_accepted_at)
	values (created, me, btrim(nickname), 'moderator', 'active', now(), now());
	insert into private.admin_creations (person, client_id, organisation_id, group_id)
	values (me, client_id, organisation, created);
	return created;
end;
$$;
revoke execute on function public.create_group(uuid, uuid, text, text, text, text, public.join_policy, text, text)
	from public, anon;
grant execute on function public.create_group(uuid, uuid, text, text, text, text, public.join_policy, text, text)
	to authenticated, service_role;

create function public.update_group(target_group uuid, name text, description text, rules text,
	join_policy public.join_policy, language text)
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
	if not private.is_admin_of_group(target_group) then raise exception 'not_allowed'; end if;
	perform private.check_group_facts(name, description, rules, language);
	if join_policy is null then raise exception 'group_join_policy_invalid'; end if;
	update public.groups g
	set name = btrim(update_group.name),
		description = btrim(coalesce(update_group.description, '')),
		rules = btrim(coalesce(update_group.rules, '')),
		join_policy = update_group.join_policy,
		language = update_group.language
	where g.id = target_group;
end;
$$;
revoke execute on function public.update_group(uuid, text, text, text, public.join_policy, text)
	from public, anon;
grant execute on function public.update_group(uuid, text, text, text, public.join_policy, text)
	to authenticated, service_role;

create function public.archive_group(target_group uuid)
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
	if not private.is_admin_of_group(target_group) then raise exception 'not_allowed'; end if;
	update public.groups set archived_at = coalesce(archived_at, now()) where id = target_group;
end;
$$;
revoke execute on function public.archive_group(uuid) from public, anon;
grant execute on function public.archive_group(uuid) to authenticated, service_role;

create function public.unarchive_group(target_group uuid)
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
	if not private.is_admin_of_group(target_group) then raise exception 'not_allowed'; end if;
	update public.groups set archived_at = null where id = target_group;
end;
$$;
revoke execute on function public.unarchive_group(uuid) from public, anon;
grant execute on function public.unarchive_group(uuid) to authenticated, service_role;

-- A role change by an admin is logged as one by a moderator is, so the member and the group's
-- moderators read who changed it.
create function private.admin_sets_moderator(member uuid, moderator boolean)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
	target public.group_members;
	language_of text;
	new_role public.member_role := case when moderator then 'moderator' else 'member' end;
begin
	select * into target from public.group_members where id = member for update;
	if not found or not private.is_admin_of_group(target.group_id) then raise exception 'not_allowed'; end if;
	-- Someone without a phone cannot read the moderation screens.
	if target.status <> 'active' or target.user_id is null then raise exception 'not_a_member'; end if;
	if moderator = (target.role = 'moderator') then return; end if;
	-- The group's row lock: two admins taking away the last two moderators at once go in turn.
	perform 1 from public.groups g where g.id = target.group_id for no key update;
	if not moderator and not exists (
		select 1 from public.group_members
		where group_id = target.group_id and role = 'moderator' and status = 'active' and id <> member
	) then
		raise exception 'last_moderator';
	end if;
	select g.language into language_of from public.groups g where g.id = target.group_id;
	update public.group_members
	set role = new_role, muted_until = case when moderator then null else muted_until end
	where id = member;
	perform private.log_moderation(target.group_id, 'role_change',
		case language_of
			when 'fr' then 'Nouveau rôle : ' ||
				case when moderator then 'équipe d''animation' else 'membre' end || '.'
			when 'en' then 'New role: ' || case when moderator then 'moderator' else 'member' end || '.'
			else 'Nieuwe rol: ' || case when moderator then 'begeleider' else 'lid' end || '.'
		end,
		null, null, member);
end;
$$;
revoke execute on function private.admin_sets_moderator(uuid, boolean) from public, anon, authenticated;

create function public.appoint_moderator(member uuid)
returns void
language sql
security definer
set search_path = ''
as $$
	select private.admin_sets_moderator(member, true)
$$;
revoke execute on function public.appoint_moderator(uuid) from public, anon;
grant execute on function public.appoint_moderator(uuid) to authenticated, service_role;

create function public.remove_moderator(member uuid)
returns void
language sql
security definer
set search_path = ''
as $$
	select private.admin_sets_moderator(member, false)
$$;
revoke execute on function public.remove_moderator(uuid) from public, anon;
grant execute on function public.remove_moderator(uuid) to authenticated, service_role;

-- An archived group is read-only for its members: nothing new is written into it, whatever the
-- call (a trigger on each table, as for muted hosts). Leaving, withdrawing, hiding and deleting
-- stay possible: they take something out.
create function private.refuse_writes_to_archived_group()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
	target uuid;
begin
	if tg_table_name = 'rsvps' then
		select m.group_id into target from public.meetups m where m.id = new.meetup_id;
	else
		target := new.group_id;
	end if;
	if exists (select 1 from public.groups g where g.id = target and g.archived_at is not null) then
		raise exception 'group_archived';
	end if;
	return new;
end;
$$;
revoke execute on function private.refuse_writes_to_archived_group() from public, anon, authenticated;

create trigger posts_not_in_archived_groups before insert or update of kind, body on public.posts
	for each row execute function private.refuse_writes_to_archived_group();
create trigger comments_not_in_archived_groups before insert or update of body on public.comments
	for each row execute function private.refuse_writes_to_archived_group();
create trigger reactions_not_in_archived_groups before insert on public.reactions
	for each row execute function private.refuse_writes_to_archived_group();
create trigger meetups_not_in_archived_groups
	before insert or update of title, description, starts_at, ends_at, place, online_url, cost,
		childcare, transport_help, wheelchair_access, languages, open_to, capacity
	on public.meetups
	for each row execute function private.refuse_writes_to_archived_group();
-- rsvp() writes with insert … on conflict, so a changed answer passes the insert trigger too.
create trigger rsvps_not_in_archived_groups before insert on public.rsvps
	for each row execute function private.refuse_writes_to_archived_group();
-- Joining: a new entry, coming back or being let in, or claiming an entry made without a phone.
create trigger group_members_not_into_archived_groups before insert on public.group_members
	for each row execute function private.refuse_writes_to_archived_group();
create trigger group_members_not_back_into_archived_groups
	before update of status, user_id on public.group_members
	for each row
	when ((new.status in ('active', 'pending') and old.status is distinct from new.status)
		or (old.user_id is null and new.user_id is not null))
	execute function private.refuse_writes_to_archived_group();

-- The admin screens, one call each. Null when the caller is not an admin of the organisation.
create function public.page_organisation_admin(organisation_slug text)
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
	select jsonb_build_object(
		'organisation', jsonb_build_object(
			'id', o.id, 'name', o.name, 'slug', o.slug, 'description', o.description,
			'address', o.address, 'contact', o.contact, 'languages', o.languages,
			'colour', o.colour, 'initials', o.initials
		),
		'groups', coalesce((
			select jsonb_agg(jsonb_build_object(
				'id', g.id, 'name', g.name, 'language', g.language, 'join_policy', g.join_policy,
				'archived_at', g.archived_at,
				-- Admins see how many take part, never who: that is for the group's moderators.
				'members', (
					select count(*) from public.group_members m
					where m.group_id = g.id and m.status = 'active'
				)
			) order by g.archived_at is not null, g.name)
			from public.groups g where g.organisation_id = o.id
		), '[]'::jsonb),
		'admins', coalesce((
			select jsonb_agg(jsonb_build_object(
				'id', a.user_id, 'name', coalesce(p.display_name, ''),
				'me', a.user_id = (select auth.uid()), 'since', a.created_at
			) order by a.created_at)
			from public.organisation_admins a
			left join public.profiles p on p.id = a.user_id
			where a.organisation_id = o.id
		), '[]'::jsonb),
		-- Links not used yet, so an admin can pass one on again or stop it.
		'admin_invites', coalesce((
			select jsonb_agg(jsonb_build_object('id', i.id, 'code', i.code, 'expires_at', i.expires_at)
				order by i.created_at desc)
			from public.organisation_admin_invites i
			where i.organisation_id = o.id and i.used_at is null and i.expires_at > now()
		), '[]'::jsonb)
	)
	from public.organisations o
	where o.slug = organisation_slug and private.is_organisation_admin(o.id)
$$;
revoke execute on function public.page_organisation_admin(text) from public, anon;
grant execute on function public.page_organisation_admin(text) to authenticated, service_role;

create function public.page_group_admin(organisation_slug text, target_group uuid)
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
	select jsonb_build_object(
		'organisation', jsonb_build_object('id', o.id, 'name', o.name, 'slug', o.slug),
		'group', jsonb_build_object(
			'id', g.id, 'name', g.name, 'slug', g.slug, 'description', g.description,
			'rules', g.rules, 'join_policy', g.join_policy, 'language', g.language,
			'archived_at', g.archived_at
		),
		-- Those who could moderate: active members with an account, by the name the group knows.
		'members', coalesce((
			select jsonb_agg(jsonb_build_object('id', m.id, 'nickname', m.nickname, 'role', m.role)
				order by m.role <> 'moderator', lower(m.nickname))
			from public.group_members m
			where m.group_id = g.id and m.status = 'active' and m.user_id is not null
		), '[]'::jsonb),
		-- Invite links work only for a moderator of the group; an admin who is one sees them here.
		'invites', case when private.is_moderator(g.id) then coalesce((
			select jsonb_agg(jsonb_build_object(
				'code', i.code, 'expires_at', i.expires_at, 'uses', i.uses, 'max_uses', i.max_uses
			) order by i.created_at desc)
			from public.invites i
			where i.group_id = g.id and i.revoked_at is null and i.claims_member is null
				and i.expires_at > now() and i.uses < i.max_uses
		), '[]'::jsonb) end
	)
	from public.organisations o
	join public.groups g on g.organisation_id = o.id
	where o.slug = organisation_slug and g.id = target_group and private.is_organisation_admin(o.id)
$$;
revoke execute on function public.page_group_admin(text, uuid) from public, anon;
grant execute on function public.page_group_admin(text, uuid) to authenticated, service_role;

create function public.page_my_organisations()
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
	select coalesce(jsonb_agg(jsonb_build_object(
		'id', o.id, 'name', o.name, 'slug', o.slug, 'colour', o.colour, 'initials', o.initials
	) order by o.name), '[]'::jsonb)
	from public.organisation_admins a
	join public.organisations o on o.id = a.organisation_id
	where a.user_id = (select auth.uid())
$$;
revoke execute on function public.page_my_organisations() from public, anon;
grant execute on function public.page_my_organisations() to authenticated, service_role;
