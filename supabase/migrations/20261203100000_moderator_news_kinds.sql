-- A group's moderators hear when someone becomes or stops being one of them (issue 12, attack
-- review 15, finding F1). A new enum value cannot be used in the transaction that adds it, so
-- the kinds come first, on their own.
alter type public.notification_kind add value 'moderator_appointed';
alter type public.notification_kind add value 'moderator_removed';
