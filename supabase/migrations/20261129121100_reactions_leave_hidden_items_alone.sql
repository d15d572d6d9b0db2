-- A hidden post or answer takes no new reactions from members (issue 10): they no longer see it,
-- so a reaction could only be sent to it by its id, a way around the moderators' decision. Its
-- author and the moderators, who still see it, may. Otherwise add_reaction is as before.
create or replace function public.add_reaction(client_id uuid, post uuid, comment uuid, kind public.reaction_kind)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
	target_group uuid;
begin
	if (post is null) = (comment is null) then raise exception 'not_allowed'; end if;
	select coalesce(
		(select p.group_id from public.posts p
		where p.id = post and p.deleted_at is null
			and (p.hidden_at is null or private.is_moderator(p.group_id) or private.is_my_post(p.id))),
		(select c.group_id from public.comments c
		where c.id = comment and c.deleted_at is null
			and ((c.hidden_at is null and not private.is_hidden_post(c.post_id))
				or private.is_moderator(c.group_id) or private.is_my_comment(c.id)))
	) into target_group;
	if target_group is null or not private.is_active_member(target_group) then
		raise exception 'not_allowed';
	end if;
	insert into public.reactions (group_id, post_id, comment_id, user_id, kind, client_id)
	values (target_group, post, comment, auth.uid(), kind, client_id)
	on conflict do nothing;
end;
$$;
