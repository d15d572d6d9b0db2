-- A join request the moderators said no to is kept as 'refused' (with when and why, see the
-- moderation migration), so the person sees the answer and can ask again only 30 days later.
-- A new enum value cannot be used in the transaction that adds it: it has a file of its own.
alter type public.member_status add value 'refused';
