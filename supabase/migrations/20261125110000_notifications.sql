-- In-app notifications: a waiting-list promotion, a meetup I answered that changed or was
-- cancelled, and a reminder the day before a meetup I'm going to.
--
-- Triggers write them, so every path that changes the data notifies (update_meetup,
-- cancel_meetup, the series functions, the waiting list): there is no second place to forget.
-- The person who made the change is not told about it. A member without an account (no phone)
-- has no one to notify. Clients only read their own and mark them read through functions.
--
-- Reminders need no job: nothing has to run at the right moment, because a reminder that is
-- due is written the moment the person looks (notification_count() on every page, and
-- my_notifications()). send_due_reminders() does the same for everyone; a migration schedules
-- it with pg_cron where that extension exists, so a push message can later hang on it.

create type public.notification_kind as enum ('reminder', 'promoted', 'changed', 'cancelled');

create table public.notifications (
	id uuid primary key default gen_random_uuid(),
	user_id uuid not null references auth.users (id) on delete cascade,
	kind public.notification_kind not null,
	meetup_id uuid not null references public.meetups (id) on delete cascade,
	created_at timestamptz not null default now(),
	read_at timestamptz
);
-- "My unread" (the count in the navigation) and "my newest" (the list).
create index notifications_unread_idx on public.notifications (user_id) where read_at is null;
create index notifications_user_created_idx on public.notifications (user_id, created_at desc);
create index notifications_meetup_id_idx on public.notifications (meetup_id);
-- One reminder per person per meetup, ever: writing it again changes nothing.
create unique index notifications_one_reminder_idx
	on public.notifications (user_id, meetup_id) where kind = 'reminder';
-- Changes do not pile up: one unread "changed" per person per meetup, refreshed.
create unique index notifications_one_unread_change_idx
	on public.notifications (user_id, meetup_id) where kind = 'changed' and read_at is null;

alter table public.notifications enable row level security;

-- Only about meetups they may still see: a removed member no longer reads about the group.
create policy "people read their own notifications"
	on public.notifications for select to authenticated
	using (
		user_id = (select auth.uid())
		and exists (select 1 from public.meetups m where m.id = meetup_id)
	);

revoke insert, update, delete on public.notifications from anon, authenticated;

-- Who is told about a meetup: everyone whose answer is going, maybe or waiting, through a
-- membership that is still active, with an account, except the person making the change.
create function public.meetup_audience_to_notify(target_meetup uuid)
returns table (user_id uuid)
language sql stable security definer
set search_path = ''
as $$
	select distinct gm.user_id
	from public.rsvps r
	join public.group_members gm on gm.id = r.member_id
	where r.meetup_id = target_meetup
		and r.status in ('going', 'maybe', 'waiting')
		and gm.status = 'active'
		and gm.user_id is not null
		and gm.user_id is distinct from (select auth.uid())
$$;

-- Triggers ------------------------------------------------------------------------------------

create function public.notify_promotion()
returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
	insert into public.notifications (user_id, kind, meetup_id)
	select gm.user_id, 'promoted', new.meetup_id
	from public.group_members gm
	where gm.id = new.member_id
		and gm.status = 'active'
		and gm.user_id is not null
		and gm.user_id is distinct from (select auth.uid());
	return null;
end;
$$;

create trigger rsvps_notify_promotion
	after update of status on public.rsvps
	for each row
	when (old.status = 'waiting' and new.status = 'going')
	execute function public.notify_promotion();

create function public.notify_meetup_change()
returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
	-- Tidying up a meetup that is over (its times, or cancelling it afterwards) is news to no one.
	if greatest(old.ends_at, new.ends_at) <= now() then return null; end if;
	if new.status = 'cancelled' and old.status <> 'cancelled' then
		insert into public.notifications (user_id, kind, meetup_id)
		select a.user_id, 'cancelled', new.id from public.meetup_audience_to_notify(new.id) a;
	elsif new.status = 'scheduled' and (
		new.starts_at is distinct from old.starts_at
		or new.ends_at is distinct from old.ends_at
		or new.place is distinct from old.place
		or new.online_url is distinct from old.online_url
	) then
		insert into public.notifications (user_id, kind, meetup_id)
		select a.user_id, 'changed', new.id from public.meetup_audience_to_notify(new.id) a
		on conflict (user_id, meetup_id) where kind = 'changed' and read_at is null
		do update set created_at = now();
		-- A reminder belongs to the day it was for: on a new day, a new reminder.
		if new.starts_at is distinct from old.starts_at then
			delete from public.notifications n where n.meetup_id = new.id and n.kind = 'reminder';
		end if;
	end if;
	return null;
end;
$$;

create trigger meetups_notify_change
	after update of status, starts_at, ends_at, place, online_url on public.meetups
	for each row
	execute function public.notify_meetup_change();

-- Reminders -----------------------------------------------------------------------------------

