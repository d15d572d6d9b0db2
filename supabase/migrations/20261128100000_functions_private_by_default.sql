-- The database is exposed on purpose. PostgREST serves every function in `public` that the
-- API roles may execute, and Postgres lets everyone execute a new function unless told
-- otherwise; so far each migration revoked what it remembered to. From here on:
--
-- * Helpers, predicates and trigger functions live in schema `private`, which PostgREST does
--   not expose. `public` holds only the functions the app calls with rpc().
-- * New functions are executable by nobody but their owner (and service_role, as Supabase
--   sets it up): each callable function is granted explicitly next to its definition.
-- * The API roles lose table privileges that Row Level Security does not govern (truncate,
--   references, trigger, maintain) and those no policy or path of the app uses.
-- * Every foreign key has an index.
--
-- `alter function … set schema` keeps the oid, so policies and triggers follow the function.
-- Function bodies name their helpers as text, so every function that called a moved helper is
-- created again below with the new name and an otherwise unchanged body. The current
-- definition of any function is in supabase/schema.sql (`npm run db:schema`).

-- Helpers move ----------------------------------------------------------------------------------

create schema private;

-- Policies run their predicates under the caller's rights, so the API roles need to reach
-- into the schema; which functions they may run there is granted one by one below.
grant usage on schema private to anon, authenticated;

alter function public.is_active_member(uuid) set schema private;
alter function public.is_moderator(uuid) set schema private;
alter function public.is_only_moderator(uuid, uuid) set schema private;
alter function public.is_host_or_moderator(uuid) set schema private;
alter function public.is_active_in_organisation_of(uuid) set schema private;
alter function public.can_see_meetup(uuid, public.meetup_audience) set schema private;
alter function public.is_my_membership(uuid) set schema private;
alter function public.shown_author(uuid, uuid, uuid) set schema private;
alter function public.assert_meetup_valid(
	text, text, timestamptz, timestamptz, text, text, text, text[], integer
) set schema private;
alter function public.fill_from_waiting_list(uuid) set schema private;
alter function public.record_rsvp(
	uuid, uuid, uuid, public.rsvp_status, integer, boolean, boolean, text
) set schema private;
alter function public.series_dates(date, public.meetup_repeat, date) set schema private;
alter function public.brussels_instant(date, time) set schema private;
alter function public.meetup_audience_to_notify(uuid) set schema private;
alter function public.reminder_due_from(timestamptz) set schema private;
alter function public.create_due_reminders(uuid, timestamptz) set schema private;
alter function public.send_due_reminders() set schema private;

alter function public.touch_updated_at() set schema private;
alter function public.create_profile_for_new_user() set schema private;
alter function public.free_place_of_withdrawn_rsvp() set schema private;
alter function public.withdraw_rsvps_of_departed_member() set schema private;
alter function public.notify_promotion() set schema private;
alter function public.notify_meetup_change() set schema private;

-- Callers name them in private ------------------------------------------------------------------

create or replace function public.add_member_without_phone(target_group uuid, nickname text)
returns uuid
language plpgsql security definer
set search_path = ''
as $$
declare
	member uuid;
begin
	if not private.is_host_or_moderator(target_group) then raise exception 'not_allowed'; end if;
	if char_length(btrim(coalesce(nickname, ''))) not between 1 and 40 then
		raise exception 'nickname_invalid';
	end if;
	-- One entry per name: the same name again is the same person (and makes a retry harmless).
	-- The group row lock keeps two hosts adding the same name at once from making two.
	perform 1 from public.groups g where g.id = target_group for update;
	select gm.id into member from public.group_members gm
	where gm.group_id = target_group and gm.user_id is null and gm.status = 'active'
		and lower(gm.nickname) = lower(btrim(add_member_without_phone.nickname))
	order by gm.created_at
	limit 1;
	if member is null then
		insert into public.group_members (group_id, user_id, nickname, status, joined_at)
		values (target_group, null, btrim(add_member_without_phone.nickname), 'active', now())
		returning id into member;
	end if;
	return member;
end;
$$;

create or replace function public.add_reaction(
	client_id uuid,
	post uuid,
	comment uuid,
	kind public.reaction_kind
)
returns void
language plpgsql security definer
set search_path = ''
as $$
declare
	target_group uuid;
begin
	if (post is null) = (comment is null) then raise exception 'not_allowed'; end if;
	select coalesce(
		(select group_id from public.posts where id = post and deleted_at is null),
		(select group_id from public.comments where id = comment and deleted_at is null)
	) into target_group;
	if target_group is null or not private.is_active_member(target_group) then
		raise exception 'not_allowed';
	end if;
	insert into public.reactions (group_id, post_id, comment_id, user_id, kind, client_id)
	values (target_group, post, comment, auth.uid(), kind, client_id)
	on conflict do nothing;
end;
$$;

create or replace function public.add_walk_in(meetup uuid, nickname text)
returns uuid
language plpgsql security definer
set search_path = ''
as $$
declare
	target public.meetups;
	member uuid;
