-- Self-organisations run their own space (issue 12): the facts an organisation shows the public,
-- who its admins are, archived groups, and meetups that welcome someone a member brings along.
-- The functions that change these live in later migrations; this one holds the shape they share.

alter table public.organisations
	add column description text not null default '' check (char_length(description) <= 1000),
	add column address text not null default '' check (char_length(address) <= 300),
	add column contact text not null default '' check (char_length(contact) <= 300),
	add column languages text[] not null default '{nl}'
		check (cardinality(languages) between 1 and 3 and languages <@ array['nl', 'fr', 'en']),
	-- No logo upload: a colour and two or three letters are enough to recognise an organisation,
	-- cost nothing to send, and cannot carry someone's photo.
	add column colour text not null default '#2f6f4e' check (colour ~ '^#[0-9a-f]{6}$'),
	add column initials text not null default 'K'
		check (char_length(initials) between 1 and 3 and initials = upper(initials) and btrim(initials) = initials);

create table public.organisation_admins (
	organisation_id uuid not null references public.organisations (id) on delete cascade,
	user_id uuid not null references auth.users (id) on delete cascade,
	added_by uuid references auth.users (id) on delete set null,
	created_at timestamptz not null default now(),
	primary key (organisation_id, user_id)
);
create index organisation_admins_user_id_idx on public.organisation_admins (user_id);
create index organisation_admins_added_by_idx on public.organisation_admins (added_by);
alter table public.organisation_admins enable row level security;

create function private.is_organisation_admin(organisation uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
	select exists (
		select 1 from public.organisation_admins
		where organisation_id = organisation and user_id = (select auth.uid())
	)
$$;
revoke execute on function private.is_organisation_admin(uuid) from public, anon;
grant execute on function private.is_organisation_admin(uuid) to authenticated, service_role;

-- Admins see who the other admins are; nobody else reads the table. Changes go through functions.
revoke all on public.organisation_admins from anon, authenticated;
grant select on public.organisation_admins to authenticated;
create policy "admins read their organisation's admins" on public.organisation_admins
	for select to authenticated
	using ((select private.is_organisation_admin(organisation_id)));

-- An archived group is read-only for its members and gone from public pages; nothing is deleted.
alter table public.groups add column archived_at timestamptz;

-- "Breng gerust iemand mee": a member who says they come may bring one extra person, who counts
-- against the capacity.
alter table public.meetups add column guests_welcome boolean not null default false;
alter table public.rsvps add column guests smallint not null default 0 check (guests between 0 and 1);
