-- Inclusion (issue 11), what is read beside the signals: what a member sees about themself
-- ("Wat Kring over mij bijhoudt"), the group's 12-week trend and who opted out (for its
-- moderators), and the moderators' screen in one call.

-- For the caller, in every group they are an active member of: whether they opted out, the
-- signals about them right now and the kind actions the moderators took about them. Only signals
-- about the caller (never a group-level one), with only what a kind sentence needs: a closed
-- circle says how many, never who. No moderator, no note. Someone who opted out has no signals
-- (they are in none) but still sees the actions.
create function public.my_inclusion()
returns jsonb
language plpgsql stable security definer set search_path = '' as $$
declare
	me uuid := (select auth.uid());
begin
	if me is null then return jsonb_build_object('groups', '[]'::jsonb); end if;
	return jsonb_build_object('groups', coalesce((
		select jsonb_agg(jsonb_build_object(
			'id', g.id, 'name', g.name, 'signals_opt_out', m.signals_opt_out,
			'signals', coalesce((
				select jsonb_agg(jsonb_build_object(
					'kind', sr.kind, 'post', sr.post, 'since', sr.since,
					'evidence', case sr.kind
						when 'closed_circle' then jsonb_build_object(
							'size', sr.evidence -> 'size', 'days', sr.evidence -> 'days')
						else sr.evidence end)
					order by sr.since, sr.kind)
				from private.inclusion_signal_rows(g.id) sr
				where sr.member = m.id and not m.signals_opt_out and m.role <> 'moderator'
			), '[]'::jsonb),
			'actions', coalesce((
				select jsonb_agg(jsonb_build_object(
					'kind', a.kind, 'created_at', a.created_at,
					'meetup', case when mt.id is not null
						then jsonb_build_object('id', mt.id, 'title', mt.title) end,
					'post', a.post_id)
					order by a.created_at desc)
				from public.inclusion_actions a
				left join public.meetups mt on mt.id = a.meetup_id
				where a.member_id = m.id
			), '[]'::jsonb))
			order by g.name, g.id)
		from public.group_members m
		join public.groups g on g.id = m.group_id
		where m.user_id = me and m.status = 'active'
	), '[]'::jsonb));
end;
$$;
grant execute on function public.my_inclusion() to authenticated, service_role;

-- For the group's moderators (null for everyone else): twelve ISO weeks, oldest first, the
-- current one last. active_members: members who wrote, answered, reacted or came (checked in)
-- that week; posts and answers: those that count (neither deleted nor hidden); attendance:
-- check-ins at the group's meetups of that week; top_fifth_share: the share of that week's posts
-- and answers written by the most active fifth of the group's active members (as dominance
-- counts it), null in a week with nothing written.
create function public.inclusion_trend(target_group uuid)
returns jsonb
language plpgsql stable security definer set search_path = '' as $$
declare
	first_week constant timestamptz := date_trunc('week', now()) - interval '11 weeks';
	top_fraction numeric;
	member_count integer;
begin
	if not private.is_moderator(target_group) then return null; end if;
	select st.dominance_top_fraction into top_fraction from public.inclusion_settings st
	where st.group_id = target_group;
	select count(*) into member_count from public.group_members m
	where m.group_id = target_group and m.status = 'active';
	return (
		with members as materialized (
			select m.id, m.user_id from public.group_members m where m.group_id = target_group
		), written as materialized (
			select date_trunc('week', p.created_at) as week, true as is_post,
				coalesce(p.author_id, (select pa.author_id from public.post_authors pa
					where pa.post_id = p.id)) as author
			from public.posts p
			where p.group_id = target_group and p.created_at >= first_week
				and p.deleted_at is null and p.hidden_at is null
			union all
			select date_trunc('week', c.created_at), false,
				coalesce(c.author_id, (select ca.author_id from public.comment_authors ca
					where ca.comment_id = c.id))
			from public.comments c
			where c.group_id = target_group and c.created_at >= first_week
				and c.deleted_at is null and c.hidden_at is null
		), came as materialized (
			select date_trunc('week', mt.starts_at) as week, a.member_id
			from public.meetups mt
			join public.attendance a on a.meetup_id = mt.id
			where mt.group_id = target_group and mt.starts_at >= first_week
				and mt.starts_at <= now()
		), per_author as (
			select w.week, w.author, count(*) as n,
				row_number() over (partition by w.week order by count(*) desc) as from_top
			from written w
			group by w.week, w.author
		), writing as (
			select w.week, count(*) filter (where w.is_post) as posts,
				count(*) filter (where not w.is_post) as answers
			from written w group by w.week
		), shares as (
			select pa.week, round(sum(pa.n) filter (
					where pa.from_top <= ceil(member_count * top_fraction)) / sum(pa.n), 3) as share
			from per_author pa group by pa.week
		), attended as (
			select c.week, count(*) as attendance from came c group by c.week
		), active as (
			select x.week, count(distinct x.member) as members
			from (
				select w.week, m.id as member
				from (select distinct w.week, w.author from written w) w
				join members m on m.user_id = w.author
				union all
				select r.week, m.id
				from (
					select distinct date_trunc('week', r.created_at) as week, r.user_id
					from public.reactions r
					where r.group_id = target_group and r.created_at >= first_week
				) r
				join members m on m.user_id = r.user_id
				union all
				select c.week, c.member_id from came c
			) x
			group by x.week
		)
		select jsonb_agg(jsonb_build_object(
			'week_start', wk.week_start::date,
			'active_members', coalesce(ac.members, 0),
			'posts', coalesce(wr.posts, 0),
			'answers', coalesce(wr.answers, 0),
			'attendance', coalesce(at.attendance, 0),
			'top_fifth_share', sh.share
			) order by wk.week_start)
		from (
			select first_week + n * interval '1 week' as week_start from generate_series(0, 11) n
		) wk
		left join writing wr on wr.week = wk.week_start
		left join shares sh on sh.week = wk.week_start
		left join attended at on at.week = wk.week_start
		left join active ac on ac.week = wk.week_start
	);
