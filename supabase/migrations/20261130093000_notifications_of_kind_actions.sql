-- The kind actions' notifications in the list and in the unread count, for the person they are
-- for only, while they are an active member of the group (and the post is still there to
-- answer); a meetup notification still needs a meetup the person can see. Home shows open
-- invitations and the buddy requests waiting for an answer.

drop function public.page_notifications(timestamptz, integer);
create function public.page_notifications(before timestamptz default null,
	max_rows integer default 50)
returns table (id uuid, kind public.notification_kind, created_at timestamptz,
	read_at timestamptz, meetup_id uuid, meetup_title text, meetup_starts_at timestamptz,
	meetup_ends_at timestamptz, meetup_status public.meetup_status, group_id uuid,
	group_name text, post_id uuid, post_excerpt text, thread_id uuid, buddy_request uuid,
	buddy_status text, person_nickname text)
language plpgsql stable security definer set search_path = '' as $$
declare
	me uuid := auth.uid();
begin
	if me is null then raise exception 'not_signed_in'; end if;
	return query
	with listed as (
		select n.id, n.kind, n.created_at, n.read_at, n.meetup_id, n.group_id, n.post_id,
			n.thread_id, n.buddy_id
		from public.notifications n
		where n.user_id = me and (before is null or n.created_at < before)
		union all
		select null::uuid, 'reminder'::public.notification_kind, d.due_at, null::timestamptz,
			d.meetup_id, null::uuid, null::uuid, null::uuid, null::uuid
		from private.reminders_due_to(me, now()) d
		where before is null or d.due_at < before
	)
	select l.id, l.kind, l.created_at, l.read_at, m.id, m.title, m.starts_at, m.ends_at, m.status,
		g.id, g.name, p.id, left(p.body, 140), l.thread_id, b.id, b.status,
		case
			when l.kind = 'answer_asked' then (
				select a.nickname from public.group_members a
				where a.group_id = p.group_id and a.user_id = p.author_id)
			when l.kind = 'buddy_asked' then (
				select nc.nickname from public.group_members nc where nc.id = b.newcomer_id)
			when l.kind = 'buddy_accepted' then (
				select bd.nickname from public.group_members bd where bd.id = b.buddy_id)
		end
	from listed l
	left join public.meetups m on m.id = l.meetup_id
	left join public.groups g on g.id = l.group_id
	left join public.posts p on p.id = l.post_id and p.deleted_at is null and p.hidden_at is null
	left join public.buddies b on b.id = l.buddy_id
	where (l.meetup_id is null or private.can_see_meetup(m.group_id, m.open_to))
		and (l.group_id is null or exists (
			select 1 from public.group_members gm
			where gm.group_id = l.group_id and gm.user_id = me and gm.status = 'active'))
		and (l.post_id is null or p.id is not null)
	order by l.created_at desc, l.id desc nulls first
	limit least(greatest(coalesce(max_rows, 50), 1), 100);
end;
$$;
grant execute on function public.page_notifications(timestamptz, integer)
	to authenticated, service_role;

create or replace function public.app_shell(target_group uuid default null)
returns jsonb
language sql stable security definer set search_path = '' as $$
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

-- Invitations and buddy requests start from my memberships (a handful), each looked up by its
-- key: no scan of a group.
create or replace function public.page_home()
returns jsonb
language plpgsql stable security definer set search_path = '' as $$
begin
	return (
		select jsonb_build_object(
			'groups', coalesce((
				select jsonb_agg(to_jsonb(g) - 'ordinality' order by g.ordinality)
				from public.my_groups() with ordinality g
			), '[]'),
			'answers', coalesce((
				select jsonb_agg(to_jsonb(a) - 'ordinality' order by a.ordinality)
				from public.answers_to_me(5) with ordinality a
			), '[]'),
			-- More than the five shown: the app keeps one of each weekly meetup (nextOfEach).
			'meetups', coalesce((
				select jsonb_agg(to_jsonb(c) - 'ordinality' order by c.ordinality)
				from public.meetup_cards(null, null, true, 30) with ordinality c
			), '[]'),
			'invitations', coalesce((
				select jsonb_agg(jsonb_build_object(
					'id', i.id,
					'meetup', jsonb_build_object('id', mt.id, 'title', mt.title,
						'starts_at', mt.starts_at),
					'group', jsonb_build_object('id', g.id, 'name', g.name),
					'created_at', i.created_at
				) order by mt.starts_at, i.id)
				from public.group_members mine
				join public.meetup_invitations i on i.member_id = mine.id and i.answered_at is null
				join public.meetups mt on mt.id = i.meetup_id
				join public.groups g on g.id = mine.group_id
				where mine.user_id = (select auth.uid()) and mine.status = 'active'
					and mt.status = 'scheduled' and mt.starts_at > now()
			), '[]'),
			'buddy_requests', coalesce((
				select jsonb_agg(jsonb_build_object(
					'id', b.id,
					'group', jsonb_build_object('id', g.id, 'name', g.name),
					'newcomer', jsonb_build_object('nickname', nc.nickname),
					'created_at', b.created_at
				) order by b.created_at, b.id)
				from public.group_members mine
				join public.buddies b on b.buddy_id = mine.id and b.status = 'asked'
				join public.group_members nc on nc.id = b.newcomer_id and nc.status = 'active'
				join public.groups g on g.id = mine.group_id
				where mine.user_id = (select auth.uid()) and mine.status = 'active'
			), '[]')
		)
		where (select auth.uid()) is not null
	);
end
$$;