begin
	select * into target from public.meetups m where m.id = meetup;
	if not found or not private.is_host_or_moderator(target.group_id) then
		raise exception 'not_allowed';
	end if;
	if target.status = 'cancelled' then raise exception 'meetup_cancelled'; end if;
	member := public.add_member_without_phone(target.group_id, nickname);
	insert into public.attendance (meetup_id, member_id, checked_in_by, walk_in)
	values (meetup, member, auth.uid(), true)
	on conflict (meetup_id, member_id) do nothing;
	return member;
end;
$$;

create or replace function public.answers_to_me(max_rows integer default 5)
returns table (
	comment_id uuid,
	post_id uuid,
	group_id uuid,
	group_name text,
	post_body text,
	body text,
	anonymous boolean,
	author_name text,
	created_at timestamptz
)
language sql stable
set search_path = ''
as $$
	select c.id, p.id, p.group_id, g.name, p.body, c.body, c.anonymous,
		private.shown_author(c.group_id, c.author_id, ca.author_id), c.created_at
	from public.post_authors mine
	join public.posts p on p.id = mine.post_id and p.deleted_at is null
	join public.comments c on c.post_id = p.id and c.deleted_at is null
	join public.groups g on g.id = p.group_id
	left join public.comment_authors ca on ca.comment_id = c.id
	where mine.author_id = (select auth.uid())
		and c.author_id is distinct from mine.author_id
		and (ca.author_id is null or ca.author_id <> mine.author_id)
		and c.created_at > now() - interval '30 days'
	order by c.created_at desc
	limit least(greatest(max_rows, 1), 20)
$$;

create or replace function public.cancel_meetup(meetup uuid)
returns void
language plpgsql security definer
set search_path = ''
as $$
declare
	target public.meetups;
begin
	select * into target from public.meetups m where m.id = meetup for update;
	if not found or not private.is_host_or_moderator(target.group_id) then
		raise exception 'not_allowed';
	end if;
	if target.status <> 'cancelled' then
		update public.meetups m set status = 'cancelled', updated_at = now() where m.id = meetup;
	end if;
end;
$$;

create or replace function public.cancel_meetup_series(meetup uuid)
returns void
language plpgsql security definer
set search_path = ''
as $$
declare
	target public.meetups;
begin
	select * into target from public.meetups m where m.id = meetup;
	if not found or not private.is_host_or_moderator(target.group_id) then
		raise exception 'not_allowed';
	end if;
	if target.series_id is null then raise exception 'not_in_a_series'; end if;
	perform 1 from public.meetup_series s where s.id = target.series_id for update;
	update public.meetups m set status = 'cancelled', updated_at = now()
	where m.series_id = target.series_id and m.status = 'scheduled'
		and m.starts_at >= target.starts_at and (m.id = meetup or m.starts_at > now());
end;
$$;

create or replace function public.check_in(meetup uuid, member uuid)
returns void
language plpgsql security definer
set search_path = ''
as $$
declare
	target public.meetups;
begin
	select * into target from public.meetups m where m.id = meetup;
	if not found or not private.is_host_or_moderator(target.group_id) then
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

create or replace function public.create_claim_invite(member uuid)
returns text
language plpgsql security definer
set search_path = ''
as $$
declare
	target public.group_members;
	new_code text;
begin
	select * into target from public.group_members gm where gm.id = member for update;
	if not found or not private.is_moderator(target.group_id) then raise exception 'not_allowed'; end if;
	if target.user_id is not null or target.status <> 'active' then raise exception 'not_claimable'; end if;
	update public.invites i set revoked_at = now()
	where i.claims_member = member and i.revoked_at is null;
	insert into public.invites (group_id, created_by, expires_at, max_uses, claims_member)
	values (target.group_id, auth.uid(), now() + interval '30 days', 1, member)
	returning invites.code into new_code;
	return new_code;
end;
$$;

create or replace function public.create_comment(
	client_id uuid,
	post uuid,
	body text,
	anonymous boolean
)
returns uuid
language plpgsql security definer
set search_path = ''
as $$
declare
	me uuid := auth.uid();
	target_group uuid;
	existing uuid;
	created uuid;
begin
	if me is null or client_id is null then raise exception 'not_allowed'; end if;
	select comment_id into existing from public.comment_authors a
	where a.author_id = me and a.client_id = create_comment.client_id;
	if found then return existing; end if;
	select group_id into target_group from public.posts where id = post and deleted_at is null;
	if target_group is null or not private.is_active_member(target_group) then
		raise exception 'not_allowed';
	end if;

	insert into public.comments (post_id, group_id, author_id, body, anonymous)
	values (post, target_group, case when anonymous then null else me end, btrim(body), anonymous)
	returning id into created;
	insert into public.comment_authors (comment_id, author_id, client_id) values (created, me, client_id);
	return created;
exception when unique_violation then
	select comment_id into existing from public.comment_authors a
	where a.author_id = me and a.client_id = create_comment.client_id;
	return existing;
end;
$$;

create or replace function public.create_invite(
	target_group uuid,
	expires_at timestamptz,
	max_uses integer
)
returns public.invites
language plpgsql security definer
set search_path = ''
as $$
declare
	created public.invites;
