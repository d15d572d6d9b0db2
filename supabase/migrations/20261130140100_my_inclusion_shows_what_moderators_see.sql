-- "Wat Kring over mij bijhoudt" says what the moderators see about me. Since 20261130130100 the
-- moderators see a closed circle only with the members who did not opt out, and not at all when
-- it reaches its minimum size only with someone who did; my_inclusion still showed me such a
-- circle, and counted the member who opted out in its size. Now it shows what they see.
create or replace function public.my_inclusion()
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
							'size', jsonb_array_length(sr.evidence -> 'members'),
							'days', sr.evidence -> 'days')
						else sr.evidence end)
					order by sr.since, sr.kind)
				from private.inclusion_signal_rows(g.id) sr
				left join public.inclusion_settings st on st.group_id = g.id
				where sr.member = m.id and not m.signals_opt_out and m.role <> 'moderator'
					and (sr.kind <> 'closed_circle'
						or jsonb_array_length(sr.evidence -> 'members')
							>= coalesce(st.circle_min_size, 3))
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
