-- Issue 11: a member calling my_inclusion() in a loop. Each call works out the signals about the
-- member in every group they are in, which reads the group's ties (about 150 ms of CPU in a group
-- of 50,000 posts); a script could keep the database busy with one account. Now each person gets
-- at most 20 answers worked out per minute; after that, until the minute is over, the 20th answer
-- again (one read by key). A person using the page never comes near it; nothing says "refused",
-- so the page needs no new words. The 20th answer is kept only until the person's next minute
-- starts (then it is cleared), and goes with the account.

create table private.my_inclusion_calls (
	user_id uuid primary key references auth.users (id) on delete cascade,
	minute_started_at timestamptz not null,
	calls integer not null,
	-- The answer of the last call worked out in this minute, once the limit is reached.
	kept jsonb
);
alter table private.my_inclusion_calls enable row level security;
revoke all on private.my_inclusion_calls from anon, authenticated;

-- The member's view as before (20261202110000), under another name, out of the API.
alter function public.my_inclusion() rename to my_inclusion_worked_out;
alter function public.my_inclusion_worked_out() set schema private;
revoke execute on function private.my_inclusion_worked_out() from public, anon, authenticated;

create function public.my_inclusion()
returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
declare
	me uuid := (select auth.uid());
	per_minute constant integer := 20;
	counted private.my_inclusion_calls;
	answer jsonb;
begin
	-- No one signed in, or an account deleted while its token still runs: nothing is counted
	-- (there is no one to count; the answer is empty).
	if me is null or not exists (select 1 from auth.users u where u.id = me) then
		return private.my_inclusion_worked_out();
	end if;
	insert into private.my_inclusion_calls as c (user_id, minute_started_at, calls)
	values (me, now(), 1)
	on conflict (user_id) do update set
		minute_started_at = case when c.minute_started_at <= now() - interval '1 minute'
			then now() else c.minute_started_at end,
		calls = case when c.minute_started_at <= now() - interval '1 minute'
			then 1 else c.calls + 1 end,
		kept = case when c.minute_started_at <= now() - interval '1 minute'
			then null else c.kept end
	returning * into counted;
	if counted.calls > per_minute and counted.kept is not null then
		return counted.kept;
	end if;
	answer := private.my_inclusion_worked_out();
	if counted.calls >= per_minute then
		update private.my_inclusion_calls set kept = answer where user_id = me;
	end if;
	return answer;
end;
$$;
revoke execute on function public.my_inclusion() from public, anon, authenticated, service_role;
grant execute on function public.my_inclusion() to authenticated, service_role;
