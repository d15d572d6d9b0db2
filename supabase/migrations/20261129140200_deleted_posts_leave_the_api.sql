-- A post or answer its author deleted stayed readable, words and all, by every member of the
-- group through the API (select on posts or comments by id): deleting only set deleted_at, and
-- the policies let members read every row that was not hidden. The screens never showed it; a
-- member who deleted what they regretted writing expects it gone. Now a deleted post or answer
-- is read, like a hidden one, only by its author and the group's moderators (who see it marked
-- "deleted" in context).
-- (Answers others gave to a deleted post are their words: they stay as they were.)
drop policy "active members read their group's posts, unless hidden" on public.posts;
create policy "members read posts not hidden or deleted"
	on public.posts for select to authenticated
	using (
		(select private.is_active_member(group_id))
		and (
			(hidden_at is null and deleted_at is null)
			or (select private.is_moderator(group_id))
			or private.is_my_post(id)
		)
	);

drop policy "active members read their group's comments, unless hidden" on public.comments;
create policy "members read comments not hidden or deleted"
	on public.comments for select to authenticated
	using (
		(select private.is_active_member(group_id))
		and (
			(hidden_at is null and deleted_at is null and not private.is_hidden_post(post_id))
			or (select private.is_moderator(group_id))
			or private.is_my_comment(id)
		)
	);
