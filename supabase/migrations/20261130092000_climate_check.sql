-- The climate check (issue 11): at most once a calendar month (Brussels) a member of at least two
-- weeks is asked how they feel in the group, with five faces. Who was asked (climate_asked) and
-- the counts per face (climate_answers) have no link: an answer adds to all five counts of its
-- month, so neither the rows nor their versions say which face one member gave. (What a
-- superuser could still dig out of dead row versions before vacuum is outside what SQL access
-- through roles shows.) Moderators see the counts per face only from 5 answers in a month.

create function private.climate_month() returns date
language sql stable set search_path = '' as $$
	select date_trunc('month', now() at time zone 'Europe/Brussels')::date
$$;

-- The caller's active membership that may be asked this month, if any.
create function private.climate_member(target_group uuid) returns uuid
language sql stable security definer set search_path = '' as $$
	select m.id from public.group_members m
	where m.group_id = target_group and m.user_id = (select auth.uid()) and m.status = 'active'
		and m.joined_at <= now() - interval '14 days'
$$;

create function public.climate_question(target_group uuid)
returns boolean
language sql stable security definer set search_path = '' as $$
	select exists (
		select 1 from public.group_members m
		where m.id = private.climate_member(target_group)
			and not exists (select 1 from public.climate_asked a
				where a.member_id = m.id and a.month = private.climate_month()))
$$;
grant execute on function public.climate_question(uuid) to authenticated, service_role;

-- A face (1 very bad … 5 very good), or null for "not now": either way asked this month. A second
-- answer in the same month counts for nothing.
create function public.answer_climate(target_group uuid, face smallint default null)
returns void
language plpgsql security definer set search_path = '' as $$
#variable_conflict use_variable
declare
	member uuid := private.climate_member(target_group);
	this_month date := private.climate_month();
	asked integer;
begin
	if member is null then raise exception 'not_allowed'; end if;
	if face is not null and face not between 1 and 5 then raise exception 'climate_face_invalid'; end if;
	insert into public.climate_asked (member_id, month) values (member, this_month)
	on conflict do nothing;
	get diagnostics asked = row_count;
	if asked = 0 or face is null then return; end if;
	insert into public.climate_answers as a (group_id, month, face, answers)
	select target_group, this_month, f, (f = face)::integer from generate_series(1, 5) f
	on conflict on constraint climate_answers_pkey do update set answers = a.answers + excluded.answers;
end;
$$;
grant execute on function public.answer_climate(uuid, smallint) to authenticated, service_role;

-- For the group's moderators: the last six months, oldest first. answers = faces given; asked =
-- members asked (a "not now" is asked without an answer); faces [very bad … very good] only from
-- 5 answers in that month, else null.
create function public.climate_summary(target_group uuid)
returns jsonb
language plpgsql stable security definer set search_path = '' as $$
declare
	this_month date := private.climate_month();
begin
	perform private.acting_moderator(target_group);
	return (
		select jsonb_agg(jsonb_build_object(
			'month', months.month,
			'asked', (select count(*) from public.climate_asked ca
				join public.group_members m on m.id = ca.member_id
				where ca.month = months.month and m.group_id = target_group),
			'answers', coalesce(counted.answers, 0),
			'faces', case when counted.answers >= 5 then counted.faces end
		) order by months.month)
		from (
			select (this_month - make_interval(months => n))::date as month
			from generate_series(0, 5) n
		) months
		left join lateral (
			select sum(a.answers)::integer as answers,
				jsonb_agg(a.answers order by a.face) as faces
			from public.climate_answers a
			where a.group_id = target_group and a.month = months.month
		) counted on true
	);
end;
$$;
grant execute on function public.climate_summary(uuid) to authenticated, service_role;
