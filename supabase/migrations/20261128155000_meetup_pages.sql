-- Each meetup screen gets what it shows in one call (issue 9): the member page, the edit page,
-- the host view and a group's list of meetups. The host view was a chain of four calls (the
-- meetup, the host check, the series, then the lists); now the database answers at once.
--
-- They read under the caller's rights (security invoker): the same policies decide what a
-- host sees here as on the tables (a name from another group stays unknown). They are stable,
-- so PostgREST runs them in a read-only transaction: opening a page writes nothing.

-- The member page: the meetup as its card shows it (counts, my answer and my place on the
-- waiting list, its group's name, whether I am a member there and whether I host it), also
-- after it ended. Null when it is not mine to see.
create function public.page_meetup(target_meetup uuid)
returns jsonb
language sql stable security invoker
set search_path = ''
as $$
	select to_jsonb(card) from public.meetup_cards(only_meetup => target_meetup) card
$$;
grant execute on function public.page_meetup(uuid) to authenticated;

-- The edit page: the meetup with its group's name and, for an occurrence of a series, how it
-- repeats and until when. Only the group's hosts and moderators; null for anyone else (the
-- page is then a 404, as for a meetup that does not exist).
create function public.page_meetup_edit(target_meetup uuid)
returns jsonb
language sql stable security invoker
set search_path = ''
as $$
	select to_jsonb(hosted) || jsonb_build_object(
		'series', (
			select jsonb_build_object('repeat', s.repeat, 'repeat_until', s.repeat_until)
			from public.meetup_series s
			where s.id = hosted.series_id
		)
	)
	from (
		select m.id, m.group_id, g.name as group_name, m.title, m.description, m.starts_at,
			m.ends_at, m.place, m.online_url, m.cost, m.childcare, m.transport_help,
			m.wheelchair_access, m.languages, m.open_to, m.capacity, m.status, m.series_id,
			m.occurrence_on
		from public.meetups m
		join public.groups g on g.id = m.group_id
		where m.id = target_meetup and (select private.is_host_or_moderator(m.group_id))
	) hosted
$$;
grant execute on function public.page_meetup_edit(uuid) to authenticated;

-- The host view: the meetup as the edit page has it, everyone who answered (with their needs
-- and note; the waiting list in its order), who is checked in, and the group's active members
-- for the check-in list. Null for anyone but the group's hosts and moderators.
create function public.page_host_view(target_meetup uuid)
returns jsonb
language sql stable security invoker
set search_path = ''
as $$
	with hosted as (
		select public.page_meetup_edit(target_meetup) as meetup
	)
	select jsonb_build_object(
		'meetup', hosted.meetup,
		'answers', coalesce((
			-- A name the host may not read (someone of another group of the organisation) is null.
			select jsonb_agg(jsonb_build_object(
					'member_id', r.member_id,
					'nickname', gm.nickname,
					'role', gm.role,
					'without_phone', coalesce(gm.without_phone, false),
					'status', r.status,
					'childcare_children', r.childcare_children,
					'transport_help', r.transport_help,
					'cost_is_a_problem', r.cost_is_a_problem,
					'note', r.note
				) order by r.waitlisted_at nulls last, r.created_at)
			from public.rsvps r
			left join public.group_members gm on gm.id = r.member_id
			where r.meetup_id = target_meetup
		), '[]'::jsonb),
		'checked_in', coalesce((
			select jsonb_agg(a.member_id order by a.checked_in_at)
			from public.attendance a
			where a.meetup_id = target_meetup
		), '[]'::jsonb),
		'members', coalesce((
			select jsonb_agg(jsonb_build_object(
					'id', gm.id,
					'nickname', gm.nickname,
					'role', gm.role,
					'without_phone', gm.without_phone
				) order by gm.nickname)
			from public.group_members gm
			where gm.group_id = (hosted.meetup ->> 'group_id')::uuid and gm.status = 'active'
		), '[]'::jsonb)
	)
	from hosted
	where hosted.meetup is not null
$$;
grant execute on function public.page_host_view(uuid) to authenticated;

-- A group's list of meetups still to come, soonest first, as cards (at most 50). Only for the
-- group's active members: null for anyone else, also for a group whose open meetups they could
-- see one by one.
create function public.page_group_meetups(target_group uuid)
returns jsonb
language sql stable security invoker
set search_path = ''
as $$
	select case when (select private.is_active_member(target_group)) then coalesce((
		select jsonb_agg(to_jsonb(card) order by card.starts_at, card.id)
		from public.meetup_cards(target_group => target_group, max_rows => 50) card
	), '[]'::jsonb) end
$$;
grant execute on function public.page_group_meetups(uuid) to authenticated;
