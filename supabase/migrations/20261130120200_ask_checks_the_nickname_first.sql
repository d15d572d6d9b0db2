-- Asking to join (/ask/[group]) made a newcomer's account first and then learned from
-- request_to_join() that the name was refused, leaving an account and a session behind (as the
-- join page did before check_invite_nickname). check_request_nickname() says beforehand what
-- request_to_join() would say of the name, without an account.
--
-- It answers only for a group one may ask to join (or simply join), and tells nothing that
-- asking does not: request_to_join() with any account answers the same for every refused name.
-- Through the app it is limited like joining (src/lib/server/attempts.ts). An invite-only group,
-- or none: 'group_not_found', as request_to_join() says.
create function public.check_request_nickname(target_group uuid, nickname text) returns text
language sql stable security definer
set search_path = ''
as $$
	select case
		when g.id is null then 'group_not_found'
		when char_length(btrim(coalesce(nickname, ''))) not between 1 and 40 then 'nickname_invalid'
		else private.nickname_refusal(g.id, btrim(nickname), null, (select auth.uid()))
	end
	from (select 1) one
	left join public.groups g on g.id = target_group and g.join_policy in ('request', 'open')
$$;
grant execute on function public.check_request_nickname(uuid, text) to anon, authenticated;
