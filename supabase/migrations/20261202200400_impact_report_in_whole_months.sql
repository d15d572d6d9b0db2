-- The impact report covers whole months only (issue 12, review finding 2a). With any from–to
-- days, two requests one after the other (day-60 … today, then day-60 … day-6) subtracted to the
-- figures of a single day, which asked on its own is "fewer than 5". Whole months make the
-- smallest difference two requests can show a month; the page rounds a free range out to whole
-- months, and a direct call with other days is refused.
-- The report itself is unchanged: it moves to `private` under the same body, and the public
-- function checks the period and calls it.

alter function public.impact_report(uuid, date, date) rename to impact_report_of_days;
alter function public.impact_report_of_days(uuid, date, date) set schema private;
revoke execute on function private.impact_report_of_days(uuid, date, date)
	from public, anon, authenticated;

create function public.impact_report(organisation uuid, from_date date, to_date date)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
	if from_date is distinct from date_trunc('month', from_date)::date
		or (to_date + 1) is distinct from date_trunc('month', to_date + 1)::date
	then
		-- The caller's rights first, as before: only an admin learns why a period is refused.
		if (select auth.uid()) is null or organisation is null
			or not private.is_organisation_admin(organisation) then
			raise exception 'not_allowed';
		end if;
		raise exception 'report_period_invalid';
	end if;
	return private.impact_report_of_days(organisation, from_date, to_date);
end;
$$;
revoke execute on function public.impact_report(uuid, date, date) from public, anon;
grant execute on function public.impact_report(uuid, date, date) to authenticated, service_role;
