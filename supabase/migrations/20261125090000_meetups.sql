-- Meetups of a group, who comes (with what they need to be able to come), and who came.
--
-- Capacity is enforced here: every RSVP locks its meetup row, so concurrent RSVPs are counted
-- one after the other; when a meetup is full a "going" becomes "waiting" in arrival order, and
-- a place that frees up goes to the first one waiting (promoted_at records it, for the
-- notification). Needs (childcare, transport, cost) are private: only the person, the group's
-- hosts and its moderators read an rsvp row; everyone else gets counts from meetup_counts().
-- Attendance is what inclusion tracking and the impact report will count, so a person without
-- a phone can be RSVPed for and checked in by a host, as a group member without an account.
-- Errors are raised as short codes (P0001) that the app turns into words.

create type public.meetup_audience as enum ('group', 'organisation', 'public');
create type public.meetup_status as enum ('scheduled', 'cancelled');
create type public.rsvp_status as enum ('going', 'maybe', 'not_going', 'waiting');

create table public.meetups (
	id uuid primary key default gen_random_uuid(),
	group_id uuid not null references public.groups (id) on delete cascade,
	title text not null check (char_length(btrim(title)) between 1 and 120),
	description text not null default '' check (char_length(description) <= 4000),
	starts_at timestamptz not null,
	ends_at timestamptz not null,
	place text check (char_length(btrim(place)) between 1 and 300),
	online_url text check (online_url ~ '^https?://[^\s]+$' and char_length(online_url) <= 500),
	-- NULL means free: "is it free?" is the first question for many, so it has its own answer.
	cost text check (char_length(btrim(cost)) between 1 and 60),
	childcare boolean not null default false,
	transport_help boolean not null default false,
	wheelchair_access boolean not null default false,
	languages text[] not null default '{}' check (cardinality(languages) <= 10),
	open_to public.meetup_audience not null default 'group',
	capacity integer check (capacity > 0),
	status public.meetup_status not null default 'scheduled',
	-- The occurrences of one recurring meetup share a series id (recurrence comes later).
	series_id uuid,
	created_by uuid references auth.users (id) on delete set null,
	-- A retried create_meetup answers with the meetup the first attempt made.
	client_id uuid,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	check (ends_at > starts_at),
	check (place is not null or online_url is not null),
	unique (created_by, client_id)
);
create index meetups_group_starts_idx on public.meetups (group_id, starts_at);
create index meetups_series_id_idx on public.meetups (series_id) where series_id is not null;
create index meetups_open_starts_idx on public.meetups (starts_at) where open_to <> 'group';

-- member is a group_members row, not a user, so that a host can RSVP for a member without a
-- phone. For an organisation-wide or public meetup it may be a membership in another group of
-- the same organisation.
create table public.rsvps (
	id uuid primary key default gen_random_uuid(),
	meetup_id uuid not null references public.meetups (id) on delete cascade,
	member_id uuid not null references public.group_members (id) on delete cascade,
	status public.rsvp_status not null,
	childcare_children integer not null default 0 check (childcare_children between 0 and 20),
	transport_help boolean not null default false,
	cost_is_a_problem boolean not null default false,
	note text not null default '' check (char_length(note) <= 300),
	client_id uuid not null,
	waitlisted_at timestamptz,
	promoted_at timestamptz,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	check (status <> 'waiting' or waitlisted_at is not null),
	unique (meetup_id, member_id),
	unique (member_id, client_id)
);
create index rsvps_waiting_idx on public.rsvps (meetup_id, waitlisted_at, id) where status = 'waiting';

create table public.attendance (
	id uuid primary key default gen_random_uuid(),
	meetup_id uuid not null references public.meetups (id) on delete cascade,
	member_id uuid not null references public.group_members (id) on delete cascade,
	checked_in_at timestamptz not null default now(),
	checked_in_by uuid references auth.users (id) on delete set null,
	walk_in boolean not null default false,
	created_at timestamptz not null default now(),
	unique (meetup_id, member_id)
);
create index attendance_member_id_idx on public.attendance (member_id);

