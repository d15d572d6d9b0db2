-- Reminders that are due, computed when read: the unread count and the notifications list show a
-- reminder from the moment it is due without a page view writing it (a GET runs read only).
-- Writing them stays with the cron job (private.send_due_reminders) and with the notifications
-- page when the person marks them read; both go through create_due_reminders, which now takes
-- its rows from due_reminders, so the rule of when a reminder is due is written once.
--
-- Callers are security definer functions (the page functions); nobody else executes it.

create function private.due_reminders(person uuid, at timestamptz)
returns table (user_id uuid, meetup_id uuid, due_at timestamptz)
language sql stable
set search_path = ''
as $$
	-- Two branches instead of `person is null or gm.user_id = person`: the plan of a function is
	-- made without knowing its arguments, and the "or" would read every membership on every page.
	with member as (
		select gm.id, gm.user_id from public.group_members gm
		where person is not null and gm.user_id = person and gm.status = 'active'
		union all
		select gm.id, gm.user_id from public.group_members gm
		where person is null and gm.user_id is not null and gm.status = 'active'
	)
	select distinct gm.user_id, m.id, private.reminder_due_from(m.starts_at)
	from member gm
	join public.rsvps r on r.member_id = gm.id
	join public.meetups m on m.id = r.meetup_id
	where r.status = 'going'
		and m.status = 'scheduled'
		-- The window is at most 49 hours long (a day, the rest of the day before, one DST hour).
		and m.starts_at > at and m.starts_at <= at + interval '49 hours'
		and private.reminder_due_from(m.starts_at) <= at
		-- Written already (by the job, or when the person marked them read): one reminder, ever.
		and not exists (
			select 1 from public.notifications n
			where n.user_id = gm.user_id and n.meetup_id = m.id and n.kind = 'reminder'
		)
$$;

create or replace function private.create_due_reminders(person uuid, at timestamptz)
returns integer
language plpgsql security definer
set search_path = ''
as $$
declare
	written integer;
begin
	insert into public.notifications (user_id, kind, meetup_id)
	select d.user_id, 'reminder'::public.notification_kind, d.meetup_id
	from private.due_reminders(person, at) d
	on conflict (user_id, meetup_id) where kind = 'reminder' do nothing;
	get diagnostics written = row_count;
	return written;
end;
$$;
