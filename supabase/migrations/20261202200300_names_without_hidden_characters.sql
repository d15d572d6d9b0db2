-- A name is one line of visible text (issue 12, review finding 6): an organisation's or a group's
-- name and a meetup's title refuse control characters (a line break went into calendar feeds as
-- new lines) and the other characters nicknames already refuse (invisible ones, or ones that turn
-- the writing around), whatever writes them. Rows written before keep their name until it is
-- changed: the check runs on a new name only.

create function private.refuse_hidden_characters_in_names()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
	if tg_table_name = 'meetups' then
		if (tg_op = 'INSERT' or new.title is distinct from old.title)
			and new.title <> private.without_hidden_characters(new.title)
		then
			raise exception 'meetup_title_hidden_characters';
		end if;
	elsif (tg_op = 'INSERT' or new.name is distinct from old.name)
		and new.name <> private.without_hidden_characters(new.name)
	then
		if tg_table_name = 'organisations' then
			raise exception 'organisation_name_hidden_characters';
		end if;
		raise exception 'group_name_hidden_characters';
	end if;
	return new;
end;
$$;
revoke execute on function private.refuse_hidden_characters_in_names()
	from public, anon, authenticated;

create trigger organisations_name_without_hidden_characters
	before insert or update of name on public.organisations
	for each row execute function private.refuse_hidden_characters_in_names();
create trigger groups_name_without_hidden_characters
	before insert or update of name on public.groups
	for each row execute function private.refuse_hidden_characters_in_names();
create trigger meetups_title_without_hidden_characters
	before insert or update of title on public.meetups
	for each row execute function private.refuse_hidden_characters_in_names();
