-- A new admin (first week, with an older admin) is refused every change others read (20261204100000)
-- but was told so only on saving. The organisation's admin page now says until when, so they know
-- before they type. And in that week they stop no admin link of the others either (attack review
-- 18): a stranger in through a leaked link could otherwise cut off the colleague an older admin
-- is inviting.

create or replace function public.revoke_admin_invite(invite uuid)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
	organisation uuid;
begin
	select i.organisation_id into organisation from public.organisation_admin_invites i
	where i.id = invite and i.used_at is null and private.is_organisation_admin(i.organisation_id);
	if not found then raise exception 'not_allowed'; end if;
	if private.admin_is_still_new(organisation) then raise exception 'admin_still_new'; end if;
	update public.organisation_admin_invites i set expires_at = least(i.expires_at, now())
	where i.id = invite;
end;
$$;

create or replace function public.page_organisation_admin(organisation_slug text)
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
	select jsonb_build_object(
		'organisation', jsonb_build_object(
			'id', o.id, 'name', o.name, 'slug', o.slug, 'description', o.description,
			'address', o.address, 'contact', o.contact, 'languages', o.languages,
			'colour', o.colour, 'initials', o.initials
		),
		'groups', coalesce((
			select jsonb_agg(jsonb_build_object(
				'id', g.id, 'name', g.name, 'language', g.language, 'join_policy', g.join_policy,
				'archived_at', g.archived_at,
				-- Admins see how many take part, never who: that is for the group's moderators.
				'members', (
					select count(*) from public.group_members m
					where m.group_id = g.id and m.status = 'active'
				)
			) order by g.archived_at is not null, g.name)
			from public.groups g where g.organisation_id = o.id
		), '[]'::jsonb),
		'admins', coalesce((
			select jsonb_agg(jsonb_build_object(
				'id', a.user_id, 'name', coalesce(p.display_name, ''),
				'me', a.user_id = (select auth.uid()), 'since', a.created_at
			) order by a.created_at)
			from public.organisation_admins a
			left join public.profiles p on p.id = a.user_id
			where a.organisation_id = o.id
		), '[]'::jsonb),
		-- Links not used yet, so an admin can pass one on again or stop it.
		'admin_invites', coalesce((
			select jsonb_agg(jsonb_build_object('id', i.id, 'code', i.code, 'expires_at', i.expires_at)
				order by i.created_at desc)
			from public.organisation_admin_invites i
			where i.organisation_id = o.id and i.used_at is null and i.expires_at > now()
		), '[]'::jsonb),
		-- Until when I change nothing others read (null: I can).
		'still_new_until', case when private.admin_is_still_new(o.id) then (
			select mine.created_at + interval '7 days' from public.organisation_admins mine
			where mine.organisation_id = o.id and mine.user_id = (select auth.uid())
		) end
	)
	from public.organisations o
	where o.slug = organisation_slug and private.is_organisation_admin(o.id)
$$;
