-- My data (export) holds what the kind actions keep about me: every notification (not only the
-- meetup ones), the actions the moderators took about me (not who took them), buddies,
-- personal invitations, requests to answer, and the months I was asked the climate question —
-- never the face I gave: that is kept with no link to me.
create or replace function public.export_my_data()
returns jsonb
language sql stable security definer set search_path = '' as $$
	select jsonb_build_object(
		'exported_at', now(),
		'account', (
			select jsonb_build_object(
				'id', u.id, 'email', u.email, 'created_at', u.created_at,
				'last_sign_in_at', u.last_sign_in_at, 'kept_with_email', not u.is_anonymous,
				'user_metadata', u.raw_user_meta_data
			)
			from auth.users u where u.id = auth.uid()
		),
		'profile', (select to_jsonb(p) from public.profiles p where p.id = auth.uid()),
		'memberships', coalesce((
			select jsonb_agg(jsonb_build_object(
				'group', g.name, 'nickname', m.nickname, 'role', m.role, 'status', m.status,
				'joined_at', m.joined_at, 'rules_accepted_at', m.rules_accepted_at,
				'last_seen_at', m.last_seen_at, 'muted_until', m.muted_until,
				'refused_at', m.refused_at, 'refused_reason', m.refused_reason
			) order by m.created_at)
			from public.group_members m join public.groups g on g.id = m.group_id
			where m.user_id = auth.uid()
		), '[]'),
		'posts', coalesce((
			select jsonb_agg(jsonb_build_object(
				'group', g.name, 'kind', p.kind, 'body', p.body, 'anonymous', p.anonymous,
				'created_at', p.created_at, 'edited_at', p.edited_at, 'deleted_at', p.deleted_at,
				'hidden_at', p.hidden_at, 'hidden_reason', p.hidden_reason
			) order by p.created_at)
			from public.post_authors a
			join public.posts p on p.id = a.post_id
			join public.groups g on g.id = p.group_id
			where a.author_id = auth.uid()
		), '[]'),
		'comments', coalesce((
			select jsonb_agg(jsonb_build_object(
				'body', c.body, 'anonymous', c.anonymous, 'created_at', c.created_at,
				'edited_at', c.edited_at, 'deleted_at', c.deleted_at,
				'hidden_at', c.hidden_at, 'hidden_reason', c.hidden_reason
			) order by c.created_at)
			from public.comment_authors a join public.comments c on c.id = a.comment_id
			where a.author_id = auth.uid()
		), '[]'),
		'reactions', coalesce((
			select jsonb_agg(jsonb_build_object('kind', r.kind, 'created_at', r.created_at) order by r.created_at)
			from public.reactions r where r.user_id = auth.uid()
		), '[]'),
		-- Also the answers a host gave for me before I had a phone, and their needs.
		'rsvps', coalesce((
			select jsonb_agg(jsonb_build_object(
				'group', g.name, 'meetup', mt.title, 'starts_at', mt.starts_at, 'status', r.status,
				'childcare_children', r.childcare_children, 'transport_help', r.transport_help,
				'cost_is_a_problem', r.cost_is_a_problem, 'note', r.note,
				'answered_at', r.created_at, 'changed_at', r.updated_at
			) order by mt.starts_at)
			from public.group_members m
			join public.rsvps r on r.member_id = m.id
			join public.meetups mt on mt.id = r.meetup_id
			join public.groups g on g.id = mt.group_id
			where m.user_id = auth.uid()
		), '[]'),
		'attendance', coalesce((
			select jsonb_agg(jsonb_build_object(
				'group', g.name, 'meetup', mt.title, 'starts_at', mt.starts_at,
				'checked_in_at', a.checked_in_at, 'walk_in', a.walk_in
			) order by mt.starts_at)
			from public.group_members m
			join public.attendance a on a.member_id = m.id
			join public.meetups mt on mt.id = a.meetup_id
			join public.groups g on g.id = mt.group_id
			where m.user_id = auth.uid()
		), '[]'),
		'meetups_created', coalesce((
			select jsonb_agg(jsonb_build_object(
				'group', g.name, 'title', mt.title, 'starts_at', mt.starts_at, 'status', mt.status
			) order by mt.starts_at)
			from public.meetups mt join public.groups g on g.id = mt.group_id
			where mt.created_by = auth.uid()
		), '[]'),
		'notifications', coalesce((
			select jsonb_agg(jsonb_build_object(
				'kind', n.kind, 'meetup', mt.title, 'group', g.name, 'created_at', n.created_at,
				'read_at', n.read_at
			) order by n.created_at)
			from public.notifications n
			left join public.meetups mt on mt.id = n.meetup_id
			left join public.groups g on g.id = n.group_id
			where n.user_id = auth.uid()
		), '[]'),
		-- What the moderators did about me (not who), buddies, invitations, requests to answer,
		-- and the months I was asked how I feel (what I answered is kept with no link to me).
		'kind_actions', coalesce((
			select jsonb_agg(jsonb_build_object(
				'group', g.name, 'kind', a.kind, 'signal', a.signal_kind, 'created_at', a.created_at
			) order by a.created_at)
			from public.group_members m
			join public.inclusion_actions a on a.member_id = m.id
			join public.groups g on g.id = a.group_id
			where m.user_id = auth.uid()
		), '[]'),
		'buddies', coalesce((
			select jsonb_agg(jsonb_build_object(
				'group', g.name,
				'me_as', case when b.newcomer_id = m.id then 'newcomer' else 'buddy' end,
				'other', case when b.newcomer_id = m.id then bm.nickname else nm.nickname end,
				'status', b.status, 'created_at', b.created_at, 'answered_at', b.answered_at
			) order by b.created_at)
			from public.group_members m
			join public.buddies b on m.id in (b.newcomer_id, b.buddy_id)
			join public.group_members nm on nm.id = b.newcomer_id
			join public.group_members bm on bm.id = b.buddy_id
			join public.groups g on g.id = b.group_id
			where m.user_id = auth.uid()
		), '[]'),
		'meetup_invitations', coalesce((
			select jsonb_agg(jsonb_build_object(
				'group', g.name, 'meetup', mt.title, 'starts_at', mt.starts_at,
				'created_at', i.created_at, 'answered_at', i.answered_at
			) order by i.created_at)
			from public.group_members m
			join public.meetup_invitations i on i.member_id = m.id
			join public.meetups mt on mt.id = i.meetup_id
			join public.groups g on g.id = mt.group_id
			where m.user_id = auth.uid()
		), '[]'),
		'asked_to_answer', coalesce((
			select jsonb_agg(jsonb_build_object(
				'group', g.name, 'created_at', r.created_at, 'done_at', r.done_at
			) order by r.created_at)
			from public.group_members m
			join public.answer_requests r on r.asked_member_id = m.id
			join public.groups g on g.id = m.group_id
			where m.user_id = auth.uid()
		), '[]'),
		'climate_asked', coalesce((
			select jsonb_agg(jsonb_build_object('group', g.name, 'month', c.month)
				order by c.month, g.name)
			from public.group_members m
			join public.climate_asked c on c.member_id = m.id
			join public.groups g on g.id = m.group_id
			where m.user_id = auth.uid()
		), '[]'),
		'calendar_link_made_at', (select f.created_at from public.calendar_feeds f where f.user_id = auth.uid()),
		-- What I reported (not what became of it: that is the moderators' to tell), what the
		-- moderators did about me and my threads with them, as on "what the moderators did".
		'reports_sent', coalesce((
			select jsonb_agg(jsonb_build_object(
				'group', g.name,
				'about', case when r.post_id is not null then 'post'
					when r.comment_id is not null then 'comment' else 'member' end,
				'reason', r.reason, 'words', r.body, 'created_at', r.created_at
			) order by r.created_at)
			from public.reports r join public.groups g on g.id = r.group_id
			where r.reporter_id = auth.uid()
		), '[]'),
		'moderation', public.page_my_moderation()
	)
	where auth.uid() is not null
$$;
