-- Marking a signal handled found it among all the group's signals, also a closed circle that
-- inclusion_signals no longer shows (one that is a circle only with a member who opted out,
-- 20261130130100): a moderator who tried 'handled' on a member's closed circle learnt from
-- success or signal_not_found that they were in such a circle, and the member read a "handled"
-- line. Now only a signal the moderators are shown can be marked handled. The rest of the
-- function is as in 20261130091000 (the 'handled' line in inclusion_actions, never the note).
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
	min_size integer;
begin
	if not private.is_moderator(target_group) then raise exception 'not_allowed'; end if;
	if char_length(words) > 1000 then raise exception 'note_invalid'; end if;
	select st.circle_min_size into min_size from public.inclusion_settings st
	where st.group_id = target_group;
	select sr.fingerprint into open_fingerprint
	from private.inclusion_signal_rows(target_group) sr
	where sr.kind = mark_signal_handled.kind
		and sr.member is not distinct from mark_signal_handled.member
		and sr.post is not distinct from mark_signal_handled.post
		-- Only a signal the moderators are shown (see inclusion_signals).
		and (sr.kind <> 'closed_circle'
			or jsonb_array_length(sr.evidence -> 'members') >= coalesce(min_size, 3))
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
