-- A new admin's first week covers the organisation's public face too (attack review 16, F6).
-- Someone in through a leaked admin link could not archive a group, but could bring an archived
-- one back (with its members' posts) and change the organisation's name, address and contact on
-- its public page, for example to their own phone number, at once. While an older admin is there,
-- an admin of less than 7 days now leaves those as they are; the description, languages, colour
-- and initials stay theirs to edit.

create or replace function public.unarchive_group(target_group uuid)
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
	if not private.is_admin_of_group(target_group) then raise exception 'not_allowed'; end if;
	if private.admin_is_still_new(
		(select g.organisation_id from public.groups g where g.id = target_group)
	) then
		raise exception 'admin_still_new';
	end if;
	update public.groups set archived_at = null where id = target_group;
end;
$$;

create or replace function public.update_organisation(organisation uuid, name text,
	description text, address text, contact text, languages text[], colour text, initials text)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
	current_facts public.organisations;
begin
	if not private.is_organisation_admin(organisation) then raise exception 'not_allowed'; end if;
	perform private.check_organisation_facts(name, description, address, contact, languages,
		colour, initials);
	select * into current_facts from public.organisations o where o.id = organisation
		for no key update;
	if (btrim(name) <> current_facts.name
			or btrim(coalesce(address, '')) <> current_facts.address
			or btrim(coalesce(contact, '')) <> current_facts.contact)
		and private.admin_is_still_new(organisation)
	then
		raise exception 'admin_still_new';
	end if;
	update public.organisations o
	set name = btrim(update_organisation.name),
		description = btrim(coalesce(update_organisation.description, '')),
		address = btrim(coalesce(update_organisation.address, '')),
		contact = btrim(coalesce(update_organisation.contact, '')),
		languages = update_organisation.languages,
		colour = update_organisation.colour,
		initials = update_organisation.initials
	where o.id = organisation;
end;
$$;
