-- "I feel left out" and the answers to the moderators, flooded (issue 10). Every send made a
-- new thread, without limit: sixty of them from one member filled the moderators' queue (it
-- shows 50 threads) and the next member's "I feel left out" was not in it. Now, while the
-- moderators have not answered, more words from the member go to the same waiting thread
-- (same group, same addressee), and a member sends at most 50 messages to moderators in 24
-- hours (`message_limit_reached`), threads and answers together.

create function private.check_member_message_limit(me uuid)
returns void
language plpgsql
volatile security definer
set search_path = ''
as $$
begin
	-- One person's messages are counted one after the other.
	perform pg_advisory_xact_lock(hashtextextended('moderation-message:' || me::text, 0));
	if (
		select count(*) from public.moderation_messages msg
		where msg.author_id = me and not msg.from_moderators
			and msg.created_at > now() - interval '24 hours'
	) >= 50 then
		raise exception 'message_limit_reached';
	end if;
end;
$$;

create or replace function public.send_left_out_message(
	client_id uuid,
	target_group uuid,
	to_moderator uuid default null,
	body text default null
)
returns uuid
language plpgsql
volatile security definer
set search_path = ''
as $$
declare
	me uuid := auth.uid();
	mine public.group_members;
	existing uuid;
	thread uuid;
	words text := nullif(btrim(coalesce(body, '')), '');
begin
	if me is null or client_id is null then raise exception 'not_allowed'; end if;
	select msg.thread_id into existing from public.moderation_messages msg
	where msg.author_id = me and msg.client_id = send_left_out_message.client_id;
	if found then return existing; end if;
	if char_length(words) > 2000 then raise exception 'message_invalid'; end if;

	select * into mine from public.group_members m
	where m.group_id = target_group and m.user_id = me and m.status = 'active';
	if not found then raise exception 'not_allowed'; end if;
	if to_moderator is not null and not exists (
		select 1 from public.group_members m
		where m.id = to_moderator and m.group_id = target_group and m.status = 'active'
			and m.role = 'moderator' and m.id <> mine.id
	) then
		raise exception 'not_allowed';
	end if;
	perform private.check_member_message_limit(me);

	select t.id into thread from public.moderation_threads t
	where t.member_id = mine.id and t.kind = 'left_out' and t.waiting_since is not null
		and t.to_all = (send_left_out_message.to_moderator is null)
		and t.to_moderator is not distinct from send_left_out_message.to_moderator
	order by t.waiting_since
	limit 1
	for update;
	if found then
		update public.moderation_threads set last_message_at = now() where id = thread;
	else
		insert into public.moderation_threads (group_id, member_id, kind, to_moderator, to_all,
			waiting_since)
		values (target_group, mine.id, 'left_out', to_moderator, to_moderator is null, now())
		returning id into thread;
	end if;
	insert into public.moderation_messages (thread_id, from_moderators, author_id, body, client_id)
	values (thread, false, me, coalesce(words, private.left_out_sentence(target_group)), client_id);
	return thread;
exception when unique_violation then
	select msg.thread_id into existing from public.moderation_messages msg
	where msg.author_id = me and msg.client_id = send_left_out_message.client_id;
	return existing;
end;
$$;

create or replace function public.reply_to_moderators(client_id uuid, thread uuid, body text)
returns uuid
language plpgsql
volatile security definer
set search_path = ''
as $$
declare
	me uuid := auth.uid();
	existing uuid;
	created uuid;
	words text := btrim(coalesce(body, ''));
begin
	if me is null or client_id is null then raise exception 'not_allowed'; end if;
	select msg.id into existing from public.moderation_messages msg
	where msg.author_id = me and msg.client_id = reply_to_moderators.client_id;
	if found then return existing; end if;
	if char_length(words) not between 1 and 2000 then raise exception 'message_invalid'; end if;

	perform 1 from public.moderation_threads t
	join public.group_members m on m.id = t.member_id
	where t.id = thread and m.user_id = me and m.status in ('active', 'removed')
	for update of t;
	if not found then raise exception 'not_allowed'; end if;
	perform private.check_member_message_limit(me);

	insert into public.moderation_messages (thread_id, from_moderators, author_id, body, client_id)
	values (thread, false, me, words, client_id)
	returning id into created;
	update public.moderation_threads
	set last_message_at = now(), waiting_since = coalesce(waiting_since, now())
	where id = thread;
	return created;
exception when unique_violation then
	select msg.id into existing from public.moderation_messages msg
	where msg.author_id = me and msg.client_id = reply_to_moderators.client_id;
	return existing;
end;
$$;
