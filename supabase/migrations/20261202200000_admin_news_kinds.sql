-- Admins hear when an admin comes or goes (issue 12, review finding 4). A new enum value cannot be
-- used in the transaction that adds it, so the kinds come first, on their own.
alter type public.notification_kind add value 'admin_joined';
alter type public.notification_kind add value 'admin_removed';
