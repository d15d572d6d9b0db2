-- A member who opted out of the signals was still pointed at by a closed circle (issue 11): the
-- circle's evidence left their id out of `members` but said `others: 1` and counted them in
-- `size`. With one name on the moderators' "X wil niet in de signalen staan" that named them
-- as one of the set, a person-level signal about someone who asked to be in none; a circle of
-- two names (below the minimum size) said as much. Now the moderators' rows (inclusion_signals,
-- and so page_group_inclusion) count and name only the members who did not opt out, and a
-- circle that reaches its minimum size only with someone who opted out is not shown. The
-- circles are still found with them (their ties count, as in every group figure).
create or replace function public.inclusion_signals(target_group uuid)
returns table (kind text, member uuid, post uuid, evidence jsonb, since timestamptz,
	handled boolean)
language plpgsql stable security definer set search_path = '' as $$
#variable_conflict use_column
declare
	min_size integer;
begin
	if not private.is_moderator(target_group) then return; end if;
	select st.circle_min_size into min_size from public.inclusion_settings st
	where st.group_id = target_group;
	return query
	select sr.kind, sr.member, sr.post,
		case when sr.kind = 'closed_circle'
			then (sr.evidence - 'others')
				|| jsonb_build_object('size', jsonb_array_length(sr.evidence -> 'members'))
			else sr.evidence end,
		sr.since,
		exists (
			select 1 from public.inclusion_signal_handled h
			where h.group_id = target_group and h.kind = sr.kind
				and h.member_id is not distinct from sr.member
				and h.post_id is not distinct from sr.post
				and h.fingerprint = sr.fingerprint)
	from private.inclusion_signal_rows(target_group) sr
	where sr.kind <> 'closed_circle'
		or jsonb_array_length(sr.evidence -> 'members') >= coalesce(min_size, 3);
end;
$$;
