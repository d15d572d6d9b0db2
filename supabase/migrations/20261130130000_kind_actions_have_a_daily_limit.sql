-- Kind actions and the inclusion settings under attack (issue 11).
--
-- 1. A moderator could send a member (or the member asked to be a buddy or to answer) as many
--    check-ins, invitations, buddy requests and requests to answer as they liked: a buddy request
--    declined is asked again, and every post of the group is one more "would you answer".
--    As a member sends at most 50 messages a day to the moderators, a moderator now takes at
--    most 50 kind actions in 24 hours (`action_limit_reached`), all groups together. Every kind
--    action writes its line in inclusion_actions in the same transaction, so the count is kept
--    there: the line refused refuses the whole action (message, notification and all). A retry
--    with the same client_id returns before it writes, so it is not counted; marking a signal
--    handled is not a message to anyone and is not counted.
-- 2. update_inclusion_settings took a null `settings` as no change, and a share with thousands
--    of decimals (kept as it was, read back on every page and compared in every signal's call).
--    Now null is settings_invalid, a share has at most 4 decimals (the page sends a percentage
--    with 2), and the settings object is small.

create function private.check_kind_action_limit() returns trigger
language plpgsql volatile security definer set search_path = '' as $$
begin
	if new.kind = 'handled' or new.moderator_id is null then return new; end if;
	-- One moderator's actions are counted one after the other.
	perform pg_advisory_xact_lock(hashtextextended('kind-actions:' || new.moderator_id::text, 0));
	if (
		select count(*) from public.inclusion_actions a
		where a.moderator_id = new.moderator_id and a.kind <> 'handled'
			and a.created_at > now() - interval '24 hours'
	) >= 50 then
		raise exception 'action_limit_reached';
	end if;
	return new;
end;
$$;
create trigger inclusion_actions_daily_limit before insert on public.inclusion_actions
	for each row execute function private.check_kind_action_limit();

create index inclusion_actions_moderator_created_idx
	on public.inclusion_actions (moderator_id, created_at);

create or replace function public.update_inclusion_settings(target_group uuid, settings jsonb)
returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
declare
	current_row public.inclusion_settings;
	changed public.inclusion_settings;
begin
	if not private.is_moderator(target_group) then raise exception 'not_allowed'; end if;
	if settings is null or jsonb_typeof(settings) <> 'object'
		or pg_column_size(settings) > 4096
		or settings ?| array['group_id', 'created_at', 'updated_at'] then
		raise exception 'settings_invalid';
	end if;
	select * into current_row from public.inclusion_settings where group_id = target_group
		for update;
	begin
		changed := jsonb_populate_record(current_row, settings);
	exception when invalid_text_representation or numeric_value_out_of_range
		or invalid_parameter_value or datatype_mismatch then
		raise exception 'settings_invalid';
	end;
	if exists (select 1 from jsonb_each(settings) e
		where e.value = 'null'::jsonb or not (to_jsonb(current_row) ? e.key)) then
		raise exception 'settings_invalid';
	end if;
	if scale(changed.dominance_top_fraction) > 4 or scale(changed.dominance_share) > 4
		or scale(changed.circle_max_fraction) > 4 or scale(changed.circle_inside_share) > 4 then
		raise exception 'settings_invalid';
	end if;
	begin
		update public.inclusion_settings st set
			unanswered_window_days = changed.unanswered_window_days,
			unanswered_after_hours = changed.unanswered_after_hours,
			not_reached_window_days = changed.not_reached_window_days,
			not_reached_min_items = changed.not_reached_min_items,
			newcomer_window_days = changed.newcomer_window_days,
			newcomer_after_days = changed.newcomer_after_days,
			fading_quiet_days = changed.fading_quiet_days,
			fading_before_days = changed.fading_before_days,
			fading_min_items = changed.fading_min_items,
			fading_missed_in_series = changed.fading_missed_in_series,
			fading_series_min_attended = changed.fading_series_min_attended,
			dominance_window_days = changed.dominance_window_days,
			dominance_top_fraction = changed.dominance_top_fraction,
			dominance_share = changed.dominance_share,
			dominance_min_contributions = changed.dominance_min_contributions,
			ties_window_days = changed.ties_window_days,
			circle_min_size = changed.circle_min_size,
			circle_max_fraction = changed.circle_max_fraction,
			circle_inside_share = changed.circle_inside_share,
			first_timer_min_days = changed.first_timer_min_days,
			first_timer_max_days = changed.first_timer_max_days,
			needs_window_days = changed.needs_window_days,
			needs_min_missed = changed.needs_min_missed,
			updated_at = now()
		where st.group_id = target_group;
	exception when check_violation then
		raise exception 'settings_invalid';
	end;
	return public.inclusion_settings_of(target_group);
end;
$$;
