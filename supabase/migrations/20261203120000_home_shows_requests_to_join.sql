-- Home shows the requests to join that wait (issue 12, try-out 16, F1 and F27): who asked finds
-- the group they asked for again ("come back later" had no way back), and a moderator reads how
-- many wait in each group they moderate, beside what else is new. The rest of the page is as
-- 20261202300000 moved it here.
create or replace function private.page_home()
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
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
			), '[]'),
			-- "Ook in je organisatie": what the organisation's other groups open to all its members
			-- (or to everyone), from live groups I am not in, that I have not answered yet.
			'organisation_meetups', coalesce((
				select jsonb_agg(jsonb_build_object(
					'id', mt.id, 'title', mt.title, 'starts_at', mt.starts_at, 'ends_at', mt.ends_at,
					'place', mt.place, 'online', mt.online_url is not null, 'cost', mt.cost,
					'childcare', mt.childcare, 'transport_help', mt.transport_help,
					'wheelchair_access', mt.wheelchair_access, 'guests_welcome', mt.guests_welcome,
					'group', jsonb_build_object('id', g.id, 'name', g.name)
				) order by mt.starts_at, mt.id)
				from (
					select mt.* from public.meetups mt
					join public.groups g on g.id = mt.group_id and g.archived_at is null
					where mt.open_to in ('organisation', 'public') and mt.status = 'scheduled'
						and mt.starts_at > now()
						and g.organisation_id in (
							select mg.organisation_id from public.group_members mine
							join public.groups mg on mg.id = mine.group_id and mg.archived_at is null
							where mine.user_id = (select auth.uid()) and mine.status = 'active'
						)
						and not exists (
							select 1 from public.group_members here
							where here.group_id = g.id and here.user_id = (select auth.uid())
								and here.status in ('active', 'pending', 'removed')
						)
						and not exists (
							select 1 from public.rsvps r
							join public.group_members gm on gm.id = r.member_id
							where r.meetup_id = mt.id and gm.user_id = (select auth.uid())
						)
					order by mt.starts_at, mt.id
					limit 5
				) mt
				join public.groups g on g.id = mt.group_id
			), '[]'),
			-- My requests to join that wait for an answer: the page to come back to.
			'my_requests', coalesce((
				select jsonb_agg(jsonb_build_object('group', jsonb_build_object('id', g.id,
					'name', g.name)) order by mine.created_at, g.id)
				from public.group_members mine
				join public.groups g on g.id = mine.group_id and g.archived_at is null
				where mine.user_id = (select auth.uid()) and mine.status = 'pending'
			), '[]'),
			-- In the groups I moderate: how many wait to be let in.
			'waiting_requests', coalesce((
				select jsonb_agg(jsonb_build_object('group', jsonb_build_object('id', g.id,
					'name', g.name), 'count', w.count) order by g.name, g.id)
				from (
					select asking.group_id, count(*)::integer as count
					from public.group_members mine
					join public.group_members asking
						on asking.group_id = mine.group_id and asking.status = 'pending'
					where mine.user_id = (select auth.uid()) and mine.status = 'active'
						and mine.role = 'moderator'
					group by asking.group_id
				) w
				join public.groups g on g.id = w.group_id and g.archived_at is null
			), '[]')
		)
		where (select auth.uid()) is not null
	);
end
$$;
