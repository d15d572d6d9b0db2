-- The impact report counts only months that are over (attack review 14, F3). The month still
-- running was a whole month too, and its figures grow as things happen: the same report asked
-- twice, a day or a minute apart, differed by exactly what happened in between, so once a cell
-- showed (5 or more) every further join, check-in or post could be read one by one. A period must
-- now end before the first day of this month (Brussels time); the page and the CSV run up to the
-- end of the last whole month and say so. Otherwise as 20261202200400: whole months, the caller's
-- rights first.

create or replace function public.impact_report(organisation uuid, from_date date, to_date date)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
	if from_date is distinct from date_trunc('month', from_date)::date
		or (to_date + 1) is distinct from date_trunc('month', to_date + 1)::date
		or to_date >= date_trunc('month', now() at time zone 'Europe/Brussels')::date
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
