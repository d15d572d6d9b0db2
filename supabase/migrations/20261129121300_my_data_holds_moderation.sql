-- My data (issue 10): the export also holds what moderation keeps about me: my mute and refused
-- request on each membership, whether my posts and answers are hidden and why, the reports I sent
-- and what "what the moderators did" shows me. The rest is as before.
create or replace function public.export_my_data()
returns jsonb
language sql
stable security definer
set search_path = ''
as $$
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
				'kind', n.kind, 'meetup', mt.title, 'created_at', n.created_at, 'read_at', n.read_at
			) order by n.created_at)
			from public.notifications n join public.meetups mt on mt.id = n.meetup_id
			where n.user_id = auth.uid()
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
