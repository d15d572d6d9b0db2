-- The signed-in pages show that a group is archived (read-only): app_shell's group says since when.
-- Otherwise as in 20261130093000.

create or replace function public.app_shell(target_group uuid default null)
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
	select jsonb_build_object(
		'person', jsonb_build_object(
			'name', coalesce(p.display_name, ''),
			'language', p.language
		),
		'unread', (
			select count(*) from (
				select from public.notifications n
				left join public.meetups m on m.id = n.meetup_id
				where n.user_id = me.id and n.read_at is null
					and (n.meetup_id is null or private.can_see_meetup(m.group_id, m.open_to))
					and (n.group_id is null or exists (
						select 1 from public.group_members gm
						where gm.group_id = n.group_id and gm.user_id = me.id
							and gm.status = 'active'))
					and (n.post_id is null or exists (
						select 1 from public.posts po
						where po.id = n.post_id and po.deleted_at is null and po.hidden_at is null))
				union all
				select from private.due_reminders(me.id, now()) d
				join public.meetups m on m.id = d.meetup_id
				where private.can_see_meetup(m.group_id, m.open_to)
				limit 21
			) unread
		),
		'group', (
			select jsonb_build_object(
				'id', g.id,
				'name', g.name,
				'description', g.description,
				'rules', g.rules,
				'language', g.language,
				'join_policy', g.join_policy,
				'archived_at', g.archived_at,
				'me', jsonb_build_object(
					'id', gm.id, 'role', gm.role, 'nickname', gm.nickname, 'status', gm.status,
					'muted_until', case when gm.muted_until > now() then gm.muted_until end
				),
				'queue_count', case
					when gm.role = 'moderator' then private.moderation_queue_count(g.id, gm.id)
				end
			)
			from public.group_members gm
			join public.groups g on g.id = gm.group_id
			where gm.group_id = target_group and gm.user_id = me.id and gm.status = 'active'
		)
	)
	from (select auth.uid() as id) me
	left join public.profiles p on p.id = me.id
	where me.id is not null
$$;
