-- An organisation always keeps one admin (issue 12). leave_organisation and
-- remove_organisation_admin refuse the last one, but deleting one's account took the admin row
-- with it (on delete cascade), leaving an organisation no one could run. Now deleting the account
-- of an organisation's only admin is refused with the same words as leaving ("invite someone
-- else first"), and a trigger keeps the last admin row whatever the path; only deleting the
-- organisation itself takes it along.

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
	-- The rest follows by its foreign keys: named posts and answers (with the answers others gave
	-- to those posts), memberships, authorship rows and everything else of the person are
	-- deleted; meetups, series and invites they made stay without them; reactions stay as counts.
	delete from auth.users where id = me;
end;
$$;

create function private.keep_the_last_admin()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
	-- Deleting the organisation takes its admins along: by then its row is gone.
	if not exists (select 1 from public.organisations o where o.id = old.organisation_id) then
		return old;
	end if;
	if not exists (
		select 1 from public.organisation_admins a
		where a.organisation_id = old.organisation_id and a.user_id <> old.user_id
	) then
		raise exception 'last_admin';
	end if;
	return old;
end;
$$;
revoke execute on function private.keep_the_last_admin() from public, anon, authenticated;

create trigger organisation_admins_keep_the_last before delete on public.organisation_admins
	for each row execute function private.keep_the_last_admin();
