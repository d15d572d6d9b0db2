-- An admin who goes takes the organisation's open admin links with them, and a new admin waits a
-- week before the acts that are hard to undo (found by an attack review, finding F1 and F2).
--
-- Every admin sees every open admin link on the admin page. A removed admin could come straight
-- back in with one of them, or with a link they made themselves: removal meant nothing. Now, when
-- an admin leaves or is removed, every admin link of the organisation not used yet stops working
-- (the admins who stay make new ones), and a link works only while the admin who made it still is
-- one.
--
-- Someone who came in through a leaked link could also, at once, archive every group (which calls
-- off every meetup and revokes every invite link; unarchiving brings neither back) and hand out
-- more admin links. While an older admin is there, an admin of less than 7 days can do neither:
-- the older admins have a week to see the newcomer (they are told when someone joins) and remove
-- them. The founder of a new organisation has no older admin, so is never held back.

create function private.admin_is_still_new(organisation uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
	select exists (
		select 1 from public.organisation_admins mine
		where mine.organisation_id = organisation and mine.user_id = (select auth.uid())
			and mine.created_at > now() - interval '7 days'
			and exists (
				select 1 from public.organisation_admins older
				where older.organisation_id = organisation and older.created_at < mine.created_at
			)
	)
$$;
revoke execute on function private.admin_is_still_new(uuid) from public, anon, authenticated;

create or replace function private.end_admin(organisation uuid, person uuid)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
	me uuid := auth.uid();
	mine public.organisation_admins;
	theirs public.organisation_admins;
begin
	perform 1 from public.organisations o where o.id = organisation for update;
	select * into mine from public.organisation_admins a
	where a.organisation_id = organisation and a.user_id = me;
	if not found then raise exception 'not_allowed'; end if;
	select * into theirs from public.organisation_admins a
	where a.organisation_id = organisation and a.user_id = person;
	if not found then raise exception 'not_allowed'; end if;
	if person <> me and theirs.created_at < mine.created_at
		and mine.created_at > now() - interval '7 days'
	then
		raise exception 'admin_too_new';
	end if;
	if not exists (
		select 1 from public.organisation_admins a
		where a.organisation_id = organisation and a.user_id <> person
	) then
		raise exception 'last_admin';
	end if;
	delete from public.organisation_admins a
	where a.organisation_id = organisation and a.user_id = person;
	-- They saw every open link: none of them lets anyone in any more.
	update public.organisation_admin_invites i set expires_at = least(i.expires_at, now())
	where i.organisation_id = organisation and i.used_at is null;
	perform private.tell_admins(organisation, 'admin_removed', person, me);
end;
$$;

create or replace function public.accept_admin_invite(code text, organisation_slug text default null)
returns text
language plpgsql
security definer
set search_path = ''
as $$
declare
	me uuid := auth.uid();
	invite public.organisation_admin_invites;
	joined boolean;
begin
	if me is null then raise exception 'not_signed_in'; end if;
	select * into invite from public.organisation_admin_invites i
	where i.code = accept_admin_invite.code for update;
	if not found then raise exception 'admin_invite_not_found'; end if;
	if organisation_slug is not null and not exists (
		select 1 from public.organisations o
		where o.id = invite.organisation_id and o.slug = organisation_slug
	) then
		raise exception 'admin_invite_not_found';
	end if;
	-- Following the link again after it worked is not an error.
	if invite.used_by = me then
		return (select o.slug from public.organisations o where o.id = invite.organisation_id);
	end if;
	if invite.used_at is not null or invite.expires_at <= now() then
		raise exception 'admin_invite_no_longer_works';
	end if;
	if not private.has_email_account() then raise exception 'email_account_needed'; end if;
	-- A link works only while whoever made it is still an admin there.
	if not exists (
		select 1 from public.organisation_admins a
		where a.organisation_id = invite.organisation_id and a.user_id = invite.created_by
	) then
		raise exception 'admin_invite_no_longer_works';
	end if;
	update public.organisation_admin_invites set used_by = me, used_at = now()
	where id = invite.id;
	insert into public.organisation_admins (organisation_id, user_id, added_by)
	values (invite.organisation_id, me, invite.created_by)
	on conflict (organisation_id, user_id) do nothing
	returning true into joined;
	if joined then
		-- Who made the link is named: the admins know whom to ask about the newcomer.
		perform private.tell_admins(invite.organisation_id, 'admin_joined', me, invite.created_by);
	end if;
	return (select o.slug from public.organisations o where o.id = invite.organisation_id);
end;
$$;

-- The preview says a link works only when accepting it would (and says no, not null, when not).
create or replace function public.admin_invite_preview(code text)
returns table (name text, slug text, works boolean)
language sql
stable
security definer
set search_path = ''
as $$
	select o.name, o.slug,
		i.used_at is null and i.expires_at > now() and exists (
			select 1 from public.organisation_admins a
			where a.organisation_id = i.organisation_id and a.user_id = i.created_by
		)
		or i.used_by is not distinct from (select auth.uid())
	from public.organisation_admin_invites i
	join public.organisations o on o.id = i.organisation_id
	where i.code = admin_invite_preview.code and (select auth.uid()) is not null
$$;

create or replace function public.create_admin_invite(organisation uuid)
returns text
language plpgsql
security definer
set search_path = ''
as $$
declare
	created text;
begin
	if not private.is_organisation_admin(organisation) then raise exception 'not_allowed'; end if;
	if private.admin_is_still_new(organisation) then raise exception 'admin_still_new'; end if;
	insert into public.organisation_admin_invites (organisation_id, created_by)
	values (organisation, auth.uid())
	returning code into created;
	return created;
end;
$$;

create or replace function public.archive_group(target_group uuid)
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
	if not private.is_admin_of_group(target_group) then raise exception 'not_allowed'; end if;
	if private.admin_is_still_new(
		(select g.organisation_id from public.groups g where g.id = target_group)
	) then
		raise exception 'admin_still_new';
	end if;
	update public.groups set archived_at = coalesce(archived_at, now()) where id = target_group;
	-- What has not begun is called off; a meetup under way ends as it is.
	update public.meetups m set status = 'cancelled', updated_at = now()
	where m.group_id = target_group and m.status = 'scheduled' and m.starts_at > now();
	update public.invites i set revoked_at = now()
	where i.group_id = target_group and i.revoked_at is null and i.expires_at > now();
end;
$$;
