-- An invite link that no longer works (stopped, expired or used up) says only that: not the
-- group's name, description, rules or id, nor the name a link for taking over an entry carries.
-- An old link found on a phone or in a chat must not tell who belongs to which group. A link
-- that works shows the group as before, without its id (joining answers with it).

drop function public.invite_preview(text);
create function public.invite_preview(invite_code text)
returns table (
	group_name text,
	description text,
	rules text,
	organisation_name text,
	state text,
	claims_nickname text
)
language sql stable security definer
set search_path = ''
as $$
	select
		case when link.works then g.name end,
		case when link.works then g.description end,
		case when link.works then g.rules end,
		case when link.works then o.name end,
		case when link.works then 'valid' else 'no_longer_works' end,
		case when link.works then claimed.nickname end
	from public.invites i
	cross join lateral (
		select i.revoked_at is null and i.expires_at > now() and i.uses < i.max_uses as works
	) link
	join public.groups g on g.id = i.group_id
	join public.organisations o on o.id = g.organisation_id
	left join public.group_members claimed on claimed.id = i.claims_member
	where i.code = invite_code
$$;
grant execute on function public.invite_preview(text) to anon, authenticated;
