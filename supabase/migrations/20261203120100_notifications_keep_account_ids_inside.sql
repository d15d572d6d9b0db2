-- A notification names people by the names the reader knows them by, never by account (attack
-- review 16, F1). Members could select every column of their own notifications, person_id and
-- actor_id included: the account ids of whoever asked to join, was made moderator, let them in
-- or appointed them, which the database hides everywhere else (group_members.user_id is not
-- readable). With two such ids a moderator of two groups could tell that two nicknames are one
-- person. page_notifications, which reads them as the owner, turns them into names; the table
-- itself now gives members every column but those two.
revoke select on table public.notifications from authenticated;
grant select (id, user_id, kind, meetup_id, created_at, read_at, group_id, post_id, thread_id,
	buddy_id, organisation_id)
	on table public.notifications to authenticated;
