-- A change of someone's role in a group is written to the moderation log (issue 10 follow-up).
-- Its own file: a value added to an enum cannot be used in the transaction that adds it.
alter type public.moderation_action add value 'role_change';
