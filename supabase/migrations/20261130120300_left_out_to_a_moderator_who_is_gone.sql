-- A "left out" message sent to one moderator stays that moderator's: it never widens to the
-- others (the member chose whom to trust). But when that person is no longer an active moderator
-- of the group (made member or host by another moderator, left, removed, account gone), no one
-- reads it, and the member waited for an answer that could not come. Now "Wat de begeleiders
-- deden" says so (threads[].addressee_gone), so the member can send it to someone else; it still
-- widens to no one. Found in the moderation attacker pass: demoting a moderator hid the messages
-- members had sent to them, from everyone.
create or replace function public.page_my_moderation()
returns jsonb
language sql
stable security definer
set search_path = ''
as $$
	with mine as (
		select m.id, m.group_id from public.group_members m where m.user_id = (select auth.uid())
	)
	select jsonb_build_object(
		'actions', coalesce((
			select jsonb_agg(jsonb_build_object(
				'id', l.id,
				'group_id', l.group_id,
				'group_name', g.name,
				'action', l.action,
				'reason', l.reason,
				'muted_until', l.muted_until,
				'created_at', l.created_at,
				'post_id', l.post_id,
				'comment_id', l.comment_id,
				'excerpt', left(coalesce(c.body, p.body), 140)
			) order by l.created_at desc, l.id)
			from mine
			join public.moderation_log l on l.member_id = mine.id
			join public.groups g on g.id = l.group_id
			left join public.posts p on p.id = l.post_id
			left join public.comments c on c.id = l.comment_id
			where l.action <> 'dismiss'
		), '[]'),
		'threads', coalesce((
			select jsonb_agg(jsonb_build_object(
				'id', t.id,
				'group_id', t.group_id,
				'group_name', g.name,
				'kind', t.kind,
				'created_at', t.created_at,
				'addressee_gone', t.kind = 'left_out' and not t.to_all and not exists (
					select 1 from public.group_members addressee
					where addressee.id = t.to_moderator and addressee.status = 'active'
						and addressee.role = 'moderator'
				),
				'messages', (
					select jsonb_agg(jsonb_build_object(
						'id', msg.id,
						'from_moderators', msg.from_moderators,
						'body', msg.body,
						'created_at', msg.created_at
					) order by msg.created_at, msg.id)
					from public.moderation_messages msg where msg.thread_id = t.id
				)
			) order by t.last_message_at desc, t.id)
			from mine
			join public.moderation_threads t on t.member_id = mine.id
			join public.groups g on g.id = t.group_id
		), '[]')
	)
	where (select auth.uid()) is not null
$$;
