-- Moderation (issue 10), the moderators' side: the queue, an item in context, the group log, a
-- thread, and the actions. Only an active moderator of the group gets anything: the page
-- functions answer null to everyone else, the actions refuse with 'not_allowed'. A moderator
-- never acts on themselves or on another moderator (that is for the organisation, later), so
-- the last moderator can never be removed; reports about a moderator are not shown to them.
-- Every action writes the log with its reason and answers the log entry's id.

-- The caller's membership as a moderator of the group, or a refusal.
create function private.acting_moderator(target_group uuid)
returns uuid
language plpgsql
stable security definer
set search_path = ''
as $$
declare
	me uuid;
begin
	select m.id into me from public.group_members m
	where m.group_id = target_group and m.user_id = (select auth.uid())
		and m.status = 'active' and m.role = 'moderator';
	if me is null then raise exception 'not_allowed'; end if;
	return me;
end;
$$;

-- A moderator may act on a member who is not themselves and not an active moderator. An item
-- whose author is gone (a deleted account) has no one to protect.
create function private.may_act_on(target public.group_members, moderator uuid)
returns boolean
language sql
immutable
set search_path = ''
as $$
	select target.id is null
		or (target.id <> moderator and not (target.status = 'active' and target.role = 'moderator'))
$$;

create function private.checked_reason(reason text)
returns text
language plpgsql
immutable
set search_path = ''
as $$
begin
	if char_length(btrim(coalesce(reason, ''))) not between 1 and 500 then
		raise exception 'reason_invalid';
	end if;
	return btrim(reason);
end;
$$;

create function private.log_moderation(
	target_group uuid,
	action public.moderation_action,
	reason text,
	post uuid default null,
	comment uuid default null,
	member uuid default null,
	muted_until timestamptz default null,
	undoes uuid default null
)
returns uuid
language sql
volatile security definer
set search_path = ''
as $$
	insert into public.moderation_log (group_id, moderator_id, action, reason, post_id, comment_id,
		member_id, muted_until, undoes)
	values (target_group, (select auth.uid()), action, reason, post, comment, member, muted_until,
		undoes)
	returning id
$$;

create function private.resolve_reports(target_group uuid, item uuid, entry uuid)
returns void
language sql
volatile security definer
set search_path = ''
as $$
	update public.reports set resolved_at = now(), resolved_by = entry
	where group_id = target_group and item_id = item and resolved_at is null
$$;

-- The author's membership of a post or an answer (also when it was posted anonymously).
create function private.post_author(post uuid)
returns public.group_members
language sql
stable security definer
set search_path = ''
as $$
	select m.* from public.posts p
	join public.post_authors pa on pa.post_id = p.id
	join public.group_members m on m.group_id = p.group_id and m.user_id = pa.author_id
	where p.id = post
$$;
create function private.comment_author(comment uuid)
returns public.group_members
language sql
stable security definer
set search_path = ''
as $$
	select m.* from public.comments c
	join public.comment_authors ca on ca.comment_id = c.id
	join public.group_members m on m.group_id = c.group_id and m.user_id = ca.author_id
	where c.id = comment
$$;

-- A member as moderators see them in the queue and the log.
create function private.member_json(member uuid)
returns jsonb
language sql
stable security definer
set search_path = ''
as $$
	select jsonb_build_object('id', m.id, 'nickname', m.nickname)
	from public.group_members m where m.id = member
$$;

create function private.thread_messages_json(thread uuid)
returns jsonb
language sql
stable security definer
set search_path = ''
as $$
	select coalesce(jsonb_agg(jsonb_build_object(
		'id', msg.id,
		'from_moderators', msg.from_moderators,
		'body', msg.body,
		'created_at', msg.created_at,
		-- Among moderators, who answered; the member never reads this.
		'by', case when msg.from_moderators then (
			select by.nickname from public.group_members by
			where by.group_id = t.group_id and by.user_id = msg.author_id
		) end
	) order by msg.created_at, msg.id), '[]')
	from public.moderation_messages msg
	join public.moderation_threads t on t.id = msg.thread_id
	where msg.thread_id = thread
