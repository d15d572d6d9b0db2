-- What people learn of each other is what the screens show: a nickname and a role.
--
-- A user id is the same in every group, so reading it linked one person's nicknames across
-- groups ("Anna" in one group is "Bea (schulden)" in another). No one reads another person's
-- user id through the API any more: not in group_members, nor as the author of a post or an
-- answer, the one who reacted, made a meetup, a series or an invite, or checked someone in.
-- When someone joined (joined_at, and created_at, which is the same moment) is not readable
-- either: it can be lined up with an anonymous post. Reactions are read as counts through the
-- feed; the table shows no one's. Signed-out visitors of a public meetup do not learn which
-- group made it, nor who.
--
-- Rows are still chosen by the policies; these column privileges choose what of a row is read.
-- Policies and security definer functions still use every column.

-- Whether an entry is a person without a phone (no account) is shown, the account is not.
alter table public.group_members
	add column without_phone boolean not null generated always as (user_id is null) stored;

revoke select on public.group_members from authenticated;
grant select (id, group_id, nickname, role, status, without_phone)
	on public.group_members to authenticated;

-- My own entry in a group, which members can no longer find by user id.
create function public.my_membership(target_group uuid)
returns table (
	id uuid,
	role public.member_role,
	nickname text,
	status public.member_status
)
language sql stable security definer
set search_path = ''
as $$
	select m.id, m.role, m.nickname, m.status
	from public.group_members m
	where m.group_id = target_group and m.user_id = (select auth.uid())
$$;
grant execute on function public.my_membership(uuid) to authenticated;

revoke select on public.posts, public.comments, public.post_authors, public.comment_authors,
	public.reactions, public.invites, public.attendance
	from authenticated;
grant select (id, group_id, kind, body, anonymous, pinned_at, edited_at, deleted_at, created_at)
	on public.posts to authenticated;
grant select (id, post_id, group_id, body, anonymous, edited_at, deleted_at, created_at)
	on public.comments to authenticated;
-- Authors and moderators see that an authorship row exists; the names come from the feed.
grant select (post_id, created_at) on public.post_authors to authenticated;
grant select (comment_id, created_at) on public.comment_authors to authenticated;
grant select (id, group_id, post_id, comment_id, kind) on public.reactions to authenticated;
grant select (id, group_id, code, expires_at, max_uses, uses, revoked_at, created_at, claims_member)
	on public.invites to authenticated;
grant select (id, meetup_id, member_id, checked_in_at, walk_in, created_at)
	on public.attendance to authenticated;

revoke select on public.meetups, public.meetup_series from anon, authenticated;
grant select (
	id, group_id, title, description, starts_at, ends_at, place, online_url, cost, childcare,
	transport_help, wheelchair_access, languages, open_to, capacity, status, series_id,
	occurrence_on, created_at, updated_at
) on public.meetups to authenticated;
grant select (
	id, title, description, starts_at, ends_at, place, online_url, cost, childcare,
	transport_help, wheelchair_access, languages, open_to, capacity, status, series_id,
	occurrence_on, created_at, updated_at
) on public.meetups to anon;
grant select (id, group_id, repeat, first_on, repeat_until, created_at)
	on public.meetup_series to authenticated;
grant select (id, repeat, first_on, repeat_until, created_at) on public.meetup_series to anon;