-- A reminder is due from 00:00 Brussels time on the (Brussels) day before the meetup until the
-- meetup starts: for someone whose answer is "going" (not maybe, not waiting), through a
-- membership that is still active, for a meetup that is not cancelled. Midnight exists every
-- day in Brussels (the clocks change at 02:00 and 03:00), so this is always one moment.
create function public.reminder_due_from(starts timestamptz)
returns timestamptz
language sql immutable
set search_path = ''
as $$
	select (((starts at time zone 'Europe/Brussels')::date - 1)::timestamp)
		at time zone 'Europe/Brussels'
$$;

-- Writes the reminders that are due at `at` for one person (or for everyone when person is
-- null) and answers how many it wrote. Idempotent: a reminder is written once per person per
-- meetup, whoever asks first.
create function public.create_due_reminders(person uuid, at timestamptz)
returns integer
language plpgsql security definer
set search_path = ''
as $$
declare
	written integer;
begin
	insert into public.notifications (user_id, kind, meetup_id)
	select distinct gm.user_id, 'reminder'::public.notification_kind, m.id
	from public.group_members gm
	join public.rsvps r on r.member_id = gm.id
	join public.meetups m on m.id = r.meetup_id
	where (person is null or gm.user_id = person)
		and gm.user_id is not null
		and gm.status = 'active'
		and r.status = 'going'
		and m.status = 'scheduled'
		-- The window is at most 49 hours long (a day, the rest of the day before, one DST hour).
		and m.starts_at > at and m.starts_at <= at + interval '49 hours'
		and public.reminder_due_from(m.starts_at) <= at
	on conflict (user_id, meetup_id) where kind = 'reminder' do nothing;
	get diagnostics written = row_count;
	return written;
end;
$$;

-- For pg_cron (and later push): every due reminder for everyone.
create function public.send_due_reminders()
returns integer
language sql volatile security definer
set search_path = ''
as $$
	select public.create_due_reminders(null, now())
$$;

-- Reading and marking -------------------------------------------------------------------------

-- Volatile on purpose: asking writes the reminders that became due. Notifications about a
-- meetup the person may no longer see (removed from its group) are left out.
create function public.notification_count()
returns integer
language plpgsql volatile security definer
set search_path = ''
as $$
declare
	me uuid := auth.uid();
	unread integer;
begin
	if me is null then return 0; end if;
	perform public.create_due_reminders(me, now());
	select count(*) into unread
	from public.notifications n
	join public.meetups m on m.id = n.meetup_id
	where n.user_id = me and n.read_at is null and public.can_see_meetup(m.group_id, m.open_to);
	return unread;
end;
$$;

create function public.my_notifications(before timestamptz default null, max_rows integer default 50)
returns table (
	id uuid,
	kind public.notification_kind,
	created_at timestamptz,
	read_at timestamptz,
	meetup_id uuid,
	meetup_title text,
	meetup_starts_at timestamptz,
	meetup_ends_at timestamptz,
	meetup_status public.meetup_status
)
language plpgsql volatile security definer
set search_path = ''
as $$
declare
	me uuid := auth.uid();
begin
	if me is null then raise exception 'not_signed_in'; end if;
	perform public.create_due_reminders(me, now());
	return query
	select n.id, n.kind, n.created_at, n.read_at, m.id, m.title, m.starts_at, m.ends_at, m.status
	from public.notifications n
	join public.meetups m on m.id = n.meetup_id
	where n.user_id = me
		and (before is null or n.created_at < before)
		and public.can_see_meetup(m.group_id, m.open_to)
	order by n.created_at desc, n.id desc
	limit least(greatest(coalesce(max_rows, 50), 1), 100);
end;
$$;

-- Marks the given notifications read (or all unread ones when ids is null), only the
-- caller's own; answers how many changed.
create function public.mark_notifications_read(ids uuid[] default null)
returns integer
language plpgsql volatile security definer
set search_path = ''
as $$
declare
	me uuid := auth.uid();
	marked integer;
begin
	if me is null then raise exception 'not_signed_in'; end if;
	update public.notifications n set read_at = now()
	where n.user_id = me and n.read_at is null and (ids is null or n.id = any (ids));
	get diagnostics marked = row_count;
	return marked;
end;
$$;

revoke execute on function
	public.meetup_audience_to_notify(uuid),
	public.notify_promotion(),
	public.notify_meetup_change(),
	public.create_due_reminders(uuid, timestamptz),
	public.send_due_reminders()
	from public, anon, authenticated;
revoke execute on function
	public.notification_count(),
	public.my_notifications(timestamptz, integer),
	public.mark_notifications_read(uuid[])
	from public, anon;
grant execute on function
	public.notification_count(),
	public.my_notifications(timestamptz, integer),
	public.mark_notifications_read(uuid[])
	to authenticated;

-- Where pg_cron is installed (hosted Supabase, once it is enabled under Database → Extensions),
-- reminders are also written every 15 minutes for everyone, without anyone looking. Locally
-- there is no pg_cron and nothing is lost: reminders are written when people look. A project
-- that enables pg_cron later runs this same statement once.
do $$
begin
	if exists (select from pg_extension where extname = 'pg_cron') then
		perform cron.schedule(
			'kring-send-due-reminders', '*/15 * * * *', 'select public.send_due_reminders()'
		);
	end if;
end
$$;
