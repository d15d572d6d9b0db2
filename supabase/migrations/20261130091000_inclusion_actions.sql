-- Kind actions (issue 11, part 2): what the group's moderators do about a member a signal is
-- about — a welcome or check-in message, a personal invitation, a buddy, a "would you answer"
-- request, a signal marked handled. Only active moderators of the group act, never on
-- themselves or another moderator (private.member_to_act_on). Every action leaves a line in
-- inclusion_actions that the member concerned sees, without who did it.

-- A notification of one of the new kinds; a member without a phone has no one to tell.
create function private.notify_member(person uuid, what public.notification_kind,
	target_group uuid, meetup uuid default null, post uuid default null, thread uuid default null,
	buddy uuid default null)
returns void
language sql security definer set search_path = '' as $$
	insert into public.notifications (user_id, kind, group_id, meetup_id, post_id, thread_id,
		buddy_id)
	select person, what, target_group, meetup, post, thread, buddy
	where person is not null
$$;

create function private.log_inclusion_action(target_group uuid, member uuid, what text,
	signal text default null, post uuid default null, meetup uuid default null,
	thread uuid default null, buddy uuid default null)
returns void
language sql security definer set search_path = '' as $$
	insert into public.inclusion_actions (group_id, member_id, kind, signal_kind, post_id,
		meetup_id, thread_id, buddy_id, moderator_id)
	values (target_group, member, what, signal, post, meetup, thread, buddy, (select auth.uid()))
$$;

-- The group's words for a welcome or a check-in, or null for the app's default words.
create function public.inclusion_template(target_group uuid, kind text)
returns text
language plpgsql stable security definer set search_path = '' as $$
#variable_conflict use_variable
begin
	perform private.acting_moderator(target_group);
	if kind is null or kind not in ('welcome', 'check_in') then
		raise exception 'template_invalid';
	end if;
	return (select t.body from public.inclusion_templates t
		where t.group_id = target_group and t.kind = kind);
end;
$$;
grant execute on function public.inclusion_template(uuid, text) to authenticated, service_role;

-- Stores the group's words; an empty or null body goes back to the default words (null).
create function public.set_inclusion_template(target_group uuid, kind text, body text)
returns text
language plpgsql security definer set search_path = '' as $$
#variable_conflict use_variable
declare
	words text := nullif(btrim(body), '');
begin
	perform private.acting_moderator(target_group);
	if kind is null or kind not in ('welcome', 'check_in') or char_length(words) > 1000 then
		raise exception 'template_invalid';
	end if;
	if words is null then
		delete from public.inclusion_templates t where t.group_id = target_group and t.kind = kind;
		return null;
	end if;
	insert into public.inclusion_templates as t (group_id, kind, body, updated_by)
	values (target_group, kind, words, (select auth.uid()))
	on conflict on constraint inclusion_templates_pkey do update
		set body = excluded.body, updated_at = now(), updated_by = excluded.updated_by;
	return words;
end;
$$;
grant execute on function public.set_inclusion_template(uuid, text, text)
	to authenticated, service_role;

