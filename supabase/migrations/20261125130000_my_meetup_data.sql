-- What a person can take with them now includes meetups: their answers (with needs), when
-- they came, the meetups they made, their notifications and whether they have a calendar link
-- (the link itself is never stored).

create or replace function public.export_my_data()
returns jsonb
language sql stable security definer
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
				'last_seen_at', m.last_seen_at
			) order by m.created_at)
			from public.group_members m join public.groups g on g.id = m.group_id
			where m.user_id = auth.uid()
		), '[]'),
		'posts', coalesce((
			select jsonb_agg(jsonb_build_object(
				'group', g.name, 'kind', p.kind, 'body', p.body, 'anonymous', p.anonymous,
				'created_at', p.created_at, 'edited_at', p.edited_at, 'deleted_at', p.deleted_at
			) order by p.created_at)
			from public.post_authors a
			join public.posts p on p.id = a.post_id
			join public.groups g on g.id = p.group_id
			where a.author_id = auth.uid()
		), '[]'),
		'comments', coalesce((
			select jsonb_agg(jsonb_build_object(
				'body', c.body, 'anonymous', c.anonymous, 'created_at', c.created_at,
				'edited_at', c.edited_at, 'deleted_at', c.deleted_at
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
		'calendar_link_made_at', (select f.created_at from public.calendar_feeds f where f.user_id = auth.uid())
	)
	where auth.uid() is not null
$$;
