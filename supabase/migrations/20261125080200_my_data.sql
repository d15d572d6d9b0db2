-- A person's control over what Kring keeps about them: see all of it, take it with them,
-- and delete their account in one step.

create function public.export_my_data()
returns jsonb
language sql stable security definer
set search_path = ''
as $$
	select jsonb_build_object(
		'exported_at', now(),
		'account', (
			select jsonb_build_object(
				'id', u.id, 'email', u.email, 'created_at', u.created_at,
				'last_sign_in_at', u.last_sign_in_at, 'kept_with_email', not u.is_anonymous,
				'user_metadata', u.raw_user_meta_data
			)
			from auth.users u where u.id = auth.uid()
		),
		'profile', (select to_jsonb(p) from public.profiles p where p.id = auth.uid()),
		'memberships', coalesce((
			select jsonb_agg(jsonb_build_object(
				'group', g.name, 'nickname', m.nickname, 'role', m.role, 'status', m.status,
				'joined_at', m.joined_at, 'rules_accepted_at', m.rules_accepted_at,
				'last_seen_at', m.last_seen_at
			) order by m.created_at)
			from public.group_members m join public.groups g on g.id = m.group_id
			where m.user_id = auth.uid()
		), '[]'),
		'posts', coalesce((
			select jsonb_agg(jsonb_build_object(
				'group', g.name, 'kind', p.kind, 'body', p.body, 'anonymous', p.anonymous,
				'created_at', p.created_at, 'edited_at', p.edited_at, 'deleted_at', p.deleted_at
			) order by p.created_at)
			from public.post_authors a
			join public.posts p on p.id = a.post_id
			join public.groups g on g.id = p.group_id
			where a.author_id = auth.uid()
		), '[]'),
		'comments', coalesce((
			select jsonb_agg(jsonb_build_object(
				'body', c.body, 'anonymous', c.anonymous, 'created_at', c.created_at,
				'edited_at', c.edited_at, 'deleted_at', c.deleted_at
			) order by c.created_at)
			from public.comment_authors a join public.comments c on c.id = a.comment_id
			where a.author_id = auth.uid()
		), '[]'),
		'reactions', coalesce((
			select jsonb_agg(jsonb_build_object('kind', r.kind, 'created_at', r.created_at) order by r.created_at)
			from public.reactions r where r.user_id = auth.uid()
		), '[]')
	)
	where auth.uid() is not null
$$;

-- Deletes the account and everything written with it, in one transaction: profile,
-- memberships, posts (with the answers others gave to them), comments and reactions.
-- Invites the person made stay valid for the group, without their name.
create function public.delete_my_account()
returns void
language plpgsql security definer
set search_path = ''
as $$
declare
	me uuid := auth.uid();
begin
	if me is null then raise exception 'not_signed_in'; end if;
	if exists (
		select 1 from public.group_members m
		where m.user_id = me and public.is_only_moderator(m.group_id, me)
	) then
		raise exception 'last_moderator';
	end if;
	delete from public.posts p using public.post_authors a where a.post_id = p.id and a.author_id = me;
	delete from public.comments c using public.comment_authors a where a.comment_id = c.id and a.author_id = me;
	-- The rest follows by its foreign keys (on delete cascade / set null).
	delete from auth.users where id = me;
end;
$$;

revoke execute on function public.export_my_data(), public.delete_my_account() from public, anon;
