-- Two small holes left by issue 11 (kind actions):
-- 1. A moderator could ask a muted member to answer a post, or to be a newcomer's buddy, though
--    a muted member cannot write an answer or a message while the break lasts. Refused now, as
--    for any member who cannot be asked (the same error and the same words).
-- 2. set_signals_opt_out(group, null) opted the member in: a missing value changed a privacy
--    choice. Now it is refused and nothing changes.

create or replace function public.ask_to_answer(client_id uuid, post uuid, member uuid)
returns uuid
language plpgsql
security definer
set search_path = ''
as $function$
#variable_conflict use_variable
declare
	me uuid := auth.uid();
	existing uuid;
	target_group uuid;
	author public.group_members;
	asked public.group_members;
	request uuid;
	already timestamptz;
begin
	if me is null or client_id is null then raise exception 'not_allowed'; end if;
	select r.id into existing from public.answer_requests r
	where r.asked_by = me and r.client_id = client_id;
	if found then return existing; end if;
	select p.group_id into target_group from public.posts p
	where p.id = post and p.deleted_at is null and p.hidden_at is null;
	if target_group is null or not private.is_moderator(target_group) then
		raise exception 'not_allowed';
	end if;
	author := private.post_author(post);
	if author.id is null or author.status <> 'active'
		or not private.may_act_on(author, private.acting_moderator(target_group)) then
		raise exception 'not_allowed';
	end if;
	select * into asked from public.group_members m
	where m.id = member and m.group_id = target_group and m.status = 'active'
		and m.user_id is not null and m.user_id <> me and m.id <> author.id
		and (m.muted_until is null or m.muted_until <= now());
	if not found then raise exception 'answer_request_invalid'; end if;
	-- Already done when the member has answered the post before.
	insert into public.answer_requests (post_id, asked_member_id, asked_by, client_id, done_at)
	select post, member, me, client_id, (
		select now() from public.comment_authors ca
		join public.comments c on c.id = ca.comment_id
		where c.post_id = post and ca.author_id = asked.user_id limit 1)
	on conflict (post_id, asked_member_id) do nothing
	returning id, done_at into request, already;
	if request is null then
		select r.id into request from public.answer_requests r
		where r.post_id = post and r.asked_member_id = member;
		return request;
	end if;
	perform private.log_inclusion_action(target_group, author.id, 'answer_nudge', post => post);
	if already is null then
		perform private.notify_member(asked.user_id, 'answer_asked', target_group, post => post);
	end if;
	return request;
exception when unique_violation then
	select r.id into existing from public.answer_requests r
	where r.asked_by = me and r.client_id = client_id;
	if existing is null then raise; end if;
	return existing;
end;
$function$;

create or replace function public.ask_buddy(client_id uuid, target_group uuid, newcomer uuid, buddy uuid)
returns uuid
language plpgsql
security definer
set search_path = ''
as $function$
#variable_conflict use_variable
declare
	me uuid := auth.uid();
	existing public.buddies;
	target public.group_members;
	asked public.group_members;
	request uuid;
begin
	if me is null or client_id is null then raise exception 'not_allowed'; end if;
	select * into existing from public.buddies b where b.asked_by = me and b.client_id = client_id;
	if found then return existing.id; end if;
	target := private.member_to_act_on(newcomer);
	if target.group_id is distinct from target_group then raise exception 'not_allowed'; end if;
	select * into asked from public.group_members m
	where m.id = buddy and m.group_id = target_group and m.status = 'active'
		and m.user_id is not null and m.id <> newcomer
		and (m.muted_until is null or m.muted_until <= now());
	if not found then raise exception 'buddy_invalid'; end if;
	select * into existing from public.buddies b
	where b.newcomer_id = newcomer and b.status in ('asked', 'accepted');
	if found then
		if existing.buddy_id = buddy then return existing.id; end if;
		raise exception 'buddy_already_asked';
	end if;
	insert into public.buddies (group_id, newcomer_id, buddy_id, asked_by, client_id)
	values (target_group, newcomer, buddy, me, client_id)
	returning id into request;
	perform private.log_inclusion_action(target_group, newcomer, 'buddy', buddy => request);
	perform private.notify_member(asked.user_id, 'buddy_asked', target_group, buddy => request);
	return request;
exception when unique_violation then
	select * into existing from public.buddies b where b.asked_by = me and b.client_id = client_id;
	if found then return existing.id; end if;
	raise exception 'buddy_already_asked';
end;
$function$;

create or replace function public.set_signals_opt_out(target_group uuid, opt_out boolean)
returns boolean
language plpgsql
security definer
set search_path = ''
as $function$
declare
	changed boolean;
begin
	if opt_out is null then raise exception 'settings_invalid'; end if;
	update public.group_members m set signals_opt_out = opt_out
	where m.group_id = target_group and m.user_id = (select auth.uid()) and m.status = 'active'
	returning m.signals_opt_out into changed;
	if not found then raise exception 'not_allowed'; end if;
	return changed;
end;
$function$;
