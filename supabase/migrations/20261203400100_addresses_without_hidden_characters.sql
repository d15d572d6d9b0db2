-- An organisation's address, contact and initials and a meetup's place are visible text too (issue
-- 12): like names (20261202200300, 20261202320000) they refuse line breaks, control characters and
-- the characters one does not see or that turn the writing around, whatever writes them. They are
-- shown on the public page, in the embeddable list and in calendar feeds, where "Kerkstraat 1" with
-- a hidden character or a turned-around part reads as another address. As for names, only a new
-- value is checked, so a row written before still changes its other facts.

create function private.refuse_hidden_characters_in_facts()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
	if tg_table_name = 'meetups' then
		if (tg_op = 'INSERT' or new.place is distinct from old.place)
			and new.place <> private.without_hidden_characters(new.place)
		then
			raise exception 'meetup_place_hidden_characters';
		end if;
		return new;
	end if;
	if (tg_op = 'INSERT' or new.address is distinct from old.address)
		and new.address <> private.without_hidden_characters(new.address)
	then
		raise exception 'organisation_address_hidden_characters';
	end if;
	if (tg_op = 'INSERT' or new.contact is distinct from old.contact)
		and new.contact <> private.without_hidden_characters(new.contact)
	then
		raise exception 'organisation_contact_hidden_characters';
	end if;
	if (tg_op = 'INSERT' or new.initials is distinct from old.initials)
		and new.initials <> private.without_hidden_characters(new.initials)
	then
		raise exception 'organisation_initials_hidden_characters';
	end if;
	return new;
end;
$$;
revoke execute on function private.refuse_hidden_characters_in_facts()
	from public, anon, authenticated;

create trigger organisations_facts_without_hidden_characters
	before insert or update of address, contact, initials on public.organisations
	for each row execute function private.refuse_hidden_characters_in_facts();
create trigger meetups_place_without_hidden_characters
	before insert or update of place on public.meetups
	for each row execute function private.refuse_hidden_characters_in_facts();
