-- Who lets people in, and who moderates, holds under pressure (attack review 17).
--
-- F1: a link made while its maker was being demoted outlived the demotion: create_invite checked
-- the maker's role without a lock, so the demotion's revoke could run before the new link was
-- there. Now create_invite and create_claim_invite hold the maker's moderator row while they
-- work (a demotion waits for them, then revokes what they made), and accept_invite lets no one
-- in on a link whose maker no longer moderates the group, whatever the order of events.
-- F7: a moderator could make links without end, until revoking them all took longer than a
-- statement may run and the moderator could no longer be demoted. Now a moderator has at most
-- 50 working links per group (one call after the other, so parallel calls cannot pass it), and a
-- group at most 300 places without a phone (each can have a link to take it over).
-- F4: a deleted account's links were all revoked at one instant, readable by each group's
-- moderators: two groups' nicknames became one person. They are deleted with the account now,
-- by their foreign key, however the account is deleted, leaving nothing. Until now any other
-- way of deleting an account (auth's admin API, a clean-up of old accounts) emptied created_by
-- and left the links working.
-- F6: a moderator could make a member without a phone moderator (no one is told: there is no
-- one to tell yet), then take that place over with a second account. Now only someone with a
-- phone gets a role; taking over a place makes a member, and the places already given a role
-- become member places again.
-- F5: flipping one member's role a hundred times buried the notice that mattered under a hundred
-- others. Now each person has one unread notice about their role per group, kept up to date, and
-- one person changes who moderates a group for at most 10 people a day.
-- F2: a new admin (first week, an older admin present) could still rewrite the organisation's
-- description and colours, every group's name, description and rules, and start a group in the
-- organisation's name. A new admin now changes nothing that others read until the week is over.

create or replace function public.create_invite(target_group uuid, expires_at timestamptz, max_uses integer)
returns public.invites
language plpgsql
security definer
set search_path = ''
as $$
declare
	created public.invites;
begin
	-- The maker's row lock: a demotion waits until this link is made, then revokes it; the maker's
	-- own calls go one after the other, so each counts the links made before it.
	perform 1 from public.group_members gm
	where gm.group_id = target_group and gm.user_id = (select auth.uid())
		and gm.status = 'active' and gm.role = 'moderator'
	for no key update;
	if not found then raise exception 'not_allowed'; end if;
	if expires_at is null or expires_at <= now() or expires_at > now() + interval '1 year' then
		raise exception 'invite_expiry_invalid';
	end if;
	if max_uses is null or max_uses not between 1 and 1000 then raise exception 'invite_uses_invalid'; end if;
	if (
		select count(*) from public.invites i
		where i.group_id = target_group and i.created_by = (select auth.uid())
			and i.revoked_at is null and i.expires_at > now()
	) >= 50 then
		raise exception 'invite_limit_reached';
	end if;
	insert into public.invites (group_id, created_by, expires_at, max_uses)
	values (target_group, auth.uid(), create_invite.expires_at, create_invite.max_uses)
	returning * into created;
	return created;
end;
$$;

create or replace function public.create_claim_invite(member uuid)
returns text
language plpgsql
security definer
set search_path = ''
as $$
declare
	target public.group_members;
	new_code text;
begin
	select * into target from public.group_members gm where gm.id = member for update;
	if not found then raise exception 'not_allowed'; end if;
	perform 1 from public.group_members gm
	where gm.group_id = target.group_id and gm.user_id = (select auth.uid())
		and gm.status = 'active' and gm.role = 'moderator'
	for share;
	if not found then raise exception 'not_allowed'; end if;
	if target.user_id is not null or target.status <> 'active' then raise exception 'not_claimable'; end if;
	update public.invites i set revoked_at = now()
	where i.claims_member = member and i.revoked_at is null;
	insert into public.invites (group_id, created_by, expires_at, max_uses, claims_member)
	values (target.group_id, auth.uid(), now() + interval '30 days', 1, member)
	returning invites.code into new_code;
	return new_code;
end;
$$;

create or replace function public.accept_invite(invite_code text, nickname text, accept_rules boolean)
returns uuid
language plpgsql
security definer
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
	-- Whoever made the link answers for it, so it works only while they moderate the group.
	-- (A link with no maker was made by the platform itself, as the demo data's: a deleted
	-- account's links go with it.)
	if invite.created_by is not null and not exists (
		select 1 from public.group_members maker
		where maker.group_id = invite.group_id and maker.user_id = invite.created_by
			and maker.status = 'active' and maker.role = 'moderator'
	) then
		raise exception 'invite_revoked';
	end if;
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
		-- Taking a place over makes a member: a role is given to a person, in the open.
		update public.group_members set user_id = me, nickname = btrim(accept_invite.nickname),
			rules_accepted_at = now(), role = 'member'
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

create or replace function public.delete_my_account(also_unnamed boolean default false)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
	me uuid := auth.uid();
begin
	if me is null then raise exception 'not_signed_in'; end if;
	if exists (
		select 1 from public.group_members m
		where m.user_id = me and private.is_only_moderator(m.group_id, me)
	) then
		raise exception 'last_moderator';
	end if;
	if exists (
		select 1 from public.organisation_admins a
		where a.user_id = me and not exists (
			select 1 from public.organisation_admins other
			where other.organisation_id = a.organisation_id and other.user_id <> me
		)
	) then
		raise exception 'last_admin';
	end if;
	if coalesce(also_unnamed, false) then
		delete from public.posts p using public.post_authors a
		where a.post_id = p.id and a.author_id = me and p.anonymous;
		delete from public.comments c using public.comment_authors a
		where a.comment_id = c.id and a.author_id = me and c.anonymous;
	end if;
	-- The rest follows by its foreign keys: named posts and answers (with the answers others gave
	-- to those posts), memberships, authorship rows, the invite links they made and everything
	-- else of the person are deleted; meetups and series they made stay without them; reactions
	-- stay as counts.
	delete from auth.users where id = me;
end;
$$;

create or replace function public.set_member_role(member uuid, new_role public.member_role)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
	target public.group_members;
	language_of text;
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
	if new_role is null or new_role = target.role then return; end if;
	-- Someone without a phone cannot use a role; the one who takes the place over would get it.
	if target.user_id is null and new_role <> 'member' then raise exception 'role_needs_a_phone'; end if;
	select g.language into language_of from public.groups g where g.id = target.group_id;

	update public.group_members
	set role = new_role,
		muted_until = case when new_role = 'moderator' then null else muted_until end
	where id = member;
	perform private.log_moderation(target.group_id, 'role_change',
		case language_of
			when 'fr' then 'Nouveau rôle : ' || case new_role
				when 'moderator' then 'équipe d''animation' when 'host' then 'hôte' else 'membre' end || '.'
			when 'en' then 'New role: ' || case new_role
				when 'moderator' then 'moderator' when 'host' then 'host' else 'member' end || '.'
			else 'Nieuwe rol: ' || case new_role
				when 'moderator' then 'begeleider' when 'host' then 'gastheer of gastvrouw' else 'lid' end || '.'
		end,
		null, null, member);
	-- Moderators are not acted on, so a mute would never end: becoming one ends it (logged).
	if new_role = 'moderator' and target.muted_until > now() then
		perform private.log_moderation(target.group_id, 'unmute',
			case language_of
				when 'fr' then 'Fait partie de l''équipe d''animation : la pause est finie.'
				when 'en' then 'Became a moderator: the break is over.'
				else 'Werd begeleider: de pauze is voorbij.'
			end,
			null, null, member, null, (
				select l.id from public.moderation_log l
				where l.member_id = member and l.action = 'mute' order by l.created_at desc limit 1
			));
	end if;
end;
$$;

alter table public.invites
	drop constraint invites_created_by_fkey,
	add constraint invites_created_by_fkey foreign key (created_by)
		references auth.users (id) on delete cascade;

-- Links whose maker's account was deleted before deletions took them along: in a deployed
-- database every link has a maker until then. All revoked in this one instant, which tells
-- nothing about whose they were.
update public.invites set revoked_at = now()
where created_by is null and revoked_at is null and expires_at > now();

create or replace function public.add_member_without_phone(target_group uuid, nickname text)
returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
	member uuid;
begin
	if not private.is_host_or_moderator(target_group) then raise exception 'not_allowed'; end if;
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
		if (
			select count(*) from public.group_members gm
			where gm.group_id = target_group and gm.user_id is null and gm.status = 'active'
		) >= 300 then
			raise exception 'without_phone_limit_reached';
		end if;
		insert into public.group_members (group_id, user_id, nickname, status, joined_at)
		values (target_group, null, btrim(add_member_without_phone.nickname), 'active', now())
		returning id into member;
	end if;
	return member;
end;
$$;

-- Places given a role before today become member places: no one there could use it, and the
-- role would pass unseen to whoever takes the place over.
update public.group_members set role = 'member'
where user_id is null and role <> 'member';

create or replace function private.tell_of_moderator_change()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
	what public.notification_kind :=
		case when new.role = 'moderator' then 'moderator_appointed' else 'moderator_removed' end;
begin
	if new.user_id is null or new.status <> 'active' or (select auth.uid()) is null then
		return null;
	end if;
	-- So that no one buries a change under many others: 10 people a day per group and person.
	if (
		select count(distinct n.person_id) from public.notifications n
		where n.actor_id = (select auth.uid()) and n.group_id = new.group_id
			and n.kind in ('moderator_appointed', 'moderator_removed')
			and n.created_at > now() - interval '1 day' and n.person_id <> new.user_id
	) >= 10 then
		raise exception 'role_change_limit_reached';
	end if;
	-- One unread notice per reader about this person's role in this group, brought up to date,
	-- so that many changes to one person do not push a change to another out of sight.
	with readers as (
		select gm.user_id from public.group_members gm
		where gm.group_id = new.group_id and gm.status = 'active' and gm.user_id is not null
			and (gm.role = 'moderator' or gm.id = new.id)
			and gm.user_id <> (select auth.uid())
	), brought_up_to_date as (
		update public.notifications n
		set kind = what, actor_id = (select auth.uid()), created_at = now()
		from readers r
		where n.user_id = r.user_id and n.group_id = new.group_id and n.person_id = new.user_id
			and n.kind in ('moderator_appointed', 'moderator_removed') and n.read_at is null
		returning n.user_id
	)
	insert into public.notifications (user_id, kind, group_id, person_id, actor_id)
	select r.user_id, what, new.group_id, new.user_id, (select auth.uid())
	from readers r
	where r.user_id not in (select b.user_id from brought_up_to_date b);
	return null;
end;
$$;

create or replace function public.update_organisation(organisation uuid, name text, description text, address text, contact text, languages text[], colour text, initials text)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
	current_facts public.organisations;
begin
	if not private.is_organisation_admin(organisation) then raise exception 'not_allowed'; end if;
	perform private.check_organisation_facts(name, description, address, contact, languages,
		colour, initials);
	select * into current_facts from public.organisations o where o.id = organisation
		for no key update;
	-- Everything here is on the public page: a new admin changes none of it in their first week.
	if (btrim(name) <> current_facts.name
			or btrim(coalesce(description, '')) <> current_facts.description
			or btrim(coalesce(address, '')) <> current_facts.address
			or btrim(coalesce(contact, '')) <> current_facts.contact
			or languages is distinct from current_facts.languages
			or colour is distinct from current_facts.colour
			or initials is distinct from current_facts.initials)
		and private.admin_is_still_new(organisation)
	then
		raise exception 'admin_still_new';
	end if;
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

create or replace function public.update_group(target_group uuid, name text, description text, rules text, join_policy public.join_policy, language text)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
	current_group public.groups;
begin
	if not private.is_admin_of_group(target_group) then raise exception 'not_allowed'; end if;
	perform private.check_group_facts(name, description, rules, language);
	if join_policy is null then raise exception 'group_join_policy_invalid'; end if;
	select * into current_group from public.groups g where g.id = target_group for no key update;
	-- Members and the public page read all of it: a new admin changes none of it in their first week.
	if (btrim(name) <> current_group.name
			or btrim(coalesce(description, '')) <> current_group.description
			or btrim(coalesce(rules, '')) <> current_group.rules
			or join_policy <> current_group.join_policy
			or language is distinct from current_group.language)
		and private.admin_is_still_new(current_group.organisation_id)
	then
		raise exception 'admin_still_new';
	end if;
	update public.groups g
	set name = btrim(update_group.name),
		description = btrim(coalesce(update_group.description, '')),
		rules = btrim(coalesce(update_group.rules, '')),
		join_policy = update_group.join_policy,
		language = update_group.language
	where g.id = target_group;
end;
$$;

create or replace function public.create_group(client_id uuid, organisation uuid, name text, slug text, description text, rules text, join_policy public.join_policy, language text, nickname text)
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
	-- A group in the organisation's name, with its maker as moderator: not in the first week.
	if private.admin_is_still_new(organisation) then raise exception 'admin_still_new'; end if;
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
