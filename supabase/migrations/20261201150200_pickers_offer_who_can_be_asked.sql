-- The moderators' pickers (be a buddy, would you answer?) offered members who cannot be asked: a
-- member without a phone (no account to tell) and a muted member (refused since 20261201150000).
-- Each member now says whether they can be asked; the list still names everyone the signals are
-- about.

create or replace function public.page_group_inclusion(target_group uuid)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $function$
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
			select jsonb_agg(jsonb_build_object('id', m.id, 'nickname', m.nickname,
					'askable', m.user_id is not null and (m.muted_until is null or m.muted_until <= now()))
				order by m.nickname, m.id)
			from public.group_members m
			where m.group_id = target_group and m.status = 'active' and m.role <> 'moderator'
		), '[]'::jsonb)
	);
end;
$function$;
