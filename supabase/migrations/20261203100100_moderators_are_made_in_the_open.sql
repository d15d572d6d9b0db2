-- Who moderates a group is decided in the open, and not by an admin of minutes (issue 12, attack
-- review 15, findings F1 and F2).
--
-- A moderator reads who wrote each anonymous post, the reports and the threads with members. An
-- organisation admin could make themself one: open the group, join it, close it again, appoint
-- their own membership, in five calls and with no one told; then demote the group's moderators.
-- Someone who came in through a leaked admin link could do it in the first minute. Now:
-- - an admin cannot appoint themself (another admin, or a moderator of the group, can);
-- - an admin of less than 7 days (while an older admin is there) can neither appoint nor remove a
--   moderator, nor change who may join a group;
-- - whenever someone becomes or stops being a moderator, the person and the group's other
--   moderators are told, whoever did it;
-- - the notice that someone became admin shows the start of their e-mail address, which they
--   cannot dress up as a colleague's name as they can their display name (review 14, F4).
-- Accepting an admin link when one is an admin already leaves the link for whom it was made
-- (F2), and accepting takes the organisation's lock first, as removing an admin does, so the two
-- cannot deadlock.

create or replace function private.admin_sets_moderator(member uuid, moderator boolean)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
	target public.group_members;
	language_of text;
	organisation uuid;
	new_role public.member_role := case when moderator then 'moderator' else 'member' end;
begin
	select * into target from public.group_members where id = member for update;
	if not found or not private.is_admin_of_group(target.group_id) then raise exception 'not_allowed'; end if;
	-- Someone without a phone cannot read the moderation screens.
	if target.status <> 'active' or target.user_id is null then raise exception 'not_a_member'; end if;
	if moderator = (target.role = 'moderator') then return; end if;
	if moderator and target.user_id = (select auth.uid()) then
		raise exception 'moderator_not_yourself';
	end if;
	select g.organisation_id, g.language into organisation, language_of
	from public.groups g where g.id = target.group_id;
	if private.admin_is_still_new(organisation) then raise exception 'admin_still_new'; end if;
	-- The group's row lock: two admins taking away the last two moderators at once go in turn.
	perform 1 from public.groups g where g.id = target.group_id for no key update;
	if not moderator and not exists (
		select 1 from public.group_members
		where group_id = target.group_id and role = 'moderator' and status = 'active' and id <> member
	) then
		raise exception 'last_moderator';
	end if;
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

-- Who may join is the group's door: a new admin leaves it as it is for a week. The rest of the
-- group's facts (name, description, rules, language) stay theirs to edit.
create or replace function public.update_group(target_group uuid, name text, description text,
	rules text, join_policy public.join_policy, language text)
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
	if join_policy <> current_group.join_policy
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

-- Every change of who moderates, by a moderator (set_member_role) or an admin, reaches the person
-- and the group's other moderators; not the one who made it, who knows.
create function private.tell_of_moderator_change()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
	if new.user_id is null or new.status <> 'active' then return null; end if;
	insert into public.notifications (user_id, kind, group_id, person_id, actor_id)
	select gm.user_id,
		case when new.role = 'moderator' then 'moderator_appointed'
			else 'moderator_removed' end::public.notification_kind,
		new.group_id, new.user_id, (select auth.uid())
	from public.group_members gm
	where gm.group_id = new.group_id and gm.status = 'active' and gm.user_id is not null
		and (gm.role = 'moderator' or gm.id = new.id)
		and gm.user_id is distinct from (select auth.uid());
	return null;
end;
$$;
revoke execute on function private.tell_of_moderator_change() from public, anon, authenticated;

create trigger group_members_tell_of_moderator_change
	after update of role on public.group_members
	for each row
	when ((old.role = 'moderator') is distinct from (new.role = 'moderator'))
	execute function private.tell_of_moderator_change();

-- The start of an e-mail address and its domain: enough for admins who know a colleague's
-- address to see it is not theirs, no more.
create function private.masked_email(email text)
returns text
language sql
immutable
set search_path = ''
as $$
	select case when position('@' in email) > 1
		then left(email, 1) || '…@' || split_part(email, '@', 2) end
$$;
revoke execute on function private.masked_email(text) from public, anon, authenticated;

drop function public.page_notifications(timestamptz, integer);
create function public.page_notifications(before timestamptz default null,
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

-- The group's admin page says which member is the admin looking at it: they can step down as
-- moderator there, but not appoint themself.
create or replace function public.page_group_admin(organisation_slug text, target_group uuid)
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
			select jsonb_agg(jsonb_build_object('id', m.id, 'nickname', m.nickname, 'role', m.role,
					'me', m.user_id = (select auth.uid()))
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
	-- The organisation's lock first, as end_admin takes it: an admin removed at this moment is
	-- either gone before the link is checked (and it no longer works) or removed after.
	perform 1 from public.organisations o
	where o.id = (
		select i.organisation_id from public.organisation_admin_invites i
		where i.code = accept_admin_invite.code
	)
	for update;
	select * into invite from public.organisation_admin_invites i
	where i.code = accept_admin_invite.code for update;
	if not found then raise exception 'admin_invite_not_found'; end if;
	if organisation_slug is not null and not exists (
		select 1 from public.organisations o
		where o.id = invite.organisation_id and o.slug = organisation_slug
	) then
		raise exception 'admin_invite_not_found';
	end if;
	-- Following the link again after it worked is not an error; nor is following one while an
	-- admin already, which leaves the link for whom it was made.
	if invite.used_by = me or exists (
		select 1 from public.organisation_admins a
		where a.organisation_id = invite.organisation_id and a.user_id = me
	) then
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
