-- The climate check's faces only for months that have ended. During the month a moderator who
-- looks again after each answer (and may know who just answered) would read that member's face
-- from the change in the counts per face. For the current month the summary says how many were
-- asked and how many answered, faces null; an ended month shows its faces from 5 answers, as before.

create or replace function public.climate_summary(target_group uuid)
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
			'faces', case
				when months.month < this_month and counted.answers >= 5 then counted.faces
			end
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