-- A welcome or a check-in: sent as message_member sends (a thread from the moderators the member
-- can answer), told to the member, kept in the log. Returns the thread.
create function public.send_kind_message(client_id uuid, target_group uuid, member uuid,
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
	-- (message_member alone would return it too, but this function would tell and log twice).
	perform pg_advisory_xact_lock(hashtextextended(me::text || client_id::text, 0));
	select msg.thread_id into existing from public.moderation_messages msg
	where msg.author_id = me and msg.client_id = client_id;
	if found then return existing; end if;
	target := private.member_to_act_on(member);
	if target.group_id is distinct from target_group then raise exception 'not_allowed'; end if;
	if kind is null or kind not in ('welcome', 'check_in') then
		raise exception 'message_invalid';
	end if;
	thread := public.message_member(client_id, member, body);
	perform private.log_inclusion_action(target_group, member, kind, thread => thread);
	perform private.notify_member(target.user_id, 'moderators_wrote', target_group,
		thread => thread);
	return thread;
end;
$$;
grant execute on function public.send_kind_message(uuid, uuid, uuid, text, text)
	to authenticated, service_role;

-- A personal invitation to a meetup of the member's group that is still to come. Inviting
-- again returns the invitation there is.
create function public.invite_to_meetup(client_id uuid, meetup uuid, member uuid)
returns uuid
language plpgsql security definer set search_path = '' as $$
#variable_conflict use_variable
declare
	me uuid := auth.uid();
	existing uuid;
	target public.group_members;
	planned public.meetups;
	invitation uuid;
	already timestamptz;
begin
	if me is null or client_id is null then raise exception 'not_allowed'; end if;
	select i.id into existing from public.meetup_invitations i
	where i.invited_by = me and i.client_id = client_id;
	if found then return existing; end if;
	target := private.member_to_act_on(member);
	select * into planned from public.meetups m
	where m.id = meetup and m.group_id = target.group_id;
	if not found or planned.status <> 'scheduled' or planned.starts_at <= now() then
		raise exception 'meetup_not_found';
	end if;
	-- Already answered when the member has answered the meetup before (an RSVP answers it).
	insert into public.meetup_invitations (meetup_id, member_id, invited_by, client_id, answered_at)
	select meetup, member, me, client_id, (
		select now() from public.rsvps r where r.meetup_id = meetup and r.member_id = member)
	on conflict (meetup_id, member_id) do nothing
	returning id, answered_at into invitation, already;
	if invitation is null then
		select i.id into invitation from public.meetup_invitations i
		where i.meetup_id = meetup and i.member_id = member;
		return invitation;
	end if;
	perform private.log_inclusion_action(target.group_id, member, 'meetup_invite',
		meetup => meetup);
	if already is null then
		perform private.notify_member(target.user_id, 'invited', target.group_id, meetup => meetup);
	end if;
	return invitation;
exception when unique_violation then
	select i.id into existing from public.meetup_invitations i
	where i.invited_by = me and i.client_id = client_id;
	if existing is null then raise; end if;
	return existing;
end;
$$;
grant execute on function public.invite_to_meetup(uuid, uuid, uuid) to authenticated, service_role;

-- An invitation is answered by the member's RSVP to that meetup.
create function private.answer_meetup_invitation() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
	update public.meetup_invitations i set answered_at = now()
	where i.meetup_id = new.meetup_id and i.member_id = new.member_id and i.answered_at is null;
	return null;
end;
$$;
create trigger rsvps_answer_meetup_invitation after insert or update of status on public.rsvps
	for each row execute function private.answer_meetup_invitation();

-- Asks an active member of the group (who can be told: they have a phone) to be a newcomer's
-- buddy. A newcomer has one request open or accepted at a time.
create function public.ask_buddy(client_id uuid, target_group uuid, newcomer uuid, buddy uuid)
returns uuid
language plpgsql security definer set search_path = '' as $$
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
		and m.user_id is not null and m.id <> newcomer;
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
$$;
grant execute on function public.ask_buddy(uuid, uuid, uuid, uuid) to authenticated, service_role;

-- The asked buddy says yes or no; yes tells the newcomer. Saying the same again is no change.
create function public.answer_buddy_request(buddy_request uuid, accept boolean)
returns text
language plpgsql security definer set search_path = '' as $$
declare
	request public.buddies;
	newcomer public.group_members;
	answer text := case when accept then 'accepted' else 'declined' end;
begin
	select b.* into request from public.buddies b
	join public.group_members m on m.id = b.buddy_id
	where b.id = buddy_request and m.user_id = (select auth.uid()) and m.status = 'active'
	for update of b;
	if not found or accept is null then raise exception 'not_allowed'; end if;
	if request.status = answer then return answer; end if;
	if request.status <> 'asked' then raise exception 'buddy_request_closed'; end if;
	update public.buddies b set status = answer, answered_at = now() where b.id = request.id;
	if accept then
		select * into newcomer from public.group_members m
		where m.id = request.newcomer_id and m.status = 'active';
		if found then
			perform private.notify_member(newcomer.user_id, 'buddy_accepted', request.group_id,
				buddy => request.id);
		end if;
	end if;
	return answer;
end;
$$;
grant execute on function public.answer_buddy_request(uuid, boolean) to authenticated, service_role;

-- Either of the two ends it (an open request too); ending what has ended is no change.
create function public.end_buddy(buddy_request uuid)
returns void
language plpgsql security definer set search_path = '' as $$
declare
	request public.buddies;
begin
	select b.* into request from public.buddies b
	where b.id = buddy_request
		and exists (select 1 from public.group_members m
			where m.id in (b.newcomer_id, b.buddy_id) and m.user_id = (select auth.uid())
				and m.status = 'active')
	for update;
	if not found then raise exception 'not_allowed'; end if;
	if request.status in ('asked', 'accepted') then
		update public.buddies b set status = 'ended', answered_at = coalesce(b.answered_at, now())
		where b.id = request.id;
	end if;
end;
$$;
grant execute on function public.end_buddy(uuid) to authenticated, service_role;

-- "Would you answer Noor?": asks an active member of the group (not the post's author, not the
-- moderator asking) to answer a post. The line in the log is about the post's author. Asking
-- the same member about the same post again returns the request there is.
create function public.ask_to_answer(client_id uuid, post uuid, member uuid)
returns uuid
language plpgsql security definer set search_path = '' as $$
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
		and m.user_id is not null and m.user_id <> me and m.id <> author.id;
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
$$;
grant execute on function public.ask_to_answer(uuid, uuid, uuid) to authenticated, service_role;

-- A request is done once the asked member answers the post (also anonymously: comment_authors
-- holds the real author).
create function private.answer_request_done() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
	update public.answer_requests r set done_at = now()
	from public.comments c, public.group_members m
	where c.id = new.comment_id and r.post_id = c.post_id and r.done_at is null
		and m.id = r.asked_member_id and m.user_id = new.author_id;
	return null;
end;
$$;
create trigger comment_authors_answer_request_done after insert on public.comment_authors
	for each row execute function private.answer_request_done();

-- mark_signal_handled as before, and the member concerned (the post's author for an unanswered
-- post; no one for a group-level signal) gets a line "handled" in their log — never the note.
-- Marking again at the same evidence (to change the note) adds no line.
create or replace function public.mark_signal_handled(target_group uuid, kind text,
	member uuid default null, post uuid default null, note text default null)
returns uuid
language plpgsql volatile security definer set search_path = '' as $$
#variable_conflict use_variable
declare
	open_fingerprint text;
	previous_fingerprint text;
	words text := nullif(btrim(note), '');
	handled uuid;
	concerned uuid := member;
begin
	if not private.is_moderator(target_group) then raise exception 'not_allowed'; end if;
	if char_length(words) > 1000 then raise exception 'note_invalid'; end if;
	select sr.fingerprint into open_fingerprint
	from private.inclusion_signal_rows(target_group) sr
	where sr.kind = mark_signal_handled.kind
		and sr.member is not distinct from mark_signal_handled.member
		and sr.post is not distinct from mark_signal_handled.post
	limit 1;
	if open_fingerprint is null then raise exception 'signal_not_found'; end if;
	select h.fingerprint into previous_fingerprint from public.inclusion_signal_handled h
	where h.group_id = target_group and h.kind = mark_signal_handled.kind
		and h.member_id is not distinct from mark_signal_handled.member
		and h.post_id is not distinct from mark_signal_handled.post;
	insert into public.inclusion_signal_handled (group_id, kind, member_id, post_id, fingerprint,
		note, handled_by)
	values (target_group, mark_signal_handled.kind, mark_signal_handled.member,
		mark_signal_handled.post, open_fingerprint, words, (select auth.uid()))
	on conflict on constraint inclusion_signal_handled_once do update
		set fingerprint = excluded.fingerprint, note = excluded.note,
			handled_by = excluded.handled_by, handled_at = now()
	returning id into handled;
	if concerned is null and post is not null then
		concerned := (private.post_author(post)).id;
	end if;
	if concerned is not null and previous_fingerprint is distinct from open_fingerprint then
		perform private.log_inclusion_action(target_group, concerned, 'handled',
			signal => mark_signal_handled.kind, post => post);
	end if;
	return handled;
end;
$$;
