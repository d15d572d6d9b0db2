-- A personal calendar feed: a secret link a phone calendar subscribes to, listing the meetups
-- a person answered going, maybe or waiting. Calendar apps fetch it without a session, so the
-- link itself is the key: whoever has it sees those meetups. Kring keeps only a SHA-256 hash
-- of the secret, so a copy of the database does not hold working links. One link per person:
-- making a new one replaces the old (the old link stops working), and it can be stopped.

create table public.calendar_feeds (
	user_id uuid primary key references auth.users (id) on delete cascade,
	token_hash bytea not null unique check (octet_length(token_hash) = 32),
	created_at timestamptz not null default now()
);

alter table public.calendar_feeds enable row level security;

-- A person sees whether they have a link and since when; the secret is never stored.
create policy "people read their own calendar feed"
	on public.calendar_feeds for select to authenticated
	using (user_id = (select auth.uid()));

revoke all on public.calendar_feeds from anon, authenticated;
grant select (user_id, created_at) on public.calendar_feeds to authenticated;

-- Makes a new secret link for the signed-in person and answers its token (256 random bits,
-- URL-safe). Shown once: only its hash is kept.
create function public.create_calendar_feed()
returns text
language plpgsql volatile security definer
set search_path = ''
as $$
declare
	me uuid := auth.uid();
	token text;
begin
	if me is null then raise exception 'not_signed_in'; end if;
	token := rtrim(translate(encode(extensions.gen_random_bytes(32), 'base64'), '+/', '-_'), '=');
	insert into public.calendar_feeds (user_id, token_hash, created_at)
	values (me, sha256(convert_to(token, 'UTF8')), now())
	on conflict (user_id) do update
		set token_hash = excluded.token_hash, created_at = excluded.created_at;
	return token;
end;
$$;

create function public.revoke_calendar_feed()
returns void
language plpgsql volatile security definer
set search_path = ''
as $$
begin
	if auth.uid() is null then raise exception 'not_signed_in'; end if;
	delete from public.calendar_feeds where user_id = auth.uid();
end;
$$;

-- The feed behind a token, for anyone holding it (calendar apps fetch without a session):
-- the owner's meetups from 30 days ago on, that they answered going, maybe or waiting, through
-- a membership that is still active, and that they may still see. Cancelled ones stay in, so
-- the calendar can show them as cancelled. An unknown or stopped token raises
-- 'calendar_feed_not_found', so the app answers 404 (a known token with no meetups is an empty
-- calendar, which a phone keeps subscribed to).
create function public.calendar_feed(token text)
returns table (
	id uuid,
	title text,
	description text,
	starts_at timestamptz,
	ends_at timestamptz,
	place text,
	online_url text,
	status public.meetup_status,
	updated_at timestamptz,
	group_name text,
	my_answer public.rsvp_status
)
language plpgsql stable security definer
set search_path = ''
as $$
declare
	owner uuid;
begin
	select f.user_id into owner from public.calendar_feeds f
	where char_length(token) between 20 and 100
		and f.token_hash = sha256(convert_to(token, 'UTF8'));
	if owner is null then raise exception 'calendar_feed_not_found'; end if;

	return query
	select m.id, m.title, m.description, m.starts_at, m.ends_at, m.place, m.online_url, m.status,
		m.updated_at, g.name, r.status
	from public.group_members gm
	join public.rsvps r on r.member_id = gm.id and r.status in ('going', 'maybe', 'waiting')
	join public.meetups m on m.id = r.meetup_id
	join public.groups g on g.id = m.group_id
	where gm.user_id = owner and gm.status = 'active'
		and m.ends_at > now() - interval '30 days'
		-- What can_see_meetup() says, for the owner rather than the (anonymous) caller.
		and (
			m.open_to = 'public'
			or exists (
				select 1 from public.group_members x
				where x.group_id = m.group_id and x.user_id = owner and x.status = 'active'
			)
			or (m.open_to = 'organisation' and exists (
				select 1 from public.groups t
				join public.groups og on og.organisation_id = t.organisation_id
				join public.group_members x on x.group_id = og.id
				where t.id = m.group_id and x.user_id = owner and x.status = 'active'
			))
		)
	order by m.starts_at
	limit 500;
end;
$$;

revoke execute on function
	public.create_calendar_feed(),
	public.revoke_calendar_feed(),
	public.calendar_feed(text)
	from public, anon;
grant execute on function public.create_calendar_feed(), public.revoke_calendar_feed()
	to authenticated;
grant execute on function public.calendar_feed(text) to anon, authenticated;
