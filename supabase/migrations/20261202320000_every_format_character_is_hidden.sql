-- Every invisible formatting character is a hidden character (attack review 14, finding F6): the
-- list of what names and nicknames may not hold missed some of Unicode's format characters
-- (category Cf): Arabic number signs U+0600–0605, U+06DD, U+0890–0891, U+08E2, the Syriac
-- abbreviation mark U+070F, Kaithi U+110BD and U+110CD, Egyptian hieroglyph format controls
-- U+13430–1343F. They show nothing, so "Sam<U+0600>en" passed for "Samen". The app's form check
-- (src/lib/schemas/auth.ts) refuses the same list. Only new names are checked, as before.

create or replace function private.without_hidden_characters(name text)
returns text
language sql
immutable
parallel safe
set search_path = ''
as $$
	select regexp_replace(
		name,
		'[\u0001-\u001f\u007f-\u009f\u00ad\u034f\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u2028-\u202e\u2060-\u206f\u2800\u3164\ufe00-\ufe0d\ufeff\uffa0\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e007f]',
		'',
		'g'
	)
$$;
