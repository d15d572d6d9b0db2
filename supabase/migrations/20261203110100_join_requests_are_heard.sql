-- A request to join is heard (issue 12, found trying the app as a newcomer). Someone who asked
-- was told "come back to this page later", with no way to find it again, and the group's
-- moderators were told nothing: requests waited, unseen, under the group's Beheer tab. Now:
-- - the group's moderators get a notice when someone asks; one unread notice per group at a time,
--   so a wave of requests is one line, not fifty;
-- - the person who asked gets a notice when they are let in, or when the request is refused
--   (the reason, if any, stays on the request's page, where they can ask again after 30 days).
-- Triggers on group_members, so every way of asking and answering is covered.

create function private.tell_of_join_requests()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
	if new.user_id is null or (select auth.uid()) is null then return null; end if;
	if new.status = 'pending' and (tg_op = 'INSERT' or old.status <> 'pending') then
		insert into public.notifications (user_id, kind, group_id, person_id)
		select gm.user_id, 'join_requested', new.group_id, new.user_id
		from public.group_members gm
		where gm.group_id = new.group_id and gm.role = 'moderator' and gm.status = 'active'
			and gm.user_id is not null
			and not exists (
				select 1 from public.notifications n
				where n.user_id = gm.user_id and n.kind = 'join_requested'
					and n.group_id = new.group_id and n.read_at is null
			);
	elsif tg_op = 'UPDATE' and old.status = 'pending' and new.status in ('active', 'refused') then
		insert into public.notifications (user_id, kind, group_id, actor_id)
		values (new.user_id,
			case when new.status = 'active' then 'join_accepted'
				else 'join_refused' end::public.notification_kind,
			new.group_id, (select auth.uid()));
	end if;
	return null;
end;
$$;
revoke execute on function private.tell_of_join_requests() from public, anon, authenticated;

create trigger group_members_tell_of_join_requests
	after insert or update of status on public.group_members
	for each row
	when (new.status in ('pending', 'active', 'refused'))
	execute function private.tell_of_join_requests();

-- News of moderators and requests is of what a person did: a change made with no one signed in
-- (a fixture, an operator's script) tells no one.
create or replace function private.tell_of_moderator_change()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
	if new.user_id is null or new.status <> 'active' or (select auth.uid()) is null then
		return null;
	end if;
	insert into public.notifications (user_id, kind, group_id, person_id, actor_id)
	select gm.user_id,
		case when new.role = 'moderator' then 'moderator_appointed'
			else 'moderator_removed' end::public.notification_kind,
		new.group_id, new.user_id, (select auth.uid())
	from public.group_members gm
	where gm.group_id = new.group_id and gm.status = 'active' and gm.user_id is not null
		and (gm.role = 'moderator' or gm.id = new.id)
		and gm.user_id <> (select auth.uid());
	return null;
end;
$$;

-- The list lets a refusal through to the one refused, who is no member.
create or replace function public.page_notifications(before timestamptz default null,
	max_rows integer default 50)
returns table (id uuid, kind public.notification_kind, created_at timestamptz,
	read_at timestamptz, meetup_id uuid, meetup_title text, meetup_starts_at timestamptz,
	meetup_ends_at timestamptz, meetup_status public.meetup_status, group_id uuid,
	group_name text, post_id uuid, post_excerpt text, thread_id uuid, buddy_request uuid,
	buddy_status text, person_nickname text, person_email text, organisation_slug text,
	organisation_name text, actor_name text, about_me boolean)
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
			-- By the name the group knows them.
			when l.kind in ('moderator_appointed', 'moderator_removed') then (
				select gm.nickname from public.group_members gm
				where gm.group_id = l.group_id and gm.user_id = l.person_id)
		end,
		case when l.kind = 'admin_joined' then (
			select private.masked_email(u.email) from auth.users u where u.id = l.person_id)
		end,
		o.slug, o.name,
		-- Who removed an admin; none when they left themselves (or the account is gone).
		case when l.kind in ('admin_joined', 'admin_removed') then (
			select pr.display_name from public.profiles pr
			where pr.id = l.actor_id and l.actor_id is distinct from l.person_id)
		end,
		l.person_id is not distinct from me
	from listed l
	left join public.meetups m on m.id = l.meetup_id
	left join public.groups g on g.id = l.group_id
	left join public.posts p on p.id = l.post_id and p.deleted_at is null and p.hidden_at is null
	left join public.buddies b on b.id = l.buddy_id
	left join public.organisations o on o.id = l.organisation_id
	where (l.meetup_id is null or private.can_see_meetup(m.group_id, m.open_to))
		-- News of a group for its members; a refusal reaches who asked, who is none.
		and (l.group_id is null or l.kind = 'join_refused' or exists (
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
