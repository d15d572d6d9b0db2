-- A group invite link works while whoever made it still moderates the group (attack review 16,
-- F2 and F3). A link lets anyone in, as often as its uses allow; its maker answers for it. An
-- admin's links ended when they stopped being admin (20261203400200), except in a group they
-- still moderated, and those kept working after they stopped moderating there too, so someone
-- demoted or removed could still let in whom they liked, their own second account included. And
-- an account deleted kept its links: the foreign key empties invites.created_by before any
-- trigger can see whose they were. Now the links a moderator made in a group are revoked when
-- they stop being an active moderator there (demoted, removed, left), and every link of an account
-- is revoked as it is deleted. The other moderators make new ones in a tap.

create function private.end_group_links_of_former_moderator()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
	if old.user_id is null then return null; end if;
	update public.invites i set revoked_at = now()
	where i.group_id = old.group_id and i.created_by = old.user_id
		and i.revoked_at is null and i.expires_at > now();
	return null;
end;
$$;
revoke execute on function private.end_group_links_of_former_moderator()
	from public, anon, authenticated;

create trigger group_members_end_links_of_former_moderator
	after update of role, status on public.group_members
	for each row
	when (old.role = 'moderator' and old.status = 'active'
		and (new.role <> 'moderator' or new.status <> 'active'))
	execute function private.end_group_links_of_former_moderator();

create or replace function public.delete_my_account(also_unnamed boolean default false)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
	me uuid := auth.uid();
begin
	if me is null then raise exception 'not_signed_in'; end if;
	if exists (
		select 1 from public.group_members m
		where m.user_id = me and private.is_only_moderator(m.group_id, me)
	) then
		raise exception 'last_moderator';
	end if;
	if exists (
		select 1 from public.organisation_admins a
		where a.user_id = me and not exists (
			select 1 from public.organisation_admins other
			where other.organisation_id = a.organisation_id and other.user_id <> me
		)
	) then
		raise exception 'last_admin';
	end if;
	if coalesce(also_unnamed, false) then
		delete from public.posts p using public.post_authors a
		where a.post_id = p.id and a.author_id = me and p.anonymous;
		delete from public.comments c using public.comment_authors a
		where a.comment_id = c.id and a.author_id = me and c.anonymous;
	end if;
	-- The invite links they made end with them: who made a link answers for it.
	update public.invites i set revoked_at = now()
	where i.created_by = me and i.revoked_at is null and i.expires_at > now();
	-- The rest follows by its foreign keys: named posts and answers (with the answers others gave
	-- to those posts), memberships, authorship rows and everything else of the person are
	-- deleted; meetups, series and invites they made stay without them; reactions stay as counts.
	delete from auth.users where id = me;
end;
$$;
