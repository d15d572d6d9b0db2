-- A meetup moved earlier, to another group or (20261204100200) taken back worked out again the
-- pairs of everyone who came, also of members of a third group who came to a meetup open to the
-- whole organisation. Their ties count only their own group's meetups, so nothing of theirs could
-- change; but they were read and written again without their group's lock (review 20): a check-in
-- in that group at the same moment could be overwritten with what was read before it. Now only
-- the pairs of the meetup's groups, before and after, are worked out (under those groups' lock).

create or replace function private.inclusion_meetup_moved()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
	xs uuid[];
	ys uuid[];
	ats timestamptz[];
begin
	perform private.inclusion_lock_ties(array[old.group_id, new.group_id]);
	if new.group_id = old.group_id and new.starts_at > old.starts_at then
		select array_agg(a.member_id), array_agg(b.member_id), array_agg(new.starts_at)
		into xs, ys, ats
		from public.attendance a
		join public.group_members ma on ma.id = a.member_id and ma.group_id = new.group_id
		join public.attendance b on b.meetup_id = a.meetup_id and b.member_id > a.member_id
		where a.meetup_id = new.id;
		if xs is not null then
			perform private.inclusion_met_raise(xs, ys, ats);
		end if;
		return null;
	end if;
	select array_agg(a.member_id), array_agg(b.member_id) into xs, ys
	from public.attendance a
	join public.group_members ma on ma.id = a.member_id
		and ma.group_id in (old.group_id, new.group_id)
	join public.attendance b on b.meetup_id = a.meetup_id and b.member_id > a.member_id
	where a.meetup_id = new.id and (new.group_id <> old.group_id or exists (
		select 1
		from private.inclusion_people pa
		join private.inclusion_people pb on pb.member_id = b.member_id
			and pb.group_id = pa.group_id
		join private.inclusion_member_ties t on t.group_id = pa.group_id
			and t.lo = least(pa.number, pb.number) and t.hi = greatest(pa.number, pb.number)
		where pa.member_id = a.member_id and t.met_at = old.starts_at));
	if xs is not null then
		perform private.inclusion_met_again(xs, ys);
	end if;
	return null;
end;
$$;
