-- Moderation's remaining side doors (issue 10 follow-up):
-- 1. A role change is logged. Moderators cannot act on moderators, but one could make another
--    moderator a member (set_member_role) and then mute or remove them, with nothing in the log.
--    Now the change is written as 'role_change' (by whom, to what), so the person reads it on
--    "Wat de begeleiders deden" and the other moderators in the group's log.
-- 2. Reports about another moderator (or their posts and answers) cannot be dismissed: the queue
--    already shows them with can_act = false, but dismiss_reports only refused the caller's own.
-- 3. A mute is about posting, and a meetup is a post in the group: a muted host makes no new
--    meetup and changes none (whatever the call: a trigger on the table). Cancelling still works,
--    so the people who said they would come hear of it.

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

create or replace function public.dismiss_reports(target_group uuid, reason text,
	post uuid default null, comment uuid default null, member uuid default null)
returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
	me uuid := private.acting_moderator(target_group);
	item uuid := coalesce(post, comment, member);
	about uuid;
	entry uuid;
begin
	if num_nonnulls(post, comment, member) <> 1 then raise exception 'not_allowed'; end if;
	select r.about_member into about from public.reports r
	where r.group_id = target_group and r.item_id = item
		and r.post_id is not distinct from post and r.comment_id is not distinct from comment
		and r.member_id is not distinct from member
	limit 1;
	-- No reports on it in this group, or they are about the caller or another moderator.
	if not found or about is not distinct from me or exists (
		select 1 from public.group_members m
		where m.id = about and m.status = 'active' and m.role = 'moderator'
	) then
		raise exception 'not_allowed';
	end if;
	entry := private.log_moderation(target_group, 'dismiss', private.checked_reason(reason),
		post, comment, about);
	perform private.resolve_reports(target_group, item, entry);
	return entry;
end;
$$;

create function private.refuse_meetup_of_muted_host() returns trigger
language plpgsql
set search_path = ''
as $$
begin
	if private.is_muted(new.group_id) then raise exception 'member_muted'; end if;
	return new;
end;
$$;

create trigger meetups_not_by_muted_hosts
	before insert or update of title, description, starts_at, ends_at, place, online_url, cost,
		childcare, transport_help, wheelchair_access, languages, open_to, capacity
	on public.meetups
	for each row execute function private.refuse_meetup_of_muted_host();