end;
$$;
grant execute on function public.inclusion_trend(uuid) to authenticated, service_role;

-- For the group's moderators: the active members who asked not to be in the signals ("X wil niet
-- in de signalen staan"), by name only; no rows for everyone else.
create function public.signal_opt_outs(target_group uuid)
returns table (member uuid, nickname text)
language plpgsql stable security definer set search_path = '' as $$
#variable_conflict use_column
begin
	if not private.is_moderator(target_group) then return; end if;
	return query
	select m.id, m.nickname from public.group_members m
	where m.group_id = target_group and m.status = 'active' and m.signals_opt_out
	order by m.nickname, m.id;
end;
$$;
grant execute on function public.signal_opt_outs(uuid) to authenticated, service_role;

-- The moderators' screen "Hoe gaat het met de groep?" in one call; null for everyone else.
create function public.page_group_inclusion(target_group uuid)
returns jsonb
language plpgsql stable security definer set search_path = '' as $$
begin
	if not private.is_moderator(target_group) then return null; end if;
	return jsonb_build_object(
		'signals', coalesce((
			select jsonb_agg(jsonb_build_object(
				'kind', s.kind,
				'member', case when m.id is not null
					then jsonb_build_object('id', m.id, 'nickname', m.nickname) end,
				'post', case when p.id is not null
					then jsonb_build_object('id', p.id, 'excerpt', left(p.body, 140),
						'anonymous', p.anonymous) end,
				'evidence', s.evidence, 'since', s.since, 'handled', s.handled)
				order by s.handled, s.since, s.kind)
			from public.inclusion_signals(target_group) s
			left join public.group_members m on m.id = s.member
			left join public.posts p on p.id = s.post
		), '[]'::jsonb),
		'opt_outs', coalesce((
			select jsonb_agg(jsonb_build_object('id', o.member, 'nickname', o.nickname)
				order by o.nickname, o.member)
			from public.signal_opt_outs(target_group) o
		), '[]'::jsonb),
		'trend', public.inclusion_trend(target_group),
		'climate', public.climate_summary(target_group),
		'templates', jsonb_build_object(
			'welcome', public.inclusion_template(target_group, 'welcome'),
			'check_in', public.inclusion_template(target_group, 'check_in')),
		'settings', public.inclusion_settings_of(target_group),
		'upcoming_meetups', coalesce((
			select jsonb_agg(jsonb_build_object('id', u.id, 'title', u.title,
				'starts_at', u.starts_at) order by u.starts_at, u.id)
			from (
				select mt.id, mt.title, mt.starts_at from public.meetups mt
				where mt.group_id = target_group and mt.status = 'scheduled'
					and mt.starts_at > now()
				order by mt.starts_at, mt.id
				limit 5
			) u
		), '[]'::jsonb),
		'members', coalesce((
			select jsonb_agg(jsonb_build_object('id', m.id, 'nickname', m.nickname)
				order by m.nickname, m.id)
			from public.group_members m
			where m.group_id = target_group and m.status = 'active' and m.role <> 'moderator'
		), '[]'::jsonb)
	);
end;
$$;
grant execute on function public.page_group_inclusion(uuid) to authenticated, service_role;
