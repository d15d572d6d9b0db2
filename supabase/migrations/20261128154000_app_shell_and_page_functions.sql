-- One call for what the layouts of a signed-in page show, and one call for what the page itself
-- shows, started at the same time by the app: a page costs two requests, one level deep.
--
-- app_shell(target_group): who I am, my unread count, and the group the page is in (null when I
-- am not an active member of it: the page is then a 404, as before).
-- page_home(), page_group_feed(…), page_post(…): everything their page shows, composed from the
-- functions that hold the rules (my_groups, answers_to_me, meetup_cards, group_feed,
-- post_comments), so the rules stay written once. Their rows keep those functions' columns.
--
-- All are stable: PostgREST runs them in a read-only transaction, so a page view writes nothing.
-- Reminders that are due count as unread without being written (private.due_reminders).
-- Counts stop at 21: from there the screen says "20+".

create function public.app_shell(target_group uuid default null)
returns jsonb
language sql stable security definer
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
				join public.meetups m on m.id = n.meetup_id
				where n.user_id = me.id and n.read_at is null
					and private.can_see_meetup(m.group_id, m.open_to)
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
					'id', gm.id, 'role', gm.role, 'nickname', gm.nickname, 'status', gm.status
				)
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
grant execute on function public.app_shell(uuid) to authenticated;

-- Home: my groups with what is new in each, answers to what I wrote, my next meetups.
create function public.page_home()
returns jsonb
language sql stable security definer
set search_path = ''
as $$
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
		), '[]')
	)
	where (select auth.uid()) is not null
$$;
grant execute on function public.page_home() to authenticated;

-- A page of a group's feed; the first page also has the next meetups and says whether anything
-- is new since my last visit (then the page sends "seen" with read_at, see mark_group_seen).
-- Null for anyone who is not an active member.
create function public.page_group_feed(
	target_group uuid,
	before_created_at timestamptz default null,
	before_id uuid default null,
	page_size integer default 20
)
returns jsonb
language sql stable security definer
set search_path = ''
as $$
	select jsonb_build_object(
		'posts', coalesce((
			select jsonb_agg(to_jsonb(f) - 'ordinality' order by f.ordinality)
			from public.group_feed(target_group, before_created_at, before_id, page_size)
				with ordinality f
		), '[]'),
		'meetups', case when before_created_at is null then coalesce((
			select jsonb_agg(to_jsonb(c) - 'ordinality' order by c.ordinality)
			from public.meetup_cards(target_group, null, false, 2) with ordinality c
		), '[]') else '[]' end,
		'news', before_created_at is null and (
			select unseen.posts + unseen.comments > 0
			from private.unseen(
				target_group, me.user_id, coalesce(me.last_seen_at, me.joined_at, '-infinity')
			) unseen
		),
		'read_at', now()
	)
	from public.group_members me
	where me.group_id = target_group and me.user_id = (select auth.uid()) and me.status = 'active'
$$;
grant execute on function public.page_group_feed(uuid, timestamptz, uuid, integer) to authenticated;

-- A post with its answers (and my reactions in both). Null when it is not there for me: deleted,
-- in another group, or I am not an active member.
create function public.page_post(target_group uuid, target_post uuid)
returns jsonb
language sql stable security definer
set search_path = ''
as $$
	select jsonb_build_object(
		'post', to_jsonb(f),
		'answers', coalesce((
			select jsonb_agg(to_jsonb(c) - 'ordinality' order by c.ordinality)
			from public.post_comments(target_post) with ordinality c
		), '[]')
	)
	from public.group_feed(target_group, null, null, 1, target_post) f
$$;
grant execute on function public.page_post(uuid, uuid) to authenticated;
