-- The notifications page reads without writing (issue 9). my_notifications() wrote the reminders
-- that had become due on every view, in a read-write transaction; page_notifications() lists the
-- written notifications and the reminders that are due but not written yet (computed by
-- private.due_reminders), and is stable, so PostgREST runs it read only. Reminders still show on
-- time with no job running; where pg_cron runs, private.send_due_reminders() writes them.
--
-- Marking read is a deliberate write (the page posts it once shown, or the person presses the
-- button): it marks what the page showed, and writes the reminders it showed before they were
-- written, as read.

-- When a due reminder became due for this person: midnight before the day of the meetup, or when
-- they last answered that they come, if that was later (an answer an hour before the start is
-- reminded from then, not from the night before). Written reminders keep this moment, so a
-- reminder keeps its place in the list once it is written.
create function private.reminders_due_to(person uuid, at timestamptz)
returns table (meetup_id uuid, due_at timestamptz)
language sql stable
set search_path = ''
as $$
	select d.meetup_id, greatest(d.due_at, (
		select max(r.updated_at)
		from public.rsvps r
		join public.group_members gm on gm.id = r.member_id
		where gm.user_id = person and r.meetup_id = d.meetup_id and r.status = 'going'
	))
	from private.due_reminders(person, at) d
	-- due_reminders takes no one as everyone (the job); here it is always one person.
	where person is not null
$$;

-- The list, newest first: written notifications, and reminders that are due but not written yet
-- (id null, unread). A notification about a meetup I may no longer see is left out.
create function public.page_notifications(
	before timestamptz default null,
	max_rows integer default 50
)
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
language plpgsql stable security definer
set search_path = ''
as $$
declare
	me uuid := auth.uid();
begin
	if me is null then raise exception 'not_signed_in'; end if;
	return query
	with listed as (
		select n.id, n.kind, n.created_at, n.read_at, n.meetup_id
		from public.notifications n
		where n.user_id = me and (before is null or n.created_at < before)
		union all
		select null::uuid, 'reminder'::public.notification_kind, d.due_at, null::timestamptz,
			d.meetup_id
		from private.reminders_due_to(me, now()) d
		where before is null or d.due_at < before
	)
	select l.id, l.kind, l.created_at, l.read_at, m.id, m.title, m.starts_at, m.ends_at, m.status
	from listed l
	join public.meetups m on m.id = l.meetup_id
	where private.can_see_meetup(m.group_id, m.open_to)
	order by l.created_at desc, l.id desc nulls first
	limit least(greatest(coalesce(max_rows, 50), 1), 100);
end;
$$;
grant execute on function public.page_notifications(timestamptz, integer) to authenticated;

drop function public.my_notifications(timestamptz, integer);

-- Marks read what the page showed: the written notifications by id, the due reminders by their
-- meetup (written now, read). One that became due or arrived after the page was read stays new.
-- Without either list: everything, including every reminder that is due.
drop function public.mark_notifications_read(uuid[]);
create function public.mark_notifications_read(
	ids uuid[] default null,
	reminders uuid[] default null
)
returns integer
language plpgsql security definer
set search_path = ''
as $$
declare
	me uuid := auth.uid();
	everything boolean := ids is null and reminders is null;
	written integer;
	marked integer;
begin
	if me is null then raise exception 'not_signed_in'; end if;
	insert into public.notifications (user_id, kind, meetup_id, created_at, read_at)
	select me, 'reminder', d.meetup_id, d.due_at, now()
	from private.reminders_due_to(me, now()) d
	where everything or d.meetup_id = any (reminders)
	on conflict (user_id, meetup_id) where kind = 'reminder' do nothing;
	get diagnostics written = row_count;
	update public.notifications n set read_at = now()
	where n.user_id = me and n.read_at is null
		and (everything or n.id = any (ids) or (n.kind = 'reminder' and n.meetup_id = any (reminders)));
	get diagnostics marked = row_count;
	return written + marked;
end;
$$;
grant execute on function public.mark_notifications_read(uuid[], uuid[]) to authenticated;

-- The unread count comes with every signed-in page through app_shell(), read only; this one
-- wrote due reminders on every page and no page asks for it any more.
drop function public.notification_count();
