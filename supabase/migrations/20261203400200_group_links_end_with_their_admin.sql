-- An admin who goes takes the group invite links they made with them (issue 12, attack review 14,
-- F1). Their admin links already stop working (20261202310000), but a link into one of the
-- organisation's groups that they made as its moderator kept working after they were removed, so
-- someone removed as a stranger could still join every group they had made links for. Now, when
-- an admin leaves or is removed, every working invite link they made in the organisation's groups
-- is revoked, except in a group they still moderate: there they may make new ones anyway, and
-- the group's printed links stay. The notice to the remaining admins says so.
-- A trigger on the admin row, so it holds for every way an admin goes (private.end_admin, and an
-- account deleted).

create function private.end_group_links_of_former_admin()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
	update public.invites i set revoked_at = now()
	from public.groups g
	where g.id = i.group_id and g.organisation_id = old.organisation_id
		and i.created_by = old.user_id and i.revoked_at is null and i.expires_at > now()
		and not exists (
			select 1 from public.group_members gm
			where gm.group_id = i.group_id and gm.user_id = old.user_id
				and gm.status = 'active' and gm.role = 'moderator'
		);
	return null;
end;
$$;
revoke execute on function private.end_group_links_of_former_admin()
	from public, anon, authenticated;

create trigger organisation_admins_end_their_group_links
	after delete on public.organisation_admins
	for each row execute function private.end_group_links_of_former_admin();