$$;

-- The queue: threads first (an unanswered member's message first, "left out" before the
-- others), then the items with open reports, grouped per item, the first reported first: at
-- most 100 of them, with item_count saying how many there are (a moderator works from the top;
-- the page stays small on a phone however long the queue grows). Reports about the moderator
-- who asks are left out: they are for the other moderators. In PL/pgSQL so that PostgREST's
-- connections keep its plan (a SQL function is planned again on every call).
create function public.page_moderation_queue(target_group uuid)
returns jsonb
language plpgsql
stable security definer
set search_path = ''
as $$
begin
	return (
		with me as (
			select m.id from public.group_members m
			where m.group_id = target_group and m.user_id = (select auth.uid())
				and m.status = 'active' and m.role = 'moderator'
		), items as (
			select r.item_id, min(r.created_at) as first_reported_at, count(*)::integer as report_count
			from public.reports r
			cross join me
			where r.group_id = target_group and r.resolved_at is null
				and r.about_member is distinct from me.id
			group by r.item_id
		), first_items as (
			select * from items order by first_reported_at, item_id limit 100
		), threads as (
			select t.* from public.moderation_threads t
			cross join me
			where t.group_id = target_group and (t.to_all or t.to_moderator = me.id)
				and t.member_id <> me.id
				and (t.waiting_since is not null or t.last_message_at > now() - interval '30 days')
			order by t.waiting_since is null, t.kind <> 'left_out', t.waiting_since, t.last_message_at desc
			limit 50
		)
		select jsonb_build_object(
			'threads', coalesce((
				select jsonb_agg(jsonb_build_object(
					'id', t.id,
					'kind', t.kind,
					'member', jsonb_build_object('id', tm.id, 'nickname', tm.nickname),
					'to_me', coalesce(t.to_moderator = me.id, false),
					'created_at', t.created_at,
					'last_message_at', t.last_message_at,
					'unanswered', t.waiting_since is not null,
					'messages', messages.list
				) order by t.waiting_since is null, t.kind <> 'left_out', t.waiting_since,
					t.last_message_at desc)
				from threads t
				join public.group_members tm on tm.id = t.member_id
				cross join lateral (
					select coalesce(jsonb_agg(jsonb_build_object(
						'id', msg.id,
						'from_moderators', msg.from_moderators,
						'body', msg.body,
						'created_at', msg.created_at,
						'by', case when msg.from_moderators then (
							select by.nickname from public.group_members by
							where by.group_id = t.group_id and by.user_id = msg.author_id
						) end
					) order by msg.created_at, msg.id), '[]') as list
					from public.moderation_messages msg
					where msg.thread_id = t.id
				) messages
			), '[]'),
			'item_count', (select count(*) from items),
			'items', coalesce((
				select jsonb_agg(jsonb_build_object(
					'type', d.type,
					'id', i.item_id,
					'report_count', i.report_count,
					'reasons', to_jsonb(d.reasons),
					'words', to_jsonb(d.words),
					'first_reported_at', i.first_reported_at,
					'excerpt', left(coalesce(p.body, c.body), 200),
					'post_id', coalesce(p.id, c.post_id),
					'anonymous', coalesce(p.anonymous, c.anonymous),
					'hidden', coalesce(p.hidden_at, c.hidden_at) is not null,
					'author', case when a.id is not null then
						jsonb_build_object('id', a.id, 'nickname', a.nickname) end
				) order by i.first_reported_at, i.item_id)
				from first_items i
				-- What was reported, read for the hundred items shown only.
				cross join lateral (
					select
						case when bool_or(r.post_id is not null) then 'post'
							when bool_or(r.comment_id is not null) then 'comment' else 'member' end as type,
						(array_agg(r.about_member))[1] as about_member,
						array_agg(distinct r.reason order by r.reason) as reasons,
						coalesce(array_agg(r.body order by r.created_at) filter (where r.body is not null),
							'{}') as words
					from public.reports r
					where r.group_id = target_group and r.item_id = i.item_id and r.resolved_at is null
				) d
				-- One look-up by key per item (limit 1 keeps them look-ups: as a join the plan could
				-- read every post of the group to find a hundred).
				left join lateral (
					select p.id, p.body, p.anonymous, p.hidden_at from public.posts p
					where d.type = 'post' and p.id = i.item_id limit 1
				) p on true
				left join lateral (
					select c.post_id, c.body, c.anonymous, c.hidden_at from public.comments c
					where d.type = 'comment' and c.id = i.item_id limit 1
				) c on true
				left join public.group_members a on a.id = d.about_member
			), '[]')
		)
		from me
	);
