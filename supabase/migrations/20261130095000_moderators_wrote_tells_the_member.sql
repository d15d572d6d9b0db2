-- When the moderators write to a member, the member is told: every message from the moderators
-- (a new thread through message_member, an answer through reply_as_moderators, in a "left out"
-- thread or any other) leaves one moderators_wrote notification for the member of the thread,
-- for no one else, naming no moderator. A message sent again with its client_id is the same
-- message and tells nothing new. send_kind_message goes through message_member, so it no longer
-- tells the member itself (that would be twice).
-- The other way needs nothing new: a member's message sets the thread's waiting_since, which the
-- addressed moderators see in app_shell's queue_count.

create or replace function public.message_member(client_id uuid, member uuid, body text)
returns uuid
language plpgsql
volatile security definer
set search_path = ''
as $$
declare
	me uuid := auth.uid();
	existing uuid;
	target public.group_members;
	words text := btrim(coalesce(body, ''));
	thread uuid;
begin
	if me is null or client_id is null then raise exception 'not_allowed'; end if;
	select msg.thread_id into existing from public.moderation_messages msg
	where msg.author_id = me and msg.client_id = message_member.client_id;
	if found then return existing; end if;
	target := private.member_to_act_on(member);
	if char_length(words) not between 1 and 2000 then raise exception 'message_invalid'; end if;

	insert into public.moderation_threads (group_id, member_id, kind, to_all, waiting_since)
	values (target.group_id, member, 'from_moderators', true, null)
	returning id into thread;
	insert into public.moderation_messages (thread_id, from_moderators, author_id, body, client_id)
	values (thread, true, me, words, client_id);
	perform private.log_moderation(target.group_id, 'message',
		case when char_length(words) > 120 then left(words, 119) || '…' else words end,
		null, null, member);
	perform private.notify_member(target.user_id, 'moderators_wrote', target.group_id,
		thread => thread);
	return thread;
exception when unique_violation then
	select msg.thread_id into existing from public.moderation_messages msg
	where msg.author_id = me and msg.client_id = message_member.client_id;
	return existing;
end;
$$;

create or replace function public.reply_as_moderators(client_id uuid, thread uuid, body text)
returns uuid
language plpgsql
volatile security definer
set search_path = ''
as $$
declare
	me uuid := auth.uid();
	existing uuid;
	target public.moderation_threads;
	mine uuid;
	words text := btrim(coalesce(body, ''));
	created uuid;
begin
	if me is null or client_id is null then raise exception 'not_allowed'; end if;
	select msg.id into existing from public.moderation_messages msg
	where msg.author_id = me and msg.client_id = reply_as_moderators.client_id;
	if found then return existing; end if;
	select * into target from public.moderation_threads t where t.id = thread for update;
	if not found then raise exception 'not_allowed'; end if;
	mine := private.acting_moderator(target.group_id);
	if target.member_id = mine or not (target.to_all or target.to_moderator = mine) then
		raise exception 'not_allowed';
	end if;
	if char_length(words) not between 1 and 2000 then raise exception 'message_invalid'; end if;

	insert into public.moderation_messages (thread_id, from_moderators, author_id, body, client_id)
	values (thread, true, me, words, client_id)
	returning id into created;
	update public.moderation_threads set last_message_at = now(), waiting_since = null
	where id = thread;
	-- The notification shows only while the member is active in the group (its read policy).
	perform private.notify_member(
		(select m.user_id from public.group_members m where m.id = target.member_id),
		'moderators_wrote', target.group_id, thread => thread);
	return created;
exception when unique_violation then
	select msg.id into existing from public.moderation_messages msg
	where msg.author_id = me and msg.client_id = reply_as_moderators.client_id;
	return existing;
end;
$$;

create or replace function public.send_kind_message(client_id uuid, target_group uuid, member uuid,
	kind text, body text)
returns uuid
language plpgsql security definer set search_path = '' as $$
#variable_conflict use_variable
declare
	me uuid := auth.uid();
	existing uuid;
	target public.group_members;
	thread uuid;
begin
	if me is null or client_id is null then raise exception 'not_allowed'; end if;
	-- The same request sent twice at once: the second waits here, then finds the first's thread
	-- (message_member alone would return it too, but this function would log twice).
	perform pg_advisory_xact_lock(hashtextextended(me::text || client_id::text, 0));
	select msg.thread_id into existing from public.moderation_messages msg
	where msg.author_id = me and msg.client_id = client_id;
	if found then return existing; end if;
	target := private.member_to_act_on(member);
	if target.group_id is distinct from target_group then raise exception 'not_allowed'; end if;
	if kind is null or kind not in ('welcome', 'check_in') then
		raise exception 'message_invalid';
	end if;
	-- message_member tells the member (moderators_wrote).
	thread := public.message_member(client_id, member, body);
	perform private.log_inclusion_action(target_group, member, kind, thread => thread);
	return thread;
end;
$$;
