-- Kind actions (issue 11, part 2): what the moderators do about a signal, and the climate check.
-- Read and written only through security definer functions (a later migration): RLS on, no
-- grant to the API roles.

-- A buddy: another member the moderators ask to look after a newcomer. The buddy answers; a
-- newcomer has at most one request open or accepted at a time. A buddied newcomer is one with
-- an accepted row whose two members are both still active.
create table public.buddies (
	id uuid primary key default gen_random_uuid(),
	group_id uuid not null references public.groups (id) on delete cascade,
	newcomer_id uuid not null references public.group_members (id) on delete cascade,
	buddy_id uuid not null references public.group_members (id) on delete cascade,
	status text not null default 'asked'
		check (status in ('asked', 'accepted', 'declined', 'ended')),
	asked_by uuid references auth.users (id) on delete set null,
	client_id uuid not null,
	created_at timestamptz not null default now(),
	answered_at timestamptz,
	constraint buddies_not_oneself check (newcomer_id <> buddy_id),
	constraint buddies_asked_by_client_id_key unique (asked_by, client_id)
);
create unique index buddies_one_open_idx on public.buddies (newcomer_id)
	where status in ('asked', 'accepted');
create index buddies_newcomer_idx on public.buddies (newcomer_id, created_at desc);
create index buddies_buddy_idx on public.buddies (buddy_id, status);
create index buddies_group_idx on public.buddies (group_id);

-- The group's own words for a welcome or a check-in; no row = the app's default words.
create table public.inclusion_templates (
	group_id uuid not null references public.groups (id) on delete cascade,
	kind text not null check (kind in ('welcome', 'check_in')),
	body text not null check (char_length(btrim(body)) between 1 and 1000),
	updated_at timestamptz not null default now(),
	updated_by uuid references auth.users (id) on delete set null,
	primary key (group_id, kind)
);
create index inclusion_templates_updated_by_idx on public.inclusion_templates (updated_by);

-- What the moderators did about a member: the member sees it ("what Kring keeps about me"),
-- without who did it. A 'handled' row never holds the moderators' note (that stays in
-- inclusion_signal_handled). The things it points at may go; the line stays.
create table public.inclusion_actions (
	id uuid primary key default gen_random_uuid(),
	group_id uuid not null references public.groups (id) on delete cascade,
	member_id uuid not null references public.group_members (id) on delete cascade,
	kind text not null check (kind in ('welcome', 'check_in', 'meetup_invite', 'buddy',
		'answer_nudge', 'handled')),
	signal_kind text,
	post_id uuid references public.posts (id) on delete set null,
	meetup_id uuid references public.meetups (id) on delete set null,
	thread_id uuid references public.moderation_threads (id) on delete set null,
	buddy_id uuid references public.buddies (id) on delete set null,
	moderator_id uuid references auth.users (id) on delete set null,
	created_at timestamptz not null default now()
);
create index inclusion_actions_member_idx on public.inclusion_actions (member_id, created_at desc);
create index inclusion_actions_group_idx on public.inclusion_actions (group_id, created_at desc);
create index inclusion_actions_post_id_idx on public.inclusion_actions (post_id);
create index inclusion_actions_meetup_id_idx on public.inclusion_actions (meetup_id);
create index inclusion_actions_thread_id_idx on public.inclusion_actions (thread_id);
create index inclusion_actions_buddy_id_idx on public.inclusion_actions (buddy_id);
create index inclusion_actions_moderator_id_idx on public.inclusion_actions (moderator_id);

-- A personal invitation to a meetup; answered by the member's RSVP.
create table public.meetup_invitations (
	id uuid primary key default gen_random_uuid(),
	meetup_id uuid not null references public.meetups (id) on delete cascade,
	member_id uuid not null references public.group_members (id) on delete cascade,
	invited_by uuid references auth.users (id) on delete set null,
	client_id uuid not null,
	created_at timestamptz not null default now(),
	answered_at timestamptz,
	constraint meetup_invitations_meetup_id_member_id_key unique (meetup_id, member_id),
	constraint meetup_invitations_invited_by_client_id_key unique (invited_by, client_id)
);
create index meetup_invitations_member_idx on public.meetup_invitations (member_id, created_at desc);

