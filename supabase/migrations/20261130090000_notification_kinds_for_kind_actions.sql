-- Kind actions (issue 11) reach the member as notifications of their own kinds. An enum value
-- cannot be used in the transaction that adds it, so the values come in their own migration.
alter type public.notification_kind add value if not exists 'invited';
alter type public.notification_kind add value if not exists 'answer_asked';
alter type public.notification_kind add value if not exists 'buddy_asked';
alter type public.notification_kind add value if not exists 'buddy_accepted';
alter type public.notification_kind add value if not exists 'moderators_wrote';