begin
	if not private.is_moderator(target_group) then raise exception 'not_allowed'; end if;
	if expires_at is null or expires_at <= now() or expires_at > now() + interval '1 year' then
		raise exception 'invite_expiry_invalid';
	end if;
	if max_uses is null or max_uses not between 1 and 1000 then raise exception 'invite_uses_invalid'; end if;
	insert into public.invites (group_id, created_by, expires_at, max_uses)
	values (target_group, auth.uid(), create_invite.expires_at, create_invite.max_uses)
	returning * into created;
	return created;
end;
$$;

create or replace function public.create_meetup(
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
)
returns uuid
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
	if not private.is_host_or_moderator(target_group) then raise exception 'not_allowed'; end if;
	perform private.assert_meetup_valid(
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

create or replace function public.create_meetup_series(
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
	capacity integer,
	repeat public.meetup_repeat,
	repeat_until date
)
returns uuid
language plpgsql security definer
set search_path = ''
as $$
declare
	me uuid := auth.uid();
	existing uuid;
	series uuid;
	first_on date := (starts_at at time zone 'Europe/Brussels')::date;
	wall_start time := (starts_at at time zone 'Europe/Brussels')::time;
	wall_length interval := (ends_at at time zone 'Europe/Brussels') - (starts_at at time zone 'Europe/Brussels');
	first_meetup uuid;
begin
	if me is null or client_id is null then raise exception 'not_allowed'; end if;
	select m.id into existing from public.meetups m
	where m.created_by = me and m.client_id = create_meetup_series.client_id;
	if found then return existing; end if;
	if not private.is_host_or_moderator(target_group) then raise exception 'not_allowed'; end if;
	perform private.assert_meetup_valid(
		title, description, starts_at, ends_at, place, online_url, cost, languages, capacity
	);
	if starts_at <= now() then raise exception 'meetup_in_the_past'; end if;
	if repeat is null or repeat_until is null or repeat_until < first_on
		or repeat_until > first_on + interval '1 year' then
		raise exception 'meetup_repeat_until_invalid';
	end if;

	insert into public.meetup_series (group_id, repeat, first_on, repeat_until, created_by)
	values (target_group, repeat, first_on, repeat_until, me)
	returning id into series;

	insert into public.meetups (
		group_id, series_id, occurrence_on, title, description, starts_at, ends_at, place,
		online_url, cost, childcare, transport_help, wheelchair_access, languages, open_to, capacity,
		created_by, client_id
	)
	select target_group, series, d, btrim(title), coalesce(btrim(description), ''),
		private.brussels_instant(d, wall_start),
		((d + wall_start) + wall_length) at time zone 'Europe/Brussels',
		nullif(btrim(place), ''), nullif(btrim(online_url), ''), nullif(btrim(cost), ''),
		coalesce(childcare, false), coalesce(transport_help, false), coalesce(wheelchair_access, false),
		coalesce(languages, '{}'), coalesce(open_to, 'group'), capacity, me,
		-- The first occurrence carries the request's client id, so a retry finds it.
		case when d = first_on then client_id end
	from private.series_dates(first_on, repeat, repeat_until) d;

	select m.id into first_meetup from public.meetups m
	where m.series_id = series and m.occurrence_on = first_on;
	return first_meetup;
exception when unique_violation then
	select m.id into existing from public.meetups m
	where m.created_by = me and m.client_id = create_meetup_series.client_id;
	return existing;
end;
$$;

create or replace function public.create_post(
	client_id uuid,
	target_group uuid,
	kind public.post_kind,
	body text,
	anonymous boolean
)
returns uuid
language plpgsql security definer
set search_path = ''
as $$
declare
	me uuid := auth.uid();
	existing uuid;
	created uuid;
begin
	if me is null or client_id is null then raise exception 'not_allowed'; end if;
	select post_id into existing from public.post_authors a
	where a.author_id = me and a.client_id = create_post.client_id;
	if found then return existing; end if;
	if not private.is_active_member(target_group) then raise exception 'not_allowed'; end if;

	insert into public.posts (group_id, author_id, kind, body, anonymous)
	values (target_group, case when anonymous then null else me end, kind, btrim(body), anonymous)
	returning id into created;
	insert into public.post_authors (post_id, author_id, client_id) values (created, me, client_id);
	return created;
exception when unique_violation then
	-- The same write arrived twice at the same moment: answer with the first.
	select post_id into existing from public.post_authors a
	where a.author_id = me and a.client_id = create_post.client_id;
	return existing;
end;
$$;

create or replace function public.decide_join_request(member uuid, approve boolean)
returns void
language plpgsql security definer
set search_path = ''
as $$
declare
	request public.group_members;
begin
	select * into request from public.group_members where id = member for update;
	if not found or not private.is_moderator(request.group_id) then raise exception 'not_allowed'; end if;
	if request.status <> 'pending' then raise exception 'not_pending'; end if;
	if approve then
		update public.group_members set status = 'active', joined_at = now() where id = member;
	else
		delete from public.group_members where id = member;
	end if;
end;
$$;

create or replace function public.delete_my_account()
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
	delete from public.posts p using public.post_authors a where a.post_id = p.id and a.author_id = me;
	delete from public.comments c using public.comment_authors a where a.comment_id = c.id and a.author_id = me;
	-- The rest follows by its foreign keys (on delete cascade / set null).
	delete from auth.users where id = me;
end;
$$;

create or replace function public.edit_comment(comment uuid, body text)
returns void
language plpgsql security definer
set search_path = ''
as $$
begin
	update public.comments c set body = btrim(edit_comment.body), edited_at = now()
	where c.id = comment and c.deleted_at is null
		and private.is_active_member(c.group_id)
		and exists (select 1 from public.comment_authors a where a.comment_id = c.id and a.author_id = auth.uid());
	if not found then raise exception 'not_allowed'; end if;
end;
$$;

create or replace function public.edit_post(post uuid, kind public.post_kind, body text)
returns void
language plpgsql security definer
set search_path = ''
as $$
begin
	update public.posts p set kind = edit_post.kind, body = btrim(edit_post.body), edited_at = now()
	where p.id = post and p.deleted_at is null
		and private.is_active_member(p.group_id)
		and exists (select 1 from public.post_authors a where a.post_id = p.id and a.author_id = auth.uid());
	if not found then raise exception 'not_allowed'; end if;
end;
$$;

create or replace function public.leave_group(target_group uuid)
returns void
language plpgsql security definer
set search_path = ''
as $$
begin
	if private.is_only_moderator(target_group, auth.uid()) then raise exception 'last_moderator'; end if;
	update public.group_members set status = 'left'
	where group_id = target_group and user_id = auth.uid() and status in ('active', 'pending');
	if not found then raise exception 'not_a_member'; end if;
end;
$$;

create or replace function public.meetup_cards(
	target_group uuid default null,
	only_meetup uuid default null,
	only_mine boolean default false,
	max_rows integer default 20
)
returns table (
	id uuid,
	group_id uuid,
	group_name text,
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
	capacity integer,
	status public.meetup_status,
	going integer,
	maybe integer,
	waiting integer,
	my_status public.rsvp_status,
	my_childcare_children integer,
	my_transport_help boolean,
	my_cost_is_a_problem boolean,
	my_note text,
	my_waiting_place integer,
	i_am_member boolean,
	i_host boolean
)
language sql stable security definer
set search_path = ''
as $$
	with mine as (
		select r.* from public.rsvps r
		join public.group_members gm on gm.id = r.member_id
		where gm.user_id = (select auth.uid())
	), chosen as (
		select m.* from public.meetups m
		where (select auth.uid()) is not null
			and (target_group is null or m.group_id = target_group)
			and (only_meetup is null or m.id = only_meetup)
			-- A single meetup is shown also after it ended; lists show what is still to come.
			and (only_meetup is not null or m.ends_at > now())
			and (not only_mine or (
				(private.is_active_member(m.group_id)
					or m.id in (select meetup_id from mine where mine.status <> 'not_going'))
				and m.id not in (select meetup_id from mine where mine.status = 'not_going')
			))
			and private.can_see_meetup(m.group_id, m.open_to)
		order by m.starts_at, m.id
		limit least(greatest(max_rows, 1), 50)
	)
	select c.id, c.group_id, g.name, c.title, c.description, c.starts_at, c.ends_at, c.place,
		c.online_url, c.cost, c.childcare, c.transport_help, c.wheelchair_access, c.languages,
		c.open_to, c.capacity, c.status,
		counts.going, counts.maybe, counts.waiting,
		me.status, me.childcare_children, me.transport_help, me.cost_is_a_problem, me.note,
		case when me.status = 'waiting' then (
			select count(*)::integer from public.rsvps ahead
			where ahead.meetup_id = c.id and ahead.status = 'waiting'
				and (ahead.waitlisted_at, ahead.id) <= (me.waitlisted_at, me.id)
		) end,
		private.is_active_member(c.group_id),
		private.is_host_or_moderator(c.group_id)
	from chosen c
	join public.groups g on g.id = c.group_id
	cross join lateral (
		select
			count(*) filter (where r.status = 'going')::integer as going,
			count(*) filter (where r.status = 'maybe')::integer as maybe,
			count(*) filter (where r.status = 'waiting')::integer as waiting
		from public.rsvps r where r.meetup_id = c.id
	) counts
	left join lateral (
		select * from mine where mine.meetup_id = c.id order by mine.updated_at desc limit 1
	) me on true
	order by c.starts_at, c.id
$$;

create or replace function public.meetup_counts(meetup uuid)
returns table (
	going integer,
	maybe integer,
	waiting integer
)
language sql stable security definer
set search_path = ''
as $$
	select
		count(*) filter (where r.status = 'going')::integer,
		count(*) filter (where r.status = 'maybe')::integer,
		count(*) filter (where r.status = 'waiting')::integer
	from public.meetups m
	left join public.rsvps r on r.meetup_id = m.id
	where m.id = meetup and private.can_see_meetup(m.group_id, m.open_to)
	group by m.id
$$;

create or replace function public.my_notifications(
	before timestamptz default null,
	max_rows integer default 50
)
returns table (
	id uuid,
	kind public.notification_kind,
	created_at timestamptz,
	read_at timestamptz,
	meetup_id uuid,
	meetup_title text,
	meetup_starts_at timestamptz,
	meetup_ends_at timestamptz,
	meetup_status public.meetup_status
)
language plpgsql security definer
set search_path = ''
as $$
declare
	me uuid := auth.uid();
begin
	if me is null then raise exception 'not_signed_in'; end if;
	perform private.create_due_reminders(me, now());
	return query
	select n.id, n.kind, n.created_at, n.read_at, m.id, m.title, m.starts_at, m.ends_at, m.status
	from public.notifications n
	join public.meetups m on m.id = n.meetup_id
	where n.user_id = me
		and (before is null or n.created_at < before)
		and private.can_see_meetup(m.group_id, m.open_to)
	order by n.created_at desc, n.id desc
	limit least(greatest(coalesce(max_rows, 50), 1), 100);
end;
$$;

create or replace function public.notification_count()
returns integer
language plpgsql security definer
set search_path = ''
as $$
declare
	me uuid := auth.uid();
	unread integer;
begin
	if me is null then return 0; end if;
	perform private.create_due_reminders(me, now());
	select count(*) into unread
	from public.notifications n
	join public.meetups m on m.id = n.meetup_id
	where n.user_id = me and n.read_at is null and private.can_see_meetup(m.group_id, m.open_to);
	return unread;
end;
$$;

create or replace function public.pin_post(post uuid, pinned boolean)
returns void
language plpgsql security definer
set search_path = ''
as $$
begin
	update public.posts p set pinned_at = case when pinned then coalesce(pinned_at, now()) end
	where p.id = post and p.deleted_at is null and private.is_moderator(p.group_id);
	if not found then raise exception 'not_allowed'; end if;
end;
$$;

create or replace function public.remove_member(member uuid)
returns void
language plpgsql security definer
set search_path = ''
as $$
declare
	target public.group_members;
begin
	select * into target from public.group_members where id = member for update;
	if not found or not private.is_moderator(target.group_id) then raise exception 'not_allowed'; end if;
	if target.user_id = auth.uid() then raise exception 'not_allowed'; end if;
	update public.group_members set status = 'removed', role = 'member' where id = member;
end;
$$;

create or replace function public.revoke_invite(invite uuid)
returns void
language plpgsql security definer
set search_path = ''
as $$
begin
	update public.invites set revoked_at = coalesce(revoked_at, now())
	where id = invite and private.is_moderator(group_id);
	if not found then raise exception 'not_allowed'; end if;
end;
$$;

create or replace function public.rsvp(
	client_id uuid,
	meetup uuid,
	status public.rsvp_status,
	childcare_children integer,
	transport_help boolean,
	cost_is_a_problem boolean,
	note text
)
returns public.rsvp_status
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
	if exists (
		select 1 from public.group_members gm
		where gm.group_id = target.group_id and gm.user_id = auth.uid() and gm.status = 'removed'
	) then
		raise exception 'not_allowed';
	end if;
	-- One answer per person: the one already given, through a membership that may still answer.
	select gm.id into member from public.rsvps r
	join public.group_members gm on gm.id = r.member_id
	join public.groups g on g.id = gm.group_id
	join public.groups t on t.organisation_id = g.organisation_id
	where r.meetup_id = target.id and t.id = target.group_id
		and gm.user_id = auth.uid() and gm.status = 'active'
		and (gm.group_id = target.group_id or target.open_to <> 'group')
	order by r.created_at
	limit 1;
	if member is null then
		select gm.id into member from public.group_members gm
		where gm.group_id = target.group_id and gm.user_id = auth.uid() and gm.status = 'active';
	end if;
	if member is null and target.open_to <> 'group' then
		select gm.id into member from public.group_members gm
		join public.groups g on g.id = gm.group_id
		join public.groups t on t.organisation_id = g.organisation_id
		where t.id = target.group_id and gm.user_id = auth.uid() and gm.status = 'active'
		order by gm.created_at
		limit 1;
	end if;
	if member is null then raise exception 'not_allowed'; end if;
	return private.record_rsvp(
		meetup, member, rsvp.client_id, rsvp.status, rsvp.childcare_children, rsvp.transport_help,
		rsvp.cost_is_a_problem, rsvp.note
	);
end;
$$;

create or replace function public.rsvp_for_member(
	client_id uuid,
	meetup uuid,
	member uuid,
	status public.rsvp_status,
	childcare_children integer,
	transport_help boolean,
	cost_is_a_problem boolean,
	note text
)
returns public.rsvp_status
language plpgsql security definer
set search_path = ''
as $$
declare
	target public.meetups;
begin
	select * into target from public.meetups m where m.id = meetup;
	if not found or not private.is_host_or_moderator(target.group_id) then
		raise exception 'not_allowed';
	end if;
	if not exists (
		select 1 from public.group_members gm
		where gm.id = member and gm.group_id = target.group_id and gm.user_id is null
			and gm.status = 'active'
	) then
		raise exception 'not_allowed';
	end if;
	return private.record_rsvp(
		meetup, member, rsvp_for_member.client_id, rsvp_for_member.status,
		rsvp_for_member.childcare_children, rsvp_for_member.transport_help,
		rsvp_for_member.cost_is_a_problem, rsvp_for_member.note
	);
end;
$$;

create or replace function public.set_member_role(member uuid, new_role public.member_role)
returns void
language plpgsql security definer
set search_path = ''
as $$
declare
	target public.group_members;
begin
	select * into target from public.group_members where id = member for update;
	if not found or not private.is_moderator(target.group_id) then raise exception 'not_allowed'; end if;
	if target.status <> 'active' then raise exception 'not_a_member'; end if;
	-- A group always keeps at least one moderator.
	if target.role = 'moderator' and new_role <> 'moderator' and not exists (
		select 1 from public.group_members
		where group_id = target.group_id and role = 'moderator' and status = 'active' and id <> member
	) then
		raise exception 'last_moderator';
	end if;
	update public.group_members set role = new_role where id = member;
end;
$$;

create or replace function public.undo_check_in(meetup uuid, member uuid)
returns void
language plpgsql security definer
set search_path = ''
as $$
declare
	target public.meetups;
begin
	select * into target from public.meetups m where m.id = meetup;
	if not found or not private.is_host_or_moderator(target.group_id) then
		raise exception 'not_allowed';
	end if;
	delete from public.attendance a where a.meetup_id = meetup and a.member_id = member;
end;
$$;

create or replace function public.update_meetup(
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
)
returns void
language plpgsql security definer
set search_path = ''
as $$
declare
	target public.meetups;
begin
	select * into target from public.meetups m where m.id = meetup for update;
	if not found or not private.is_host_or_moderator(target.group_id) then
		raise exception 'not_allowed';
	end if;
	if target.status = 'cancelled' then raise exception 'meetup_cancelled'; end if;
	perform private.assert_meetup_valid(
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
	perform private.fill_from_waiting_list(meetup);
end;
$$;

create or replace function public.update_meetup_series(
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
	capacity integer,
	repeat_until date
)
returns void
language plpgsql security definer
set search_path = ''
as $$
declare
	target public.meetups;
	series public.meetup_series;
	wall_start time := (starts_at at time zone 'Europe/Brussels')::time;
	wall_length interval := (ends_at at time zone 'Europe/Brussels') - (starts_at at time zone 'Europe/Brussels');
	changed uuid;
begin
	select * into target from public.meetups m where m.id = meetup;
	if not found or not private.is_host_or_moderator(target.group_id) then
		raise exception 'not_allowed';
	end if;
	if target.series_id is null then raise exception 'not_in_a_series'; end if;
	-- One series edit at a time; each occurrence is then locked as it is changed.
	select * into series from public.meetup_series s where s.id = target.series_id for update;
	if target.status = 'cancelled' then raise exception 'meetup_cancelled'; end if;
	perform private.assert_meetup_valid(
		title, description, starts_at, ends_at, place, online_url, cost, languages, capacity
	);
	if (starts_at at time zone 'Europe/Brussels')::date
		<> (target.starts_at at time zone 'Europe/Brussels')::date then
		raise exception 'meetup_series_day_change';
	end if;
	if repeat_until is null or repeat_until < target.occurrence_on
		or repeat_until > target.occurrence_on + interval '1 year' then
		raise exception 'meetup_repeat_until_invalid';
	end if;

	-- Past the new end: gone when nobody answered, cancelled (and so announced) otherwise.
	delete from public.meetups m
	where m.series_id = series.id and m.occurrence_on > repeat_until and m.starts_at > now()
		and not exists (select 1 from public.rsvps r where r.meetup_id = m.id);
	update public.meetups m set status = 'cancelled', updated_at = now()
	where m.series_id = series.id and m.occurrence_on > repeat_until and m.starts_at > now()
		and m.status = 'scheduled';

	for changed in
		select m.id from public.meetups m
		where m.series_id = series.id and m.status = 'scheduled'
			and m.occurrence_on between target.occurrence_on and repeat_until
			and m.starts_at >= target.starts_at
		order by m.starts_at
		for update
	loop
		update public.meetups m set
			title = btrim(update_meetup_series.title),
			description = coalesce(btrim(update_meetup_series.description), ''),
			starts_at = private.brussels_instant((m.starts_at at time zone 'Europe/Brussels')::date, wall_start),
			ends_at = (((m.starts_at at time zone 'Europe/Brussels')::date + wall_start) + wall_length)
				at time zone 'Europe/Brussels',
			place = nullif(btrim(update_meetup_series.place), ''),
			online_url = nullif(btrim(update_meetup_series.online_url), ''),
			cost = nullif(btrim(update_meetup_series.cost), ''),
			childcare = coalesce(update_meetup_series.childcare, false),
			transport_help = coalesce(update_meetup_series.transport_help, false),
			wheelchair_access = coalesce(update_meetup_series.wheelchair_access, false),
			languages = coalesce(update_meetup_series.languages, '{}'),
			open_to = coalesce(update_meetup_series.open_to, 'group'),
			capacity = update_meetup_series.capacity,
			updated_at = now()
		where m.id = changed;
		perform private.fill_from_waiting_list(changed);
	end loop;

	-- New dates up to the new end, in the future only; dates the series already has (also
	-- moved or cancelled occurrences) are not made again.
	insert into public.meetups (
		group_id, series_id, occurrence_on, title, description, starts_at, ends_at, place,
		online_url, cost, childcare, transport_help, wheelchair_access, languages, open_to, capacity,
		created_by
	)
	select target.group_id, series.id, d, btrim(title), coalesce(btrim(description), ''),
		private.brussels_instant(d, wall_start),
		((d + wall_start) + wall_length) at time zone 'Europe/Brussels',
		nullif(btrim(place), ''), nullif(btrim(online_url), ''), nullif(btrim(cost), ''),
		coalesce(childcare, false), coalesce(transport_help, false), coalesce(wheelchair_access, false),
		coalesce(languages, '{}'), coalesce(open_to, 'group'), capacity, auth.uid()
	from private.series_dates(series.first_on, series.repeat, repeat_until) d
	where d > target.occurrence_on and private.brussels_instant(d, wall_start) > now()
	on conflict (series_id, occurrence_on) do nothing;

	update public.meetup_series s set repeat_until = update_meetup_series.repeat_until
	where s.id = series.id;
end;
$$;

create or replace function private.can_see_meetup(
	target_group uuid,
	audience public.meetup_audience
)
returns boolean
language sql stable
set search_path = ''
as $$
	select audience = 'public'
		or private.is_active_member(target_group)
		or (audience = 'organisation' and private.is_active_in_organisation_of(target_group))
$$;

create or replace function private.create_due_reminders(person uuid, at timestamptz)
returns integer
language plpgsql security definer
set search_path = ''
as $$
declare
	written integer;
begin
	insert into public.notifications (user_id, kind, meetup_id)
	select distinct gm.user_id, 'reminder'::public.notification_kind, m.id
	from public.group_members gm
	join public.rsvps r on r.member_id = gm.id
	join public.meetups m on m.id = r.meetup_id
	where (person is null or gm.user_id = person)
		and gm.user_id is not null
		and gm.status = 'active'
		and r.status = 'going'
		and m.status = 'scheduled'
		-- The window is at most 49 hours long (a day, the rest of the day before, one DST hour).
		and m.starts_at > at and m.starts_at <= at + interval '49 hours'
		and private.reminder_due_from(m.starts_at) <= at
	on conflict (user_id, meetup_id) where kind = 'reminder' do nothing;
	get diagnostics written = row_count;
	return written;
end;
$$;

create or replace function private.free_place_of_withdrawn_rsvp()
returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
	if old.status <> 'going' then return null; end if;
	-- A meetup that is being deleted, has started or was cancelled has no place to hand on.
	perform 1 from public.meetups m
	where m.id = old.meetup_id and m.status = 'scheduled' and m.starts_at > now()
	for update;
	if found then perform private.fill_from_waiting_list(old.meetup_id); end if;
	return null;
end;
$$;

create or replace function private.notify_meetup_change()
returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
	-- Tidying up a meetup that is over (its times, or cancelling it afterwards) is news to no one.
	if greatest(old.ends_at, new.ends_at) <= now() then return null; end if;
	if new.status = 'cancelled' and old.status <> 'cancelled' then
		insert into public.notifications (user_id, kind, meetup_id)
		select a.user_id, 'cancelled', new.id from private.meetup_audience_to_notify(new.id) a;
	elsif new.status = 'scheduled' and (
		new.starts_at is distinct from old.starts_at
		or new.ends_at is distinct from old.ends_at
		or new.place is distinct from old.place
		or new.online_url is distinct from old.online_url
	) then
		insert into public.notifications (user_id, kind, meetup_id)
		select a.user_id, 'changed', new.id from private.meetup_audience_to_notify(new.id) a
		on conflict (user_id, meetup_id) where kind = 'changed' and read_at is null
		do update set created_at = now();
		-- A reminder belongs to the day it was for: on a new day, a new reminder.
		if new.starts_at is distinct from old.starts_at then
			delete from public.notifications n where n.meetup_id = new.id and n.kind = 'reminder';
		end if;
	end if;
	return null;
end;
$$;

create or replace function private.record_rsvp(
	target_meetup uuid,
	member uuid,
	request_client_id uuid,
	requested public.rsvp_status,
	children integer,
	needs_transport boolean,
	cost_problem boolean,
	note_text text
)
returns public.rsvp_status
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
		perform private.fill_from_waiting_list(target_meetup);
	end if;
	return outcome;
end;
$$;

create or replace function private.send_due_reminders()
returns integer
language sql security definer
set search_path = ''
as $$
	select private.create_due_reminders(null, now())
$$;

-- The host pages ask whether the signed-in person hosts or moderates a group (the database
-- functions check it again for every change); policies use the private predicate.
create function public.is_host_or_moderator(target_group uuid)
returns boolean
language sql stable
set search_path = ''
as $$
	select private.is_host_or_moderator(target_group)
$$;

-- pg_cron keeps one job per name: scheduling the same name again replaces its command.
do $$
begin
	if exists (select from pg_extension where extname = 'pg_cron') then
		perform cron.schedule(
			'kring-send-due-reminders', '*/15 * * * *', 'select private.send_due_reminders()'
		);
	end if;
end
$$;

-- Functions: executable by nobody unless granted -------------------------------------------------

-- Without `in schema` this changes the built-in default that gives every new function to
-- PUBLIC; the per-schema lines take away what Supabase's project setup grants the API roles.
alter default privileges for role postgres revoke execute on functions from public;
alter default privileges for role postgres in schema public
	revoke execute on functions from anon, authenticated;
alter default privileges for role postgres in schema private
	revoke execute on functions from anon, authenticated;

revoke execute on all functions in schema public from public, anon, authenticated;
revoke execute on all functions in schema private from public, anon, authenticated;

-- What the app calls with rpc(). Signed-out visitors only preview an invite, read a
-- calendar feed by its secret, and count the answers to a public meetup.
grant execute on function
	public.invite_preview(text),
	public.calendar_feed(text),
	public.meetup_counts(uuid)
	to anon, authenticated;
grant execute on function
	public.accept_invite(text, text, boolean),
	public.add_member_without_phone(uuid, text),
	public.add_reaction(uuid, uuid, uuid, public.reaction_kind),
	public.add_walk_in(uuid, text),
	public.answers_to_me(integer),
	public.cancel_meetup(uuid),
	public.cancel_meetup_series(uuid),
	public.check_in(uuid, uuid),
	public.create_calendar_feed(),
	public.create_claim_invite(uuid),
	public.create_comment(uuid, uuid, text, boolean),
	public.create_invite(uuid, timestamptz, integer),
	public.create_meetup(
		uuid, uuid, text, text, timestamptz, timestamptz, text, text, text, boolean, boolean,
		boolean, text[], public.meetup_audience, integer
	),
	public.create_meetup_series(
		uuid, uuid, text, text, timestamptz, timestamptz, text, text, text, boolean, boolean,
		boolean, text[], public.meetup_audience, integer, public.meetup_repeat, date
	),
	public.create_post(uuid, uuid, public.post_kind, text, boolean),
	public.decide_join_request(uuid, boolean),
	public.delete_comment(uuid),
	public.delete_my_account(),
	public.delete_post(uuid),
	public.edit_comment(uuid, text),
	public.edit_post(uuid, public.post_kind, text),
	public.export_my_data(),
	public.group_feed(uuid, timestamptz, uuid, integer, uuid),
	public.is_host_or_moderator(uuid),
	public.leave_group(uuid),
	public.mark_group_seen(uuid),
	public.mark_notifications_read(uuid[]),
	public.meetup_cards(uuid, uuid, boolean, integer),
	public.my_groups(),
	public.my_notifications(timestamptz, integer),
	public.notification_count(),
	public.pin_post(uuid, boolean),
	public.post_comments(uuid),
	public.remove_member(uuid),
	public.remove_reaction(uuid, uuid, public.reaction_kind),
	public.request_to_join(uuid, text, boolean),
	public.revoke_calendar_feed(),
	public.revoke_invite(uuid),
	public.rsvp(uuid, uuid, public.rsvp_status, integer, boolean, boolean, text),
	public.rsvp_for_member(uuid, uuid, uuid, public.rsvp_status, integer, boolean, boolean, text),
	public.set_member_role(uuid, public.member_role),
	public.undo_check_in(uuid, uuid),
	public.update_meetup(
		uuid, text, text, timestamptz, timestamptz, text, text, text, boolean, boolean, boolean,
		text[], public.meetup_audience, integer
	),
	public.update_meetup_series(
		uuid, text, text, timestamptz, timestamptz, text, text, text, boolean, boolean, boolean,
		text[], public.meetup_audience, integer, date
	)
	to authenticated;

-- What policies run under the caller's rights: the meetups policy is also anon's (public
-- meetups), and can_see_meetup is itself a policy helper of the caller. answers_to_me runs as
-- the caller and shows authors the way the feed does.
grant execute on function
	private.is_active_member(uuid),
	private.is_moderator(uuid),
	private.is_host_or_moderator(uuid),
	private.is_active_in_organisation_of(uuid),
	private.can_see_meetup(uuid, public.meetup_audience),
	private.is_my_membership(uuid)
	to anon, authenticated;
grant execute on function private.shown_author(uuid, uuid, uuid) to authenticated;

-- Tables: only what policies and the app use --------------------------------------------------

-- Row Level Security governs select, insert, update and delete; truncate, references, trigger
-- (and, from Postgres 17, maintain) pass it by, and the API never needs them.
revoke truncate, references, trigger on all tables in schema public from anon, authenticated;
alter default privileges for role postgres in schema public
	revoke truncate, references, trigger on tables from anon, authenticated;
do $$
begin
	if current_setting('server_version_num')::integer >= 170000 then
		execute 'revoke maintain on all tables in schema public from anon, authenticated';
		execute 'alter default privileges for role postgres in schema public
			revoke maintain on tables from anon, authenticated';
	end if;
end
$$;

-- Signed-out visitors read organisations and public meetups (with their series); no policy
-- lets them read anything else.
revoke all on
	public.attendance, public.calendar_feeds, public.comment_authors, public.comments,
	public.group_members, public.groups, public.invites, public.notifications,
	public.post_authors, public.posts, public.profiles, public.reactions, public.rsvps
	from anon;

-- A profile is made by the sign-up trigger and removed with the account; people only read and
-- change their own.
revoke insert, delete on public.profiles from authenticated;

-- Foreign keys without an index -----------------------------------------------------------------

-- Deleting an account (or a group) looks these up; without an index each is a scan.
create index invites_created_by_idx on public.invites (created_by);
create index reactions_group_id_idx on public.reactions (group_id);
create index attendance_checked_in_by_idx on public.attendance (checked_in_by);
create index meetup_series_created_by_idx on public.meetup_series (created_by);
