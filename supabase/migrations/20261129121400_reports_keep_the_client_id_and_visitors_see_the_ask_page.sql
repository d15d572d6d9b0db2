-- Two requests of the member screens (issue 10).
-- * create_report: a new report takes the client's id as its own, so the screen can say "sent"
--   or "you had already reported this" from the id it gets back. The same answer as before
--   whatever became of the report, so it still tells the reporter nothing of the outcome.
-- * join_request_status: also for visitors without an account (status null), so the "ask to
--   join" page shows the group's name and rules before the nickname account is made. Only for a
--   group one may ask to join or simply join; an invite-only group stays not found.

create or replace function public.create_report(
	client_id uuid,
	reason public.report_reason,
	post uuid default null,
	comment uuid default null,
	member uuid default null,
	body text default null
)
returns uuid
language plpgsql
volatile security definer
set search_path = ''
as $$
declare
	me uuid := auth.uid();
	existing uuid;
	target_group uuid;
	about uuid;
	words text := nullif(btrim(coalesce(body, '')), '');
	created uuid;
begin
	if me is null or client_id is null or reason is null
		or num_nonnulls(post, comment, member) <> 1 then
		raise exception 'not_allowed';
	end if;
	select r.id into existing from public.reports r
	where r.reporter_id = me
		and (r.client_id = create_report.client_id or r.post_id = post
			or r.comment_id = comment or r.member_id = member)
	limit 1;
	if found then return existing; end if;
	if char_length(words) > 1000 then raise exception 'report_words_too_long'; end if;

	if post is not null then
		select p.group_id, am.id into target_group, about
		from public.posts p
		left join public.post_authors pa on pa.post_id = p.id
		left join public.group_members am on am.group_id = p.group_id and am.user_id = pa.author_id
		where p.id = post and p.deleted_at is null
			and (p.hidden_at is null or private.is_moderator(p.group_id))
			and pa.author_id is distinct from me;
	elsif comment is not null then
		select c.group_id, am.id into target_group, about
		from public.comments c
		join public.posts p on p.id = c.post_id
		left join public.comment_authors ca on ca.comment_id = c.id
		left join public.group_members am on am.group_id = c.group_id and am.user_id = ca.author_id
		where c.id = comment and c.deleted_at is null and p.deleted_at is null
			and ((c.hidden_at is null and p.hidden_at is null) or private.is_moderator(c.group_id))
			and ca.author_id is distinct from me;
	else
		select m.group_id, m.id into target_group, about
		from public.group_members m
		where m.id = member and m.status = 'active' and m.user_id is distinct from me;
	end if;
	if target_group is null or not private.is_active_member(target_group) then
		raise exception 'not_allowed';
	end if;

	-- One person's reports are counted one after the other.
	perform pg_advisory_xact_lock(hashtextextended('report:' || me::text, 0));
	if (
		select count(*) from public.reports r
		where r.reporter_id = me and r.created_at > now() - interval '24 hours'
	) >= 10 then
		raise exception 'report_limit_reached';
	end if;

	-- A new report's id is the client's id: the app tells "sent" (the same id back) from "you had
	-- already reported this" (another id) without asking again.
	insert into public.reports (id, group_id, reporter_id, post_id, comment_id, member_id,
		about_member, reason, body, client_id)
	values (client_id, target_group, me, post, comment, member, about, reason, words, client_id)
	returning id into created;
	return created;
exception when unique_violation then
	select r.id into existing from public.reports r
	where r.reporter_id = me
		and (r.client_id = create_report.client_id or r.post_id = post
			or r.comment_id = comment or r.member_id = member)
	limit 1;
	return existing;
end;
$$;

create or replace function public.join_request_status(target_group uuid)
returns jsonb
language plpgsql
stable security definer
set search_path = ''
as $$
declare
	answer jsonb;
begin
	select jsonb_build_object(
		'group', jsonb_build_object(
			'id', g.id, 'name', g.name, 'description', g.description, 'rules', g.rules,
			'join_policy', g.join_policy
		),
		'status', case when m.status <> 'left' then m.status end,
		'refused_reason', case when m.status = 'refused' then m.refused_reason end,
		'can_ask_again_at', case
			when m.status = 'refused' then m.refused_at + interval '30 days'
		end
	) into answer
	from public.groups g
	left join public.group_members m on m.group_id = g.id and m.user_id = (select auth.uid())
	where g.id = target_group and g.join_policy in ('request', 'open');
	if answer is null then raise exception 'group_not_found'; end if;
	return answer;
end;
$$;
grant execute on function public.join_request_status(uuid) to anon;
