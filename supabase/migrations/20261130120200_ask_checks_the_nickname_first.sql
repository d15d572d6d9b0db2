-- Asking to join (/ask/[group]) made a newcomer's account first and then learned from
-- request_to_join() that the name was refused, leaving an account and a session behind (as the
-- join page did before check_invite_nickname). check_request_nickname() says beforehand, without
-- an account, what request_to_join() would say of the name when the name itself is the problem:
-- invalid, with hidden characters, or a look-alike of the group's moderators' or hosts' names.
--
-- It does not say whether a MEMBER already has the name. Anyone may ask it (a visitor has no
-- account yet) and the group's id will be public, so it would tell anyone, as often as they like,
-- whether someone called "Fatima" belongs to a group of people in poverty. For a name a member
-- has, the app makes the account, hears nickname_taken from request_to_join(), and deletes the
-- account again (src/lib/server/joining.ts): that costs a new account each time, limited per
-- address by auth and by the app. An invite-only group, or none: 'group_not_found'.
create function public.check_request_nickname(target_group uuid, nickname text) returns text
language sql stable security definer
set search_path = ''
as $$
	select case
		when g.id is null then 'group_not_found'
		when char_length(btrim(coalesce(nickname, ''))) not between 1 and 40 then 'nickname_invalid'
		else nullif(
			private.nickname_refusal(g.id, btrim(nickname), null, (select auth.uid())),
			'nickname_taken'
		)
	end
	from (select 1) one
	left join public.groups g on g.id = target_group and g.join_policy in ('request', 'open')
$$;
grant execute on function public.check_request_nickname(uuid, text) to anon, authenticated;
