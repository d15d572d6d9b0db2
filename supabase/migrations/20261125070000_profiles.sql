-- A person's own profile: the name others see and the language Kring speaks to them.
-- One row per auth user, made by a trigger so that every way of signing up (nickname only,
-- email + password, admin) yields a profile.

create table public.profiles (
	id uuid primary key references auth.users (id) on delete cascade,
	display_name text not null check (char_length(btrim(display_name)) between 1 and 40),
	language text not null default 'nl' check (language in ('nl', 'fr', 'en')),
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
);

alter table public.profiles enable row level security;

create policy "a person reads their own profile"
	on public.profiles for select to authenticated
	using (id = (select auth.uid()));

create policy "a person updates their own profile"
	on public.profiles for update to authenticated
	using (id = (select auth.uid()))
	with check (id = (select auth.uid()));

create function public.touch_updated_at() returns trigger
language plpgsql
set search_path = ''
as $$
begin
	new.updated_at := now();
	return new;
end;
$$;

create trigger profiles_touch_updated_at
	before update on public.profiles
	for each row execute function public.touch_updated_at();

-- Runs as the table owner because the auth service, not the person, inserts into auth.users.
create function public.create_profile_for_new_user() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
	chosen_name text := nullif(btrim(coalesce(
		new.raw_user_meta_data ->> 'nickname',
		new.raw_user_meta_data ->> 'display_name',
		split_part(new.email, '@', 1)
	)), '');
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

create trigger on_auth_user_created
	after insert on auth.users
	for each row execute function public.create_profile_for_new_user();
