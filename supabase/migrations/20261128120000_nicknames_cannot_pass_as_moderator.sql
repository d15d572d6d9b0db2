-- A newcomer could join as "Els" and post as the moderator Els: the feed showed the same name.
-- Besides the role the screens now show next to every name (names_carry_their_role), a name is
-- checked where it is chosen:
-- * In a group, a nickname cannot be that of one of the group's hosts or moderators, compared
--   the way people read names: without case, spaces, punctuation or accents, with letters from
--   other alphabets that look Latin read as Latin ("Еls" with a Cyrillic Е is "Els").
-- * A nickname cannot hold characters that are not seen or that turn the text around
--   (zero-width characters, direction controls, a soft hyphen, a byte order mark…): they make
--   two names that look the same differ, or make a name look like another.
-- The group check is a trigger on group_members, so every way a name is set goes through it:
-- joining with an invite, asking to join, a host adding someone without a phone or a walk-in,
-- taking over such an entry, coming back after leaving. Profiles refuse the same characters.
--
-- Promotion: when a member becomes host or moderator while another member has a name read the
-- same way, nothing is refused and nobody is renamed. Both chose their names in good faith, and
-- the role shown next to the name tells them apart; from then on nobody new can take that name.

-- Characters refused in names: controls, soft hyphen, combining grapheme joiner, Arabic letter
-- mark, Hangul and Khmer fillers, Mongolian selectors, zero-width spaces and joiners, left-to-
-- right and right-to-left marks, embeddings, overrides and isolates, invisible operators,
-- the Braille blank, variation selectors (but the two that choose text or emoji style), the
-- byte order mark, interlinear annotations, shorthand and musical format controls, and tags.
create function private.without_hidden_characters(name text) returns text
language sql immutable parallel safe
set search_path = ''
as $$
	select regexp_replace(
		name,
		'[\u0001-\u001f\u007f-\u009f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u2028-\u202e\u2060-\u206f\u2800\u3164\ufe00-\ufe0d\ufeff\uffa0\ufff9-\ufffb\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e007f]',
		'',
		'g'
	)
$$;

-- A name as it reads: decomposed (NFKD: é is e and an accent, fullwidth Ｅ is E), without
-- hidden characters, accents, spaces or punctuation.
create function private.nickname_letters(name text) returns text
language sql immutable parallel safe
set search_path = ''
as $$
	select regexp_replace(
		normalize(private.without_hidden_characters(name), NFKD),
		'[[:space:][:punct:]\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe0e\ufe0f\ufe20-\ufe2f]',
		'',
		'g'
	)
$$;

-- Whether two names read as one ("É l-s", "els", "Еls" with a Cyrillic Е are all "Els"): their
-- letters are the same without case, reading 0 as o, 1 as l and Cyrillic and Greek letters that
-- look Latin as Latin; or they are the same so when every capital I is read as an l, which it
-- looks like ("EIs" is "Els", while "Ilse" and "Lise" stay two names).
create function private.names_look_alike(one text, other text) returns boolean
language sql immutable parallel safe
set search_path = ''
as $$
	select translate(lower(a), f, t) = translate(lower(b), f, t)
		or translate(lower(translate(a, i, 'llll')), f, t) = translate(lower(translate(b, i, 'llll')), f, t)
	from (
		select private.nickname_letters(one) as a, private.nickname_letters(other) as b,
			'01авекмнорстухіјѕԁӏɡαβεηικμνορτυχζ' as f,
			'olabekmhopctyxijsdlgabehikmnoptyxz' as t,
			-- Capital I in Latin, Greek and Cyrillic, and the Cyrillic palochka.
			'IΙІӀ' as i
	) letters
$$;

create function private.check_member_nickname() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
	-- A name is checked when it is chosen: a new entry, a new name, or coming back to the group.
	-- A role change is not a new name (see above).
	if tg_op = 'UPDATE' and new.nickname is not distinct from old.nickname
		and not (old.status in ('left', 'removed') and new.status in ('active', 'pending')) then
		return new;
	end if;
	if new.nickname <> private.without_hidden_characters(new.nickname) then
		raise exception 'nickname_hidden_characters';
	end if;
	if exists (
		select 1 from public.group_members other
		where other.group_id = new.group_id and other.id <> new.id
			and (new.user_id is null or other.user_id is distinct from new.user_id)
			and other.status = 'active' and other.role in ('host', 'moderator')
			and private.names_look_alike(other.nickname, new.nickname)
	) then
		raise exception 'nickname_of_host_or_moderator';
	end if;
	return new;
end;
$$;

create trigger group_members_check_nickname
	before insert or update of nickname, status on public.group_members
	for each row execute function private.check_member_nickname();

-- The name in a profile (shown to the person, and offered as their nickname when they join).
create function private.check_profile_name() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
	if new.display_name <> private.without_hidden_characters(new.display_name) then
		raise exception 'nickname_hidden_characters';
	end if;
	return new;
end;
$$;

create trigger profiles_check_name
	before update of display_name on public.profiles
	for each row execute function private.check_profile_name();

-- Signing up must not fail on a name the auth server accepted: the profile is made without the
-- hidden characters instead.
create or replace function private.create_profile_for_new_user() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
	chosen_name text := nullif(btrim(private.without_hidden_characters(coalesce(
		new.raw_user_meta_data ->> 'nickname',
		new.raw_user_meta_data ->> 'display_name',
		split_part(new.email, '@', 1)
	))), '');
	chosen_language text := new.raw_user_meta_data ->> 'language';
begin
	insert into public.profiles (id, display_name, language)
	values (
		new.id,
		left(coalesce(chosen_name, 'Kring'), 40),
		case when chosen_language in ('nl', 'fr', 'en') then chosen_language else 'nl' end
	);
	return new;
end;
$$;