end;
$$;
grant execute on function public.page_moderation_queue(uuid) to authenticated;

-- One item in context, with what was reported about it (never by whom) and what was done.
-- A post comes with all its answers, hidden ones included; an answer with its post and all
-- answers, the reported one marked; a member with their role, status and mute. can_act: whether
-- this moderator may act on the item (not theirs, not another moderator's).
create function public.page_moderation_item(
	target_group uuid,
	post uuid default null,
	comment uuid default null,
	member uuid default null
)
returns jsonb
language plpgsql
stable security definer
set search_path = ''
as $$
declare
	me uuid;
	item uuid := coalesce(post, comment, member);
	the_post uuid;
	about public.group_members;
begin
	select m.id into me from public.group_members m
	where m.group_id = target_group and m.user_id = (select auth.uid())
		and m.status = 'active' and m.role = 'moderator';
	if me is null or num_nonnulls(post, comment, member) <> 1 then return null; end if;

	if post is not null then
		select p.id into the_post from public.posts p where p.id = post and p.group_id = target_group;
		about := private.post_author(post);
	elsif comment is not null then
		select c.post_id into the_post from public.comments c
		where c.id = comment and c.group_id = target_group;
		about := private.comment_author(comment);
	else
		select * into about from public.group_members m
		where m.id = member and m.group_id = target_group;
		if about.id is null then return null; end if;
	end if;
	if post is not null or comment is not null then
		if the_post is null then return null; end if;
	end if;

	return jsonb_build_object(
		'type', case when post is not null then 'post' when comment is not null then 'comment'
			else 'member' end,
		'id', item,
		'can_act', private.may_act_on(about, me),
		'member', case when about.id is not null then jsonb_build_object(
			'id', about.id,
			'nickname', about.nickname,
			'role', about.role,
			'status', about.status,
			'muted_until', case when about.muted_until > now() then about.muted_until end
		) end,
		'post', (
			select jsonb_build_object(
				'id', p.id, 'kind', p.kind, 'body', p.body, 'anonymous', p.anonymous,
				'created_at', p.created_at, 'edited_at', p.edited_at,
				'deleted', p.deleted_at is not null,
				'hidden', p.hidden_at is not null, 'hidden_reason', p.hidden_reason,
				'reported', coalesce(p.id = post, false),
				'author', private.member_json((private.post_author(p.id)).id)
			)
			from public.posts p where p.id = the_post
		),
		'answers', case when the_post is not null then coalesce((
			select jsonb_agg(jsonb_build_object(
				'id', c.id, 'body', c.body, 'anonymous', c.anonymous,
				'created_at', c.created_at, 'edited_at', c.edited_at,
				'deleted', c.deleted_at is not null,
				'hidden', c.hidden_at is not null, 'hidden_reason', c.hidden_reason,
				'reported', coalesce(c.id = comment, false),
				'author', private.member_json((private.comment_author(c.id)).id)
			) order by c.created_at, c.id)
			from public.comments c
			where c.post_id = the_post and (c.deleted_at is null or c.id = comment)
		), '[]') end,
		-- What was reported, not by whom; nothing of it for the moderator it is about.
		'reports', case when about.id is distinct from me then coalesce((
			select jsonb_agg(jsonb_build_object(
				'reason', r.reason, 'words', r.body, 'created_at', r.created_at,
				'resolved_at', r.resolved_at
			) order by r.created_at, r.id)
			from public.reports r
			where r.group_id = target_group and r.item_id = item
		), '[]') else '[]' end,
		'log', coalesce((
			select jsonb_agg(jsonb_build_object(
				'id', l.id, 'action', l.action, 'reason', l.reason, 'created_at', l.created_at,
				'moderator', by.nickname, 'muted_until', l.muted_until, 'undoes', l.undoes,
				'post_id', l.post_id, 'comment_id', l.comment_id
			) order by l.created_at desc, l.id)
			from public.moderation_log l
			left join public.group_members by
				on by.group_id = l.group_id and by.user_id = l.moderator_id
			where l.group_id = target_group
				and (l.post_id = post or l.comment_id = comment or l.member_id = member)
		), '[]')
	);
end;
$$;
grant execute on function public.page_moderation_item(uuid, uuid, uuid, uuid) to authenticated;

-- The group's log, 50 entries a page, newest first; `before` is the last shown created_at.
create function public.page_moderation_log(target_group uuid, before timestamptz default null)
returns jsonb
language sql
stable security definer
set search_path = ''
as $$
	select jsonb_build_object('entries', coalesce((
		select jsonb_agg(jsonb_build_object(
			'id', l.id,
			'action', l.action,
			'reason', l.reason,
			'created_at', l.created_at,
			'moderator', by.nickname,
			'member', private.member_json(l.member_id),
			'post_id', l.post_id,
			'comment_id', l.comment_id,
			'muted_until', l.muted_until,
			'undoes', l.undoes
		) order by l.created_at desc, l.id)
		from (
			select * from public.moderation_log l
			where l.group_id = target_group and (before is null or l.created_at < before)
			order by l.created_at desc, l.id
			limit 50
		) l
		left join public.group_members by on by.group_id = l.group_id and by.user_id = l.moderator_id
	), '[]'))
	where private.is_moderator(target_group)
$$;
grant execute on function public.page_moderation_log(uuid, timestamptz) to authenticated;

-- A thread as a moderator who may read it sees it.
create function public.page_moderation_thread(thread uuid)
returns jsonb
language sql
stable security definer
set search_path = ''
as $$
	select jsonb_build_object(
		'id', t.id,
		'group_id', t.group_id,
		'kind', t.kind,
		'member', private.member_json(t.member_id),
		'to_me', coalesce(t.to_moderator = me.id, false),
		'created_at', t.created_at,
		'last_message_at', t.last_message_at,
		'unanswered', t.waiting_since is not null,
		'messages', private.thread_messages_json(t.id)
	)
	from public.moderation_threads t
	join public.group_members me on me.group_id = t.group_id
		and me.user_id = (select auth.uid()) and me.status = 'active' and me.role = 'moderator'
	where t.id = thread and (t.to_all or t.to_moderator = me.id) and t.member_id <> me.id
$$;
grant execute on function public.page_moderation_thread(uuid) to authenticated;

-- The reports on an item were looked at and nothing needs doing.
create function public.dismiss_reports(
	target_group uuid,
	reason text,
	post uuid default null,
	comment uuid default null,
	member uuid default null
)
returns uuid
language plpgsql
volatile security definer
set search_path = ''
as $$
declare
	me uuid := private.acting_moderator(target_group);
	item uuid := coalesce(post, comment, member);
	about uuid;
	entry uuid;
begin
	if num_nonnulls(post, comment, member) <> 1 then raise exception 'not_allowed'; end if;
	select r.about_member into about from public.reports r
	where r.group_id = target_group and r.item_id = item
		and r.post_id is not distinct from post and r.comment_id is not distinct from comment
		and r.member_id is not distinct from member
	limit 1;
	-- No reports on it in this group, or they are about the caller.
	if not found or about is not distinct from me then raise exception 'not_allowed'; end if;
	entry := private.log_moderation(target_group, 'dismiss', private.checked_reason(reason),
		post, comment, about);
	perform private.resolve_reports(target_group, item, entry);
	return entry;
end;
$$;
grant execute on function public.dismiss_reports(uuid, text, uuid, uuid, uuid) to authenticated;

create function public.hide_post(post uuid, reason text)
returns uuid
language plpgsql
volatile security definer
set search_path = ''
as $$
declare
	target public.posts;
	me uuid;
	author public.group_members;
	entry uuid;
begin
	select * into target from public.posts p where p.id = post and p.deleted_at is null for update;
	if not found then raise exception 'not_allowed'; end if;
	me := private.acting_moderator(target.group_id);
	author := private.post_author(post);
	if not private.may_act_on(author, me) then raise exception 'not_allowed'; end if;
	reason := private.checked_reason(reason);
	if target.hidden_at is not null then
		-- Sent twice: the first hiding stands.
		return (select l.id from public.moderation_log l
			where l.post_id = post and l.action = 'hide' order by l.created_at desc limit 1);
	end if;
	update public.posts set hidden_at = now(), hidden_reason = reason where id = post;
	entry := private.log_moderation(target.group_id, 'hide', reason, post, null, author.id);
	perform private.resolve_reports(target.group_id, post, entry);
	return entry;
end;
$$;
grant execute on function public.hide_post(uuid, text) to authenticated;

create function public.restore_post(post uuid, reason text)
returns uuid
language plpgsql
volatile security definer
set search_path = ''
as $$
declare
	target public.posts;
	me uuid;
	author public.group_members;
begin
	select * into target from public.posts p where p.id = post for update;
	if not found then raise exception 'not_allowed'; end if;
	me := private.acting_moderator(target.group_id);
	author := private.post_author(post);
	if not private.may_act_on(author, me) or target.hidden_at is null then
		raise exception 'not_allowed';
	end if;
	reason := private.checked_reason(reason);
	update public.posts set hidden_at = null, hidden_reason = null where id = post;
	return private.log_moderation(target.group_id, 'restore', reason, post, null, author.id, null, (
		select l.id from public.moderation_log l
		where l.post_id = post and l.action = 'hide' order by l.created_at desc limit 1
	));
end;
$$;
grant execute on function public.restore_post(uuid, text) to authenticated;

create function public.hide_comment(comment uuid, reason text)
returns uuid
language plpgsql
volatile security definer
set search_path = ''
as $$
declare
	target public.comments;
	me uuid;
	author public.group_members;
	entry uuid;
begin
	select * into target from public.comments c where c.id = comment and c.deleted_at is null
	for update;
	if not found then raise exception 'not_allowed'; end if;
	me := private.acting_moderator(target.group_id);
	author := private.comment_author(comment);
	if not private.may_act_on(author, me) then raise exception 'not_allowed'; end if;
	reason := private.checked_reason(reason);
	if target.hidden_at is not null then
		return (select l.id from public.moderation_log l
			where l.comment_id = comment and l.action = 'hide' order by l.created_at desc limit 1);
	end if;
	update public.comments set hidden_at = now(), hidden_reason = reason where id = comment;
	entry := private.log_moderation(target.group_id, 'hide', reason, target.post_id, comment,
		author.id);
	perform private.resolve_reports(target.group_id, comment, entry);
	return entry;
end;
$$;
grant execute on function public.hide_comment(uuid, text) to authenticated;

create function public.restore_comment(comment uuid, reason text)
returns uuid
language plpgsql
volatile security definer
set search_path = ''
as $$
declare
	target public.comments;
	me uuid;
	author public.group_members;
begin
	select * into target from public.comments c where c.id = comment for update;
	if not found then raise exception 'not_allowed'; end if;
	me := private.acting_moderator(target.group_id);
	author := private.comment_author(comment);
	if not private.may_act_on(author, me) or target.hidden_at is null then
		raise exception 'not_allowed';
	end if;
	reason := private.checked_reason(reason);
	update public.comments set hidden_at = null, hidden_reason = null where id = comment;
	return private.log_moderation(target.group_id, 'restore', reason, target.post_id, comment,
		author.id, null, (
			select l.id from public.moderation_log l
			where l.comment_id = comment and l.action = 'hide' order by l.created_at desc limit 1
		));
end;
$$;
grant execute on function public.restore_comment(uuid, text) to authenticated;

-- The member a moderator acts on: an active member of a group the caller moderates, not the
-- caller, not another moderator. Locked for the action.
create function private.member_to_act_on(member uuid)
returns public.group_members
language plpgsql
volatile security definer
set search_path = ''
as $$
declare
	target public.group_members;
	me uuid;
begin
	select * into target from public.group_members m where m.id = member for update;
	if not found then raise exception 'not_allowed'; end if;
	me := private.acting_moderator(target.group_id);
	if target.status <> 'active' or not private.may_act_on(target, me) then
		raise exception 'not_allowed';
	end if;
	return target;
end;
$$;

-- A break for 1, 7 or 30 days: the member still reads, reacts and comes to meetups, and cannot
-- post or answer. It ends by itself (muted_until); a new mute replaces the one running.
create function public.mute_member(member uuid, days integer, reason text)
returns uuid
language plpgsql
volatile security definer
set search_path = ''
as $$
declare
	target public.group_members := private.member_to_act_on(member);
	ends timestamptz;
	entry uuid;
begin
	if days is null or days not in (1, 7, 30) then raise exception 'mute_days_invalid'; end if;
	reason := private.checked_reason(reason);
	ends := now() + days * interval '1 day';
	update public.group_members set muted_until = ends where id = member;
	entry := private.log_moderation(target.group_id, 'mute', reason, null, null, member, ends);
	perform private.resolve_reports(target.group_id, member, entry);
	return entry;
end;
$$;
grant execute on function public.mute_member(uuid, integer, text) to authenticated;

create function public.unmute_member(member uuid, reason text)
returns uuid
language plpgsql
volatile security definer
set search_path = ''
as $$
declare
	target public.group_members := private.member_to_act_on(member);
begin
	if not coalesce(target.muted_until > now(), false) then raise exception 'not_allowed'; end if;
	reason := private.checked_reason(reason);
	update public.group_members set muted_until = null where id = member;
	return private.log_moderation(target.group_id, 'unmute', reason, null, null, member, null, (
		select l.id from public.moderation_log l
		where l.member_id = member and l.action = 'mute' order by l.created_at desc limit 1
	));
end;
$$;
grant execute on function public.unmute_member(uuid, text) to authenticated;

-- Removed from the group: the places they said they would come to are freed by the trigger on
-- leaving, and they cannot come back with an invite or a request.
create function public.remove_from_group(member uuid, reason text)
returns uuid
language plpgsql
volatile security definer
set search_path = ''
as $$
declare
	target public.group_members := private.member_to_act_on(member);
	entry uuid;
begin
	reason := private.checked_reason(reason);
	update public.group_members set status = 'removed', role = 'member' where id = member;
	entry := private.log_moderation(target.group_id, 'remove', reason, null, null, member);
	perform private.resolve_reports(target.group_id, member, entry);
	return entry;
end;
$$;
grant execute on function public.remove_from_group(uuid, text) to authenticated;

-- Before moderation had reasons, removing took none; it stays for what calls it, with a
-- reason that says only that, in the group's language.
create or replace function public.remove_member(member uuid)
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
	perform public.remove_from_group(member, (
		select case g.language
			when 'fr' then 'Retiré du groupe par l''équipe d''animation.'
			when 'en' then 'Removed from the group by the moderators.'
			else 'Uit de groep gehaald door de begeleiders.'
		end
		from public.group_members m join public.groups g on g.id = m.group_id
		where m.id = member
	));
end;
$$;

-- A private message from "the moderators" to a member: a thread the member answers in.
create function public.message_member(client_id uuid, member uuid, body text)
returns uuid
language plpgsql
volatile security definer
set search_path = ''
as $$
declare
	me uuid := auth.uid();
	existing uuid;
	target public.group_members;
	words text := btrim(coalesce(body, ''));
	thread uuid;
begin
	if me is null or client_id is null then raise exception 'not_allowed'; end if;
	select msg.thread_id into existing from public.moderation_messages msg
	where msg.author_id = me and msg.client_id = message_member.client_id;
	if found then return existing; end if;
	target := private.member_to_act_on(member);
	if char_length(words) not between 1 and 2000 then raise exception 'message_invalid'; end if;

	insert into public.moderation_threads (group_id, member_id, kind, to_all, waiting_since)
	values (target.group_id, member, 'from_moderators', true, null)
	returning id into thread;
	insert into public.moderation_messages (thread_id, from_moderators, author_id, body, client_id)
	values (thread, true, me, words, client_id);
	perform private.log_moderation(target.group_id, 'message',
		case when char_length(words) > 120 then left(words, 119) || '…' else words end,
		null, null, member);
	return thread;
exception when unique_violation then
	select msg.thread_id into existing from public.moderation_messages msg
	where msg.author_id = me and msg.client_id = message_member.client_id;
	return existing;
end;
$$;
grant execute on function public.message_member(uuid, uuid, text) to authenticated;

-- An answer from "the moderators" in a thread the caller may read. Answers the message id.
create function public.reply_as_moderators(client_id uuid, thread uuid, body text)
returns uuid
language plpgsql
volatile security definer
set search_path = ''
as $$
declare
	me uuid := auth.uid();
	existing uuid;
	target public.moderation_threads;
	mine uuid;
	words text := btrim(coalesce(body, ''));
	created uuid;
begin
	if me is null or client_id is null then raise exception 'not_allowed'; end if;
	select msg.id into existing from public.moderation_messages msg
	where msg.author_id = me and msg.client_id = reply_as_moderators.client_id;
	if found then return existing; end if;
	select * into target from public.moderation_threads t where t.id = thread for update;
	if not found then raise exception 'not_allowed'; end if;
	mine := private.acting_moderator(target.group_id);
	if target.member_id = mine or not (target.to_all or target.to_moderator = mine) then
		raise exception 'not_allowed';
	end if;
	if char_length(words) not between 1 and 2000 then raise exception 'message_invalid'; end if;

	insert into public.moderation_messages (thread_id, from_moderators, author_id, body, client_id)
	values (thread, true, me, words, client_id)
	returning id into created;
	update public.moderation_threads set last_message_at = now(), waiting_since = null
	where id = thread;
	return created;
exception when unique_violation then
	select msg.id into existing from public.moderation_messages msg
	where msg.author_id = me and msg.client_id = reply_as_moderators.client_id;
	return existing;
end;
$$;
grant execute on function public.reply_as_moderators(uuid, uuid, text) to authenticated;

-- Saying no to a join request keeps the answer: the person sees it (with the reason, if one
-- was given) and may ask again 30 days later.
create function public.refuse_join_request(member uuid, reason text default null)
returns uuid
language plpgsql
volatile security definer
set search_path = ''
as $$
declare
	target public.group_members;
	words text := nullif(btrim(coalesce(reason, '')), '');
begin
	select * into target from public.group_members m where m.id = member for update;
	if not found then raise exception 'not_allowed'; end if;
	perform private.acting_moderator(target.group_id);
	if target.status <> 'pending' then raise exception 'not_pending'; end if;
	if words is not null then words := private.checked_reason(words); end if;
	update public.group_members
	set status = 'refused', refused_at = now(), refused_reason = words
	where id = member;
	return private.log_moderation(target.group_id, 'refuse_join', words, null, null, member);
end;
$$;
grant execute on function public.refuse_join_request(uuid, text) to authenticated;

create or replace function public.decide_join_request(member uuid, approve boolean)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
	request public.group_members;
begin
	select * into request from public.group_members where id = member for update;
	if not found or not private.is_moderator(request.group_id) then raise exception 'not_allowed'; end if;
	if request.status <> 'pending' then raise exception 'not_pending'; end if;
	if approve then
		update public.group_members
		set status = 'active', joined_at = now(), refused_at = null, refused_reason = null
		where id = member;
	else
		perform public.refuse_join_request(member, null);
	end if;
end;
$$;
