-- The group page asked climate_question beside page_group_feed: a third call per view, where
-- every signed-in page makes at most two (app_shell and its page function). The feed's first page
-- now says whether to ask it; older pages never ask.

create or replace function public.page_group_feed(
	target_group uuid,
	before_created_at timestamptz default null,
	before_id uuid default null,
	page_size integer default 20
)
returns jsonb
language sql stable security definer set search_path = '' as $$
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
		'climate_question', before_created_at is null and public.climate_question(target_group),
		'read_at', now()
	)
	from public.group_members me
	where me.group_id = target_group and me.user_id = (select auth.uid()) and me.status = 'active'
$$;