alter table public.meetups enable row level security;
alter table public.rsvps enable row level security;
alter table public.attendance enable row level security;

-- Predicates ---------------------------------------------------------------------------------

create function public.is_host_or_moderator(target_group uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
	select exists (
		select 1 from public.group_members
		where group_id = target_group and user_id = (select auth.uid())
			and status = 'active' and role in ('host', 'moderator')
	)
$$;

-- Active in some group of the organisation that target_group belongs to.
create function public.is_active_in_organisation_of(target_group uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
	select exists (
		select 1 from public.groups target
		join public.groups g on g.organisation_id = target.organisation_id
		join public.group_members m on m.group_id = g.id
		where target.id = target_group and m.user_id = (select auth.uid()) and m.status = 'active'
	)
$$;

-- A meetup is open to its group, to every group of its organisation, or to anyone (also
-- signed out): the last two are how a group invites others in.
create function public.can_see_meetup(target_group uuid, audience public.meetup_audience)
returns boolean
language sql stable
set search_path = ''
as $$
	select audience = 'public'
		or public.is_active_member(target_group)
		or (audience = 'organisation' and public.is_active_in_organisation_of(target_group))
$$;

-- Security definer like the predicates above: a policy asks it without passing through the
-- policy and column grants of group_members.
create function public.is_my_membership(member uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
	select exists (
		select 1 from public.group_members where id = member and user_id = (select auth.uid())
	)
$$;

-- Reading ------------------------------------------------------------------------------------

create policy "those the meetup is open to read it"
	on public.meetups for select to anon, authenticated
	using ((select public.can_see_meetup(group_id, open_to)));

create policy "people read their own rsvps, hosts and moderators their group's"
	on public.rsvps for select to authenticated
	using (
		(select public.is_my_membership(member_id))
		or exists (
			select 1 from public.meetups m
			where m.id = meetup_id and (select public.is_host_or_moderator(m.group_id))
		)
	);

create policy "people read their own attendance, hosts and moderators their group's"
	on public.attendance for select to authenticated
	using (
		(select public.is_my_membership(member_id))
		or exists (
			select 1 from public.meetups m
			where m.id = meetup_id and (select public.is_host_or_moderator(m.group_id))
		)
	);

revoke insert, update, delete on public.meetups, public.rsvps, public.attendance
	from anon, authenticated;

-- How many come, without names, for anyone who may see the meetup.
create function public.meetup_counts(meetup uuid)
returns table (going integer, maybe integer, waiting integer)
language sql stable security definer
set search_path = ''
as $$
	select
		count(*) filter (where r.status = 'going')::integer,
		count(*) filter (where r.status = 'maybe')::integer,
		count(*) filter (where r.status = 'waiting')::integer
	from public.meetups m
	left join public.rsvps r on r.meetup_id = m.id
	where m.id = meetup and public.can_see_meetup(m.group_id, m.open_to)
	group by m.id
$$;

-- Hosting ------------------------------------------------------------------------------------

create function public.assert_meetup_valid(
	title text, description text, starts_at timestamptz, ends_at timestamptz, place text,
	online_url text, cost text, languages text[], capacity integer
) returns void
language plpgsql immutable
set search_path = ''
as $$
begin
	if char_length(btrim(coalesce(title, ''))) not between 1 and 120 then
		raise exception 'meetup_title_invalid';
	end if;
	if char_length(description) > 4000 then raise exception 'meetup_description_too_long'; end if;
	if starts_at is null or ends_at is null or ends_at <= starts_at then
		raise exception 'meetup_times_invalid';
	end if;
	if nullif(btrim(place), '') is null and nullif(btrim(online_url), '') is null then
		raise exception 'meetup_place_missing';
	end if;
	if char_length(btrim(place)) > 300 then raise exception 'meetup_place_invalid'; end if;
	if nullif(btrim(online_url), '') is not null
		and (btrim(online_url) !~ '^https?://[^\s]+$' or char_length(btrim(online_url)) > 500) then
		raise exception 'meetup_online_url_invalid';
	end if;
	if char_length(btrim(cost)) > 60 then raise exception 'meetup_cost_invalid'; end if;
	if cardinality(languages) > 10
		or exists (select 1 from unnest(languages) l where char_length(btrim(l)) not between 1 and 40) then
		raise exception 'meetup_languages_invalid';
	end if;
	if capacity is not null and capacity < 1 then raise exception 'meetup_capacity_invalid'; end if;
end;
$$;

-- Gives freed places to those waiting, first come first served. The caller holds the meetup's
-- row lock.
create function public.fill_from_waiting_list(target_meetup uuid)
returns void
language plpgsql security definer
set search_path = ''
as $$
declare
	places integer;
begin
	select m.capacity - (
		select count(*) from public.rsvps r where r.meetup_id = m.id and r.status = 'going'
	) into places
	from public.meetups m where m.id = target_meetup;
	update public.rsvps set status = 'going', promoted_at = clock_timestamp(), updated_at = now()
	where id in (
		select id from public.rsvps
		where meetup_id = target_meetup and status = 'waiting'
		order by waitlisted_at, id
		-- LIMIT NULL (no capacity) lets everyone in.
		limit case when places is not null then greatest(places, 0) end
	);
end;
$$;

create function public.create_meetup(
	client_id uuid,
	target_group uuid,
	title text,
	description text,
	starts_at timestamptz,
	ends_at timestamptz,
	place text,
	online_url text,
	cost text,
	childcare boolean,
	transport_help boolean,
	wheelchair_access boolean,
	languages text[],
	open_to public.meetup_audience,
	capacity integer
) returns uuid
language plpgsql security definer
set search_path = ''
as $$
declare
	me uuid := auth.uid();
	existing uuid;
	created uuid;
begin
	if me is null or client_id is null then raise exception 'not_allowed'; end if;
	select m.id into existing from public.meetups m
	where m.created_by = me and m.client_id = create_meetup.client_id;
	if found then return existing; end if;
	if not public.is_host_or_moderator(target_group) then raise exception 'not_allowed'; end if;
	perform public.assert_meetup_valid(
		title, description, starts_at, ends_at, place, online_url, cost, languages, capacity
	);
	if starts_at <= now() then raise exception 'meetup_in_the_past'; end if;

	insert into public.meetups (
		group_id, title, description, starts_at, ends_at, place, online_url, cost, childcare,
		transport_help, wheelchair_access, languages, open_to, capacity, created_by, client_id
	) values (
		target_group, btrim(title), coalesce(btrim(description), ''), starts_at, ends_at,
		nullif(btrim(place), ''), nullif(btrim(online_url), ''), nullif(btrim(cost), ''),
		coalesce(childcare, false), coalesce(transport_help, false), coalesce(wheelchair_access, false),
		coalesce(languages, '{}'), coalesce(open_to, 'group'), capacity, me, client_id
	)
	returning id into created;
	return created;
exception when unique_violation then
	-- The same write arrived twice at the same moment: answer with the first.
	select m.id into existing from public.meetups m
	where m.created_by = me and m.client_id = create_meetup.client_id;
	return existing;
end;
$$;

-- Replaces every field the form shows. Lowering the capacity below the number going moves
-- nobody to the waiting list: people who were told they have a place keep it.
create function public.update_meetup(
	meetup uuid,
	title text,
	description text,
	starts_at timestamptz,
	ends_at timestamptz,
	place text,
	online_url text,
	cost text,
	childcare boolean,
	transport_help boolean,
	wheelchair_access boolean,
	languages text[],
	open_to public.meetup_audience,
	capacity integer
) returns void
language plpgsql security definer
set search_path = ''
as $$
declare
	target public.meetups;
begin
	select * into target from public.meetups m where m.id = meetup for update;
	if not found or not public.is_host_or_moderator(target.group_id) then
		raise exception 'not_allowed';
	end if;
	if target.status = 'cancelled' then raise exception 'meetup_cancelled'; end if;
	perform public.assert_meetup_valid(
		title, description, starts_at, ends_at, place, online_url, cost, languages, capacity
	);

	update public.meetups m set
		title = btrim(update_meetup.title),
		description = coalesce(btrim(update_meetup.description), ''),
		starts_at = update_meetup.starts_at,
		ends_at = update_meetup.ends_at,
		place = nullif(btrim(update_meetup.place), ''),
		online_url = nullif(btrim(update_meetup.online_url), ''),
		cost = nullif(btrim(update_meetup.cost), ''),
		childcare = coalesce(update_meetup.childcare, false),
		transport_help = coalesce(update_meetup.transport_help, false),
		wheelchair_access = coalesce(update_meetup.wheelchair_access, false),
		languages = coalesce(update_meetup.languages, '{}'),
		open_to = coalesce(update_meetup.open_to, 'group'),
		capacity = update_meetup.capacity,
		updated_at = now()
	where m.id = meetup;
	perform public.fill_from_waiting_list(meetup);
end;
$$;

create function public.cancel_meetup(meetup uuid)
returns void
language plpgsql security definer
set search_path = ''
as $$
declare
	target public.meetups;
begin
	select * into target from public.meetups m where m.id = meetup for update;
	if not found or not public.is_host_or_moderator(target.group_id) then
		raise exception 'not_allowed';
	end if;
	if target.status <> 'cancelled' then
		update public.meetups m set status = 'cancelled', updated_at = now() where m.id = meetup;
	end if;
end;
$$;

-- RSVP ---------------------------------------------------------------------------------------

-- The one place an RSVP is written, for the person themselves or by a host for a member
-- without a phone. The meetup row lock serialises every RSVP to one meetup. The row keeps the
-- client id of the latest answer: a retry of it changes nothing, and the outbox sends a
-- person's answers in order, so an older answer does not arrive after a newer one.
create function public.record_rsvp(
	target_meetup uuid,
	member uuid,
	request_client_id uuid,
	requested public.rsvp_status,
	children integer,
	needs_transport boolean,
	cost_problem boolean,
	note_text text
) returns public.rsvp_status
language plpgsql security definer
set search_path = ''
as $$
declare
	target public.meetups;
	previous public.rsvps;
	had_answered boolean;
	outcome public.rsvp_status := requested;
	going integer;
begin
	if request_client_id is null then raise exception 'not_allowed'; end if;
	select * into target from public.meetups m where m.id = target_meetup for update;
	if not found then raise exception 'not_allowed'; end if;

	select * into previous from public.rsvps r where r.member_id = member and r.client_id = request_client_id;
	if found then
		if previous.meetup_id <> target_meetup then raise exception 'not_allowed'; end if;
		return previous.status;
	end if;

	if target.status = 'cancelled' then raise exception 'meetup_cancelled'; end if;
	if target.starts_at <= now() then raise exception 'rsvp_closed'; end if;
	if requested is null or requested = 'waiting' then raise exception 'rsvp_status_invalid'; end if;
	if coalesce(children, 0) not between 0 and 20 then raise exception 'rsvp_children_invalid'; end if;
	if char_length(coalesce(note_text, '')) > 300 then raise exception 'rsvp_note_too_long'; end if;

	select * into previous from public.rsvps r where r.meetup_id = target_meetup and r.member_id = member;
	had_answered := found;
	if requested = 'going' and (not had_answered or previous.status not in ('going', 'waiting')) then
		select count(*) into going from public.rsvps r
		where r.meetup_id = target_meetup and r.status = 'going';
		if going >= target.capacity then outcome := 'waiting'; end if;
	elsif requested = 'going' then
		-- Saying "going" again keeps one's place, on the list or in the queue.
		outcome := previous.status;
	end if;

	insert into public.rsvps as r (
		meetup_id, member_id, status, childcare_children, transport_help, cost_is_a_problem, note,
		client_id, waitlisted_at
	) values (
		target_meetup, member, outcome, coalesce(children, 0), coalesce(needs_transport, false),
		coalesce(cost_problem, false), coalesce(btrim(note_text), ''), request_client_id,
		case when outcome = 'waiting' then clock_timestamp() end
	)
	on conflict (meetup_id, member_id) do update set
		status = excluded.status,
		childcare_children = excluded.childcare_children,
		transport_help = excluded.transport_help,
		cost_is_a_problem = excluded.cost_is_a_problem,
		note = excluded.note,
		client_id = excluded.client_id,
		-- The queue keeps the moment one first joined it. It is clock_timestamp(), not now()
		-- (the start of each transaction), so it follows the order the meetup lock let them in.
		waitlisted_at = case
			when excluded.status <> 'waiting' then null
			when r.status = 'waiting' then r.waitlisted_at
			else excluded.waitlisted_at
		end,
		promoted_at = case when excluded.status = 'going' and r.status = 'going' then r.promoted_at end,
		updated_at = now();

	if had_answered and previous.status = 'going' and outcome <> 'going' then
		perform public.fill_from_waiting_list(target_meetup);
	end if;
	return outcome;
end;
$$;

-- The signed-in person's RSVP: through their membership in the meetup's group, or for a
-- meetup open to the organisation or the public, through their membership in another group
-- of the same organisation.
create function public.rsvp(
	client_id uuid,
	meetup uuid,
	status public.rsvp_status,
	childcare_children integer,
	transport_help boolean,
	cost_is_a_problem boolean,
	note text
) returns public.rsvp_status
language plpgsql security definer
set search_path = ''
as $$
declare
	target public.meetups;
	member uuid;
begin
	if auth.uid() is null then raise exception 'not_signed_in'; end if;
	select * into target from public.meetups m where m.id = meetup;
	if not found then raise exception 'not_allowed'; end if;
	select gm.id into member from public.group_members gm
	where gm.group_id = target.group_id and gm.user_id = auth.uid() and gm.status = 'active';
	if member is null and target.open_to <> 'group' then
		select gm.id into member from public.group_members gm
		join public.groups g on g.id = gm.group_id
		join public.groups t on t.organisation_id = g.organisation_id
		where t.id = target.group_id and gm.user_id = auth.uid() and gm.status = 'active'
		order by gm.created_at
		limit 1;
	end if;
	if member is null then raise exception 'not_allowed'; end if;
	return public.record_rsvp(
		meetup, member, rsvp.client_id, rsvp.status, rsvp.childcare_children, rsvp.transport_help,
		rsvp.cost_is_a_problem, rsvp.note
	);
end;
$$;

-- A host or moderator answers for a member of their group who has no account (no phone).
create function public.rsvp_for_member(
	client_id uuid,
	meetup uuid,
	member uuid,
	status public.rsvp_status,
	childcare_children integer,
	transport_help boolean,
	cost_is_a_problem boolean,
	note text
) returns public.rsvp_status
language plpgsql security definer
set search_path = ''
as $$
declare
	target public.meetups;
begin
	select * into target from public.meetups m where m.id = meetup;
	if not found or not public.is_host_or_moderator(target.group_id) then
		raise exception 'not_allowed';
	end if;
	if not exists (
		select 1 from public.group_members gm
		where gm.id = member and gm.group_id = target.group_id and gm.user_id is null
			and gm.status = 'active'
	) then
		raise exception 'not_allowed';
	end if;
	return public.record_rsvp(
		meetup, member, rsvp_for_member.client_id, rsvp_for_member.status,
		rsvp_for_member.childcare_children, rsvp_for_member.transport_help,
		rsvp_for_member.cost_is_a_problem, rsvp_for_member.note
	);
end;
$$;

-- Attendance ---------------------------------------------------------------------------------

-- Checks in a member of the group, or anyone who RSVPed (from another group of the
-- organisation). Checking in twice keeps the first time.
create function public.check_in(meetup uuid, member uuid)
returns void
language plpgsql security definer
set search_path = ''
as $$
declare
	target public.meetups;
begin
	select * into target from public.meetups m where m.id = meetup;
	if not found or not public.is_host_or_moderator(target.group_id) then
		raise exception 'not_allowed';
	end if;
	if target.status = 'cancelled' then raise exception 'meetup_cancelled'; end if;
	if not exists (
		select 1 from public.group_members gm
		where gm.id = member and gm.status = 'active' and gm.group_id = target.group_id
	) and not exists (
		select 1 from public.rsvps r where r.meetup_id = meetup and r.member_id = member
	) then
		raise exception 'not_a_member';
	end if;
	insert into public.attendance (meetup_id, member_id, checked_in_by)
	values (meetup, member, auth.uid())
	on conflict (meetup_id, member_id) do nothing;
end;
$$;

-- Someone who came without an RSVP and without an account: they become a member of the group
-- by nickname, managed by its moderators, so they count like everyone else. A nickname that
-- already belongs to such a member of the group is the same person coming back (and makes a
-- retried request harmless).
create function public.add_walk_in(meetup uuid, nickname text)
returns uuid
language plpgsql security definer
set search_path = ''
as $$
declare
	target public.meetups;
	member uuid;
begin
	select * into target from public.meetups m where m.id = meetup for update;
	if not found or not public.is_host_or_moderator(target.group_id) then
		raise exception 'not_allowed';
	end if;
	if target.status = 'cancelled' then raise exception 'meetup_cancelled'; end if;
	if char_length(btrim(coalesce(nickname, ''))) not between 1 and 40 then
		raise exception 'nickname_invalid';
	end if;

	select gm.id into member from public.group_members gm
	where gm.group_id = target.group_id and gm.user_id is null and gm.status = 'active'
		and lower(gm.nickname) = lower(btrim(add_walk_in.nickname))
	order by gm.created_at
	limit 1;
	if member is null then
		insert into public.group_members (group_id, user_id, nickname, status, joined_at)
		values (target.group_id, null, btrim(add_walk_in.nickname), 'active', now())
		returning id into member;
	end if;
	insert into public.attendance (meetup_id, member_id, checked_in_by, walk_in)
	values (meetup, member, auth.uid(), true)
	on conflict (meetup_id, member_id) do nothing;
	return member;
end;
$$;

revoke execute on function
	public.create_meetup(uuid, uuid, text, text, timestamptz, timestamptz, text, text, text,
		boolean, boolean, boolean, text[], public.meetup_audience, integer),
	public.update_meetup(uuid, text, text, timestamptz, timestamptz, text, text, text,
		boolean, boolean, boolean, text[], public.meetup_audience, integer),
	public.cancel_meetup(uuid),
	public.rsvp(uuid, uuid, public.rsvp_status, integer, boolean, boolean, text),
	public.rsvp_for_member(uuid, uuid, uuid, public.rsvp_status, integer, boolean, boolean, text),
	public.check_in(uuid, uuid),
	public.add_walk_in(uuid, text),
	public.is_my_membership(uuid)
	from public, anon;
-- Internal steps of the functions above, never called by a client.
revoke execute on function
	public.assert_meetup_valid(text, text, timestamptz, timestamptz, text, text, text, text[], integer),
	public.fill_from_waiting_list(uuid),
	public.record_rsvp(uuid, uuid, uuid, public.rsvp_status, integer, boolean, boolean, text)
	from public, anon, authenticated;
-- Anyone may ask about a public meetup, signed in or not.
revoke execute on function
	public.is_host_or_moderator(uuid),
	public.is_active_in_organisation_of(uuid),
	public.can_see_meetup(uuid, public.meetup_audience),
	public.meetup_counts(uuid)
	from public;
grant execute on function
	public.is_host_or_moderator(uuid),
	public.is_active_in_organisation_of(uuid),
	public.can_see_meetup(uuid, public.meetup_audience),
	public.meetup_counts(uuid)
	to anon, authenticated;
