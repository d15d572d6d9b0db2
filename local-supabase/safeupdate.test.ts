import { expect, test } from 'vitest';
import { writesWithoutWhere } from './safeupdate';

test('an update or delete without where is found, one with where is not', () => {
	expect(
		writesWithoutWhere(`
			update public.posts set pinned_at = null;
			delete from public.reactions;
			update public.posts p set body = 'x' where p.id = target;
			delete from private.seen s where s.user_id = me;
		`)
	).toEqual(['update public.posts set pinned_at = null', 'delete from public.reactions']);
});

test('a where inside a subquery of the statement does not count as its own', () => {
	expect(
		writesWithoutWhere(
			'update public.groups set members = (select count(*) from public.group_members m where m.active);'
		)
	).toHaveLength(1);
});

test('statements inside a CTE and in PL/pgSQL are judged each on their own', () => {
	expect(
		writesWithoutWhere(`
			with gone as (delete from public.notifications returning id)
			select count(*) from gone;
			with kept as (delete from public.notifications n where n.read returning id)
			select count(*) from kept;
			begin
				if found then
					update private.counts set n = n + 1 where id = 1;
				end if;
				update private.counts set n = 0;
			end;
		`)
	).toEqual(['delete from public.notifications returning id', 'update private.counts set n = 0']);
});

test('comments, strings, on conflict do update and row locks are not writes without where', () => {
	expect(
		writesWithoutWhere(`
			-- delete from public.posts;
			/* update public.posts set body = '' */
			raise exception 'update public.posts set x = 1';
			insert into public.seen (id) values (1) on conflict (id) do update set at = now();
			select 1 from public.posts where id = 1 for update;
			perform $q$ delete from public.posts $q$;
		`)
	).toEqual([]);
});
