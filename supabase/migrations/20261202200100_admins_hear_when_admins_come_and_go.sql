-- An admin invite link is a bearer token for a week, and whoever accepted one could at once remove
-- every other admin, founder included, with no one told (issue 12, review finding 4). Now:
-- - every admin hears when someone becomes admin through a link, and when an admin is removed or
--   leaves (the removed one too), in the notifications they already read;
-- - an admin of less than 7 days cannot remove an admin who was there before them: the others
--   have a week to notice a stranger and remove them first;
-- - the invite page shows the organisation the code belongs to (admin_invite_preview), and
--   accepting refuses when the page's organisation is not the code's;
-- - end_admin takes the organisation's lock before it checks the caller, so an admin removed at
--   that moment can no longer remove another once the lock is free.

alter table public.notifications
	add column organisation_id uuid references public.organisations (id) on delete cascade,
	-- Whom the news is about, and who did it (made the link, or removed them); the names are read
	-- when the list is shown.
	add column person_id uuid references auth.users (id) on delete set null,
	add column actor_id uuid references auth.users (id) on delete set null,
	add constraint notifications_admin_news_names_the_organisation
		check (kind not in ('admin_joined', 'admin_removed') or organisation_id is not null);
create index notifications_organisation_id_idx on public.notifications (organisation_id);
create index notifications_person_id_idx on public.notifications (person_id);
create index notifications_actor_id_idx on public.notifications (actor_id);

create function private.tell_admins(
	organisation uuid, what public.notification_kind, person uuid, actor uuid)
returns void
language sql
security definer
set search_path = ''
as $$
	-- Every admin but the new one, or the one who removed; someone removed is told too, being
	-- no longer an admin.
	insert into public.notifications (user_id, kind, organisation_id, person_id, actor_id)
	select a.user_id, what, organisation, person, actor
	from public.organisation_admins a
	where a.organisation_id = organisation
		and a.user_id is distinct from (case when what = 'admin_joined' then person else actor end)
	union
	select person, what, organisation, person, actor
	where what = 'admin_removed' and person is distinct from actor
$$;
revoke execute on function private.tell_admins(uuid, public.notification_kind, uuid, uuid)
	from public, anon, authenticated;

-- What the invite page shows: the organisation of the code, whatever the address says.
create function public.admin_invite_preview(code text)
returns table (name text, slug text, works boolean)
language sql
stable
security definer
set search_path = ''
as $$
	select o.name, o.slug,
		i.used_at is null and i.expires_at > now() or i.used_by = (select auth.uid())
	from public.organisation_admin_invites i
	join public.organisations o on o.id = i.organisation_id
	where i.code = admin_invite_preview.code and (select auth.uid()) is not null
$$;
revoke execute on function public.admin_invite_preview(text) from public, anon;
grant execute on function public.admin_invite_preview(text) to authenticated, service_role;

drop function public.accept_admin_invite(text);
-- Returns the organisation's address (slug), where the new admin goes next. With the slug of the
-- page the person saw, a code of another organisation is refused as not found.
create function public.accept_admin_invite(code text, organisation_slug text default null)
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
revoke execute on function public.accept_admin_invite(text, text) from public, anon;
grant execute on function public.accept_admin_invite(text, text) to authenticated, service_role;

-- One way out for admins, removed or leaving: the organisation's row lock makes two admins who
-- leave at the same moment go one after the other, so the second sees they are the last. The
-- caller is checked after the lock, so what is checked is what holds when the row goes.
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
	perform private.tell_admins(organisation, 'admin_removed', person, me);
end;
$$;

-- The page's list, with admin news: the organisation's name and address, who it is about and who
-- did it, by the names admins see of each other.
drop function public.page_notifications(timestamptz, integer);
create function public.page_notifications(before timestamptz default null,
	max_rows integer default 50)
returns table (id uuid, kind public.notification_kind, created_at timestamptz,
	read_at timestamptz, meetup_id uuid, meetup_title text, meetup_starts_at timestamptz,
	meetup_ends_at timestamptz, meetup_status public.meetup_status, group_id uuid,
	group_name text, post_id uuid, post_excerpt text, thread_id uuid, buddy_request uuid,
	buddy_status text, person_nickname text, organisation_slug text, organisation_name text,
	actor_name text, about_me boolean)
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
	me uuid := auth.uid();
begin
	if me is null then raise exception 'not_signed_in'; end if;
	return query
	with listed as (
		select n.id, n.kind, n.created_at, n.read_at, n.meetup_id, n.group_id, n.post_id,
			n.thread_id, n.buddy_id, n.organisation_id, n.person_id, n.actor_id
		from public.notifications n
		where n.user_id = me and (before is null or n.created_at < before)
		union all
		select null::uuid, 'reminder'::public.notification_kind, d.due_at, null::timestamptz,
			d.meetup_id, null::uuid, null::uuid, null::uuid, null::uuid, null::uuid, null::uuid,
			null::uuid
		from private.reminders_due_to(me, now()) d
		where before is null or d.due_at < before
	)
	select l.id, l.kind, l.created_at, l.read_at, m.id, m.title, m.starts_at, m.ends_at, m.status,
		g.id, g.name, p.id, left(p.body, 140), l.thread_id, b.id, b.status,
		case
			when l.kind = 'answer_asked' then (
				select a.nickname from public.group_members a
				where a.group_id = p.group_id and a.user_id = p.author_id)
			when l.kind = 'buddy_asked' then (
				select nc.nickname from public.group_members nc where nc.id = b.newcomer_id)
			when l.kind = 'buddy_accepted' then (
				select bd.nickname from public.group_members bd where bd.id = b.buddy_id)
			when l.kind in ('admin_joined', 'admin_removed') then (
				select pr.display_name from public.profiles pr where pr.id = l.person_id)
		end,
		o.slug, o.name,
		-- Who removed them; none when they left themselves (or the account is gone).
		(select pr.display_name from public.profiles pr
			where pr.id = l.actor_id and l.actor_id is distinct from l.person_id),
		l.person_id is not distinct from me
	from listed l
	left join public.meetups m on m.id = l.meetup_id
	left join public.groups g on g.id = l.group_id
	left join public.posts p on p.id = l.post_id and p.deleted_at is null and p.hidden_at is null
	left join public.buddies b on b.id = l.buddy_id
	left join public.organisations o on o.id = l.organisation_id
	where (l.meetup_id is null or private.can_see_meetup(m.group_id, m.open_to))
		and (l.group_id is null or exists (
			select 1 from public.group_members gm
			where gm.group_id = l.group_id and gm.user_id = me and gm.status = 'active'))
		and (l.post_id is null or p.id is not null)
	order by l.created_at desc, l.id desc nulls first
	limit least(greatest(coalesce(max_rows, 50), 1), 100);
end;
$$;
revoke execute on function public.page_notifications(timestamptz, integer) from public, anon;
grant execute on function public.page_notifications(timestamptz, integer)
	to authenticated, service_role;
