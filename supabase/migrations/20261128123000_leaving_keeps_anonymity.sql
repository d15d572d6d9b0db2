-- Deleting one's account must not tell the group who wrote its unnamed posts. It deleted every
-- post and answer of the person at the moment their name left the members list: whoever looked
-- before and after saw which unnamed posts went with that name. Now:
-- * Posts and answers with the person's name go with the account, as their name does: that
--   tells nothing new.
-- * Unnamed posts and answers stay, and the only link to their author (the authorship row) is
--   deleted with the account: from then on no one, moderators included, can tell whose they were.
--   They stay in the feed by "a member" (names_carry_their_role).
-- * Only if the person asks for it are their unnamed posts and answers deleted too — at the same
--   moment, which the delete page says may let others guess they were theirs.
-- * Reactions stay as counts, without the person: counts dropping on the posts they reacted to,
--   at the moment they left, would show what they reacted to.

alter table public.reactions
	alter column user_id drop not null,
	drop constraint reactions_user_id_fkey,
	add constraint reactions_user_id_fkey
		foreign key (user_id) references auth.users (id) on delete set null;

drop function public.delete_my_account();
create function public.delete_my_account(also_unnamed boolean default false)
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
		where m.user_id = me and private.is_only_moderator(m.group_id, me)
	) then
		raise exception 'last_moderator';
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
grant execute on function public.delete_my_account(boolean) to authenticated;
