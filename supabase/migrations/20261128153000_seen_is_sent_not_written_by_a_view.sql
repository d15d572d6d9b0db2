-- "Seen" is no longer written by every view of the feed (an UPDATE inside a GET, on every page
-- view): the feed page sends it with a small POST after it showed the newest posts, and only
-- when there was something new (page_group_feed says so). It sends the moment the page was
-- read, so a post that arrived between reading and sending still counts as new. That moment
-- comes from the browser: it is kept between the last "seen" and now, so a wrong or replayed one
-- can never hide news that has not been shown yet, nor move "seen" back.

drop function public.mark_group_seen(uuid);

create function public.mark_group_seen(target_group uuid, read_at timestamptz)
returns void
language sql security definer
set search_path = ''
as $$
	update public.group_members m set last_seen_at = least(read_at, now())
	where m.group_id = target_group and m.user_id = (select auth.uid()) and m.status = 'active'
		and (m.last_seen_at is null or m.last_seen_at < least(read_at, now()))
$$;
grant execute on function public.mark_group_seen(uuid, timestamptz) to authenticated;
