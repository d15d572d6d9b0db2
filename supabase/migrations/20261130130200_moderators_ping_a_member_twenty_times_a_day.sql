-- What the moderators send a member also pings them (issue 11, attacker pass): a message
-- (message_member, reply_as_moderators, a welcome or check-in), a personal invitation, a
-- request to be a buddy or to answer. Each moderator's kind actions have their daily limit
-- (20261130130000), but messages have none, and several moderators add up: a member could be
-- pinged without end. Now one person gets at most 20 of these notifications in 24 hours; what
-- is sent beyond that still arrives (the message in its thread, the invitation on home), without
-- one more ping. Nothing is refused: a moderator answering many members is not stopped.
create function private.limit_pings_from_moderators() returns trigger
language plpgsql volatile security definer set search_path = '' as $$
begin
	if new.kind not in ('invited', 'answer_asked', 'buddy_asked', 'moderators_wrote') then
		return new;
	end if;
	-- One person's pings are counted one after the other.
	perform pg_advisory_xact_lock(hashtextextended('pings:' || new.user_id::text, 0));
	if (
		select count(*) from public.notifications n
		where n.user_id = new.user_id
			and n.kind in ('invited', 'answer_asked', 'buddy_asked', 'moderators_wrote')
			and n.created_at > now() - interval '24 hours'
	) >= 20 then
		return null;
	end if;
	return new;
end;
$$;
create trigger notifications_pings_from_moderators before insert on public.notifications
	for each row execute function private.limit_pings_from_moderators();
