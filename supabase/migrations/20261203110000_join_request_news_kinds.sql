-- A request to join is heard: the group's moderators when someone asks, the person when it is
-- answered (issue 12, found trying the app as a newcomer). A new enum value cannot be used in the
-- transaction that adds it, so the kinds come first, on their own.
alter type public.notification_kind add value 'join_requested';
alter type public.notification_kind add value 'join_accepted';
alter type public.notification_kind add value 'join_refused';
