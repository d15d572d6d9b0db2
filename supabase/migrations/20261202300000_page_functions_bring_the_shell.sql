-- One call per page: the five most-visited signed-in pages (home, a group's feed, a post, a
-- meetup, the host's view) now bring what the layouts show (app_shell: my name, unread count,
-- the group and my role) with their own data, so the app makes one call for such a page instead
-- of two (issue 9: the app waited on two calls, and each cost its own HTTP request, JWT check and
-- transaction).
--
-- Each page's own function moves to the private schema unchanged (same body, same security,
-- same grants) and a public function of the same name and arguments puts the shell beside it
-- under the key 'shell'. The wrapper is security invoker: the moved function keeps deciding what
-- the caller may see. A page the caller may not see stays null (null || shell is null), as before.

alter function public.page_home() set schema private;
alter function public.page_group_feed(uuid, timestamptz, uuid, integer) set schema private;
alter function public.page_post(uuid, uuid) set schema private;
alter function public.page_meetup(uuid) set schema private;
alter function public.page_host_view(uuid) set schema private;

create function public.page_home()
returns jsonb
language sql
stable
set search_path = ''
as $$
	select private.page_home() || jsonb_build_object('shell', public.app_shell())
$$;

create function public.page_group_feed(
	target_group uuid,
	before_created_at timestamptz default null,
	before_id uuid default null,
	page_size integer default 20
)
returns jsonb
language sql
stable
set search_path = ''
as $$
	select private.page_group_feed(target_group, before_created_at, before_id, page_size)
		|| jsonb_build_object('shell', public.app_shell(target_group))
$$;

create function public.page_post(target_group uuid, target_post uuid)
returns jsonb
language sql
stable
set search_path = ''
as $$
	select private.page_post(target_group, target_post)
		|| jsonb_build_object('shell', public.app_shell(target_group))
$$;

-- A meetup's page and its host view show no group tabs: the shell asks for no group.
create function public.page_meetup(target_meetup uuid)
returns jsonb
language sql
stable
set search_path = ''
as $$
	select private.page_meetup(target_meetup) || jsonb_build_object('shell', public.app_shell())
$$;

create function public.page_host_view(target_meetup uuid)
returns jsonb
language sql
stable
set search_path = ''
as $$
	select private.page_host_view(target_meetup) || jsonb_build_object('shell', public.app_shell())
$$;

grant execute on function public.page_home() to authenticated, service_role;
grant execute on function public.page_group_feed(uuid, timestamptz, uuid, integer)
	to authenticated, service_role;
grant execute on function public.page_post(uuid, uuid) to authenticated, service_role;
grant execute on function public.page_meetup(uuid) to authenticated, service_role;
grant execute on function public.page_host_view(uuid) to authenticated, service_role;