-- "Would you answer Noor?": a moderator asks a member to answer a post; done once they do.
create table public.answer_requests (
	id uuid primary key default gen_random_uuid(),
	post_id uuid not null references public.posts (id) on delete cascade,
	asked_member_id uuid not null references public.group_members (id) on delete cascade,
	asked_by uuid references auth.users (id) on delete set null,
	client_id uuid not null,
	created_at timestamptz not null default now(),
	done_at timestamptz,
	constraint answer_requests_post_id_asked_member_id_key unique (post_id, asked_member_id),
	constraint answer_requests_asked_by_client_id_key unique (asked_by, client_id)
);
create index answer_requests_asked_member_idx on public.answer_requests (asked_member_id);

-- The climate check. Who was asked this month, and how the group feels, are kept with NO link
-- between them: climate_asked names the member but not the face; climate_answers holds only
-- counts per group, month and face. Every answer adds to all five counts of its month (zero to
-- four of them), so even the row versions (xmin) of one answer cannot tell which face it gave.
create table public.climate_asked (
	member_id uuid not null references public.group_members (id) on delete cascade,
	month date not null check (month = date_trunc('month', month)::date),
	primary key (member_id, month)
);

create table public.climate_answers (
	group_id uuid not null references public.groups (id) on delete cascade,
	month date not null check (month = date_trunc('month', month)::date),
	face smallint not null check (face between 1 and 5),
	answers integer not null default 0 check (answers >= 0),
	primary key (group_id, month, face)
);

alter table public.buddies enable row level security;
alter table public.inclusion_templates enable row level security;
alter table public.inclusion_actions enable row level security;
alter table public.meetup_invitations enable row level security;
alter table public.answer_requests enable row level security;
alter table public.climate_asked enable row level security;
alter table public.climate_answers enable row level security;
revoke all on public.buddies, public.inclusion_templates, public.inclusion_actions,
	public.meetup_invitations, public.answer_requests, public.climate_asked,
	public.climate_answers
	from anon, authenticated;
create policy "no one reads buddies through the API"
	on public.buddies for select to authenticated using (false);
create policy "no one reads inclusion templates through the API"
	on public.inclusion_templates for select to authenticated using (false);
create policy "no one reads inclusion actions through the API"
	on public.inclusion_actions for select to authenticated using (false);
create policy "no one reads meetup invitations through the API"
	on public.meetup_invitations for select to authenticated using (false);
create policy "no one reads answer requests through the API"
	on public.answer_requests for select to authenticated using (false);
create policy "no one reads who was asked the climate question through the API"
	on public.climate_asked for select to authenticated using (false);
create policy "no one reads climate answers through the API"
	on public.climate_answers for select to authenticated using (false);

-- Notifications of the kind actions: not every notification is about a meetup any more.
alter table public.notifications
	alter column meetup_id drop not null,
	add column group_id uuid references public.groups (id) on delete cascade,
	add column post_id uuid references public.posts (id) on delete cascade,
	add column thread_id uuid references public.moderation_threads (id) on delete cascade,
	add column buddy_id uuid references public.buddies (id) on delete cascade,
	add constraint notifications_refers_to_its_subject check (
		(kind not in ('reminder', 'promoted', 'changed', 'cancelled', 'invited')
			or meetup_id is not null)
		and (kind not in ('invited', 'answer_asked', 'buddy_asked', 'buddy_accepted',
			'moderators_wrote') or group_id is not null)
		and (kind <> 'answer_asked' or post_id is not null)
		and (kind not in ('buddy_asked', 'buddy_accepted') or buddy_id is not null)
		and (kind <> 'moderators_wrote' or thread_id is not null));
create index notifications_group_id_idx on public.notifications (group_id);
create index notifications_post_id_idx on public.notifications (post_id);
create index notifications_thread_id_idx on public.notifications (thread_id);
create index notifications_buddy_id_idx on public.notifications (buddy_id);

-- A meetup notification still needs a meetup the reader can see; one of the new kinds needs the
-- reader to be an active member of its group still.
drop policy "people read their own notifications" on public.notifications;
create policy "people read their own notifications" on public.notifications for select
	to authenticated using (
		user_id = (select auth.uid())
		and (meetup_id is null
			or exists (select 1 from public.meetups m where m.id = notifications.meetup_id))
		and (group_id is null or (select private.is_active_member(notifications.group_id))));
