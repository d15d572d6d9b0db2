// What Supabase's database linter (supabase/splinter) checks, written for this schema as one
// catalogue query per rule: each test names what it finds, so a new table, policy or function
// that breaks a rule fails here instead of showing up as a warning on a hosted dashboard.
import { randomUUID } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { client, db, signUp } from '../support/platform';

/** Runs a catalogue query with an empty search_path, so every name comes out schema-qualified. */
async function catalogue<Row>(sql: string): Promise<Row[]> {
	const client = await db().connect();
	try {
		await client.query('begin');
		await client.query("set local search_path = ''");
		return (await client.query(sql)).rows as Row[];
	} finally {
		await client.query('rollback');
		client.release();
	}
}

// The functions the API roles may execute, as data: adding a function to the API (or to what
// policies run under the caller's rights) is a change to this list that someone approves.
// Everything in `public` is what the app calls with rpc(); `private` holds what policies need,
// and the page functions that public wrappers call.
const executable = {
	anon: [
		'private.can_see_meetup(target_group uuid, audience public.meetup_audience)',
		'private.is_active_in_organisation_of(target_group uuid)',
		'private.is_active_member(target_group uuid)',
		'private.is_host_or_moderator(target_group uuid)',
		'private.is_moderator(target_group uuid)',
		'private.is_my_membership(member uuid)',
		'public.calendar_feed(token text)',
		'public.check_invite_nickname(invite_code text, nickname text)',
		'public.check_request_nickname(target_group uuid, nickname text)',
		'public.invite_preview(invite_code text)',
		'public.join_request_status(target_group uuid)',
		'public.meetup_counts(meetup uuid)',
		'public.public_organisation(slug text)',
		'public.public_sitemap()'
	],
	authenticated: [
		'private.can_see_meetup(target_group uuid, audience public.meetup_audience)',
		'private.hosts_meetup(target_meetup uuid)',
		'private.is_active_in_organisation_of(target_group uuid)',
		'private.is_active_member(target_group uuid)',
		'private.is_hidden_post(post uuid)',
		'private.is_host_or_moderator(target_group uuid)',
		'private.is_moderator(target_group uuid)',
		'private.is_my_comment(comment uuid)',
		'private.is_my_membership(member uuid)',
		'private.is_my_post(post uuid)',
		'private.is_organisation_admin(organisation uuid)',
		// The pages' own functions, which public ones of the same name call beside app_shell.
		'private.page_group_feed(target_group uuid, before_created_at timestamp with time zone, before_id uuid, page_size integer)',
		'private.page_home()',
		'private.page_host_view(target_meetup uuid)',
		'private.page_meetup(target_meetup uuid)',
		'private.page_post(target_group uuid, target_post uuid)',
		'public.accept_admin_invite(code text, organisation_slug text)',
		'public.accept_invite(invite_code text, nickname text, accept_rules boolean)',
		'public.add_member_without_phone(target_group uuid, nickname text)',
		'public.add_reaction(client_id uuid, post uuid, comment uuid, kind public.reaction_kind)',
		'public.add_walk_in(meetup uuid, nickname text)',
		'public.admin_invite_preview(code text)',
		'public.answer_buddy_request(buddy_request uuid, accept boolean)',
		'public.answer_climate(target_group uuid, face smallint)',
		'public.answers_to_me(max_rows integer)',
		'public.app_shell(target_group uuid)',
		'public.appoint_moderator(member uuid)',
		'public.archive_group(target_group uuid)',
		'public.ask_buddy(client_id uuid, target_group uuid, newcomer uuid, buddy uuid)',
		'public.ask_to_answer(client_id uuid, post uuid, member uuid)',
		'public.calendar_feed(token text)',
		'public.cancel_meetup(meetup uuid)',
		'public.cancel_meetup_series(meetup uuid)',
		'public.check_in(meetup uuid, member uuid)',
		'public.check_invite_nickname(invite_code text, nickname text)',
		'public.check_request_nickname(target_group uuid, nickname text)',
		'public.climate_question(target_group uuid)',
		'public.climate_summary(target_group uuid)',
		'public.create_admin_invite(organisation uuid)',
		'public.create_calendar_feed()',
		'public.create_claim_invite(member uuid)',
		'public.create_comment(client_id uuid, post uuid, body text, anonymous boolean)',
		'public.create_group(client_id uuid, organisation uuid, name text, slug text, description text, rules text, join_policy public.join_policy, language text, nickname text)',
		'public.create_invite(target_group uuid, expires_at timestamp with time zone, max_uses integer)',
		'public.create_meetup(client_id uuid, target_group uuid, title text, description text, starts_at timestamp with time zone, ends_at timestamp with time zone, place text, online_url text, cost text, childcare boolean, transport_help boolean, wheelchair_access boolean, languages text[], open_to public.meetup_audience, capacity integer, guests_welcome boolean)',
		'public.create_meetup_series(client_id uuid, target_group uuid, title text, description text, starts_at timestamp with time zone, ends_at timestamp with time zone, place text, online_url text, cost text, childcare boolean, transport_help boolean, wheelchair_access boolean, languages text[], open_to public.meetup_audience, capacity integer, repeat public.meetup_repeat, repeat_until date, guests_welcome boolean)',
		'public.create_post(client_id uuid, target_group uuid, kind public.post_kind, body text, anonymous boolean)',
		'public.create_report(client_id uuid, reason public.report_reason, post uuid, comment uuid, member uuid, body text)',
		'public.decide_join_request(member uuid, approve boolean)',
		'public.delete_comment(comment uuid)',
		'public.delete_my_account(also_unnamed boolean)',
		'public.delete_post(post uuid)',
		'public.dismiss_reports(target_group uuid, reason text, post uuid, comment uuid, member uuid)',
		'public.edit_comment(comment uuid, body text)',
		'public.edit_post(post uuid, kind public.post_kind, body text)',
		'public.end_buddy(buddy_request uuid)',
		'public.export_my_data()',
		'public.group_feed(target_group uuid, before_created_at timestamp with time zone, before_id uuid, page_size integer, only_post uuid)',
		'public.group_moderators(target_group uuid)',
		'public.hide_comment(comment uuid, reason text)',
		'public.hide_post(post uuid, reason text)',
		'public.impact_report(organisation uuid, from_date date, to_date date)',
		'public.inclusion_settings_of(target_group uuid)',
		'public.inclusion_signals(target_group uuid)',
		'public.inclusion_template(target_group uuid, kind text)',
		'public.inclusion_trend(target_group uuid)',
		'public.invite_preview(invite_code text)',
		'public.invite_to_meetup(client_id uuid, meetup uuid, member uuid)',
		'public.is_host_or_moderator(target_group uuid)',
		'public.join_request_status(target_group uuid)',
		'public.leave_group(target_group uuid)',
		'public.leave_organisation(organisation uuid)',
		'public.mark_group_seen(target_group uuid, read_at timestamp with time zone)',
		'public.mark_notifications_read(ids uuid[], reminders uuid[])',
		'public.mark_signal_handled(target_group uuid, kind text, member uuid, post uuid, note text)',
		'public.meetup_cards(target_group uuid, only_meetup uuid, only_mine boolean, max_rows integer)',
		'public.meetup_counts(meetup uuid)',
		'public.message_member(client_id uuid, member uuid, body text)',
		'public.mute_member(member uuid, days integer, reason text)',
		'public.my_groups()',
		'public.my_inclusion()',
		'public.my_membership(target_group uuid)',
		'public.page_group_admin(organisation_slug text, target_group uuid)',
		'public.page_group_feed(target_group uuid, before_created_at timestamp with time zone, before_id uuid, page_size integer)',
		'public.page_group_inclusion(target_group uuid)',
		'public.page_group_meetups(target_group uuid)',
		'public.page_home()',
		'public.page_host_view(target_meetup uuid)',
		'public.page_impact_report(organisation_slug text, from_date date, to_date date)',
		'public.page_meetup(target_meetup uuid)',
		'public.page_meetup_edit(target_meetup uuid)',
		'public.page_moderation_item(target_group uuid, post uuid, comment uuid, member uuid)',
		'public.page_moderation_log(target_group uuid, before timestamp with time zone)',
		'public.page_moderation_queue(target_group uuid)',
		'public.page_moderation_thread(thread uuid)',
		'public.page_my_moderation()',
		'public.page_my_organisations()',
		'public.page_notifications(before timestamp with time zone, max_rows integer)',
		'public.page_organisation_admin(organisation_slug text)',
		'public.page_post(target_group uuid, target_post uuid)',
		'public.pin_post(post uuid, pinned boolean)',
		'public.post_comments(target_post uuid)',
		'public.public_organisation(slug text)',
		'public.public_sitemap()',
		'public.refuse_join_request(member uuid, reason text)',
		'public.register_organisation(client_id uuid, name text, slug text, description text, address text, contact text, languages text[], colour text, initials text)',
		'public.remove_from_group(member uuid, reason text)',
		'public.remove_member(member uuid)',
		'public.remove_moderator(member uuid)',
		'public.remove_organisation_admin(organisation uuid, person uuid)',
		'public.remove_reaction(post uuid, comment uuid, kind public.reaction_kind)',
		'public.reply_as_moderators(client_id uuid, thread uuid, body text)',
		'public.reply_to_moderators(client_id uuid, thread uuid, body text)',
		'public.request_to_join(target_group uuid, nickname text, accept_rules boolean)',
		'public.restore_comment(comment uuid, reason text)',
		'public.restore_post(post uuid, reason text)',
		'public.revoke_admin_invite(invite uuid)',
		'public.revoke_calendar_feed()',
		'public.revoke_invite(invite uuid)',
		'public.rsvp(client_id uuid, meetup uuid, status public.rsvp_status, childcare_children integer, transport_help boolean, cost_is_a_problem boolean, note text, guests integer)',
		'public.rsvp_for_member(client_id uuid, meetup uuid, member uuid, status public.rsvp_status, childcare_children integer, transport_help boolean, cost_is_a_problem boolean, note text, guests integer)',
		'public.send_kind_message(client_id uuid, target_group uuid, member uuid, kind text, body text)',
		'public.send_left_out_message(client_id uuid, target_group uuid, to_moderator uuid, body text)',
		'public.set_inclusion_template(target_group uuid, kind text, body text)',
		'public.set_member_role(member uuid, new_role public.member_role)',
		'public.set_signals_opt_out(target_group uuid, opt_out boolean)',
		'public.signal_opt_outs(target_group uuid)',
		'public.unarchive_group(target_group uuid)',
		'public.undo_check_in(meetup uuid, member uuid)',
		'public.unmute_member(member uuid, reason text)',
		'public.update_group(target_group uuid, name text, description text, rules text, join_policy public.join_policy, language text)',
		'public.update_inclusion_settings(target_group uuid, settings jsonb)',
		'public.update_meetup(meetup uuid, title text, description text, starts_at timestamp with time zone, ends_at timestamp with time zone, place text, online_url text, cost text, childcare boolean, transport_help boolean, wheelchair_access boolean, languages text[], open_to public.meetup_audience, capacity integer, guests_welcome boolean)',
		'public.update_meetup_series(meetup uuid, title text, description text, starts_at timestamp with time zone, ends_at timestamp with time zone, place text, online_url text, cost text, childcare boolean, transport_help boolean, wheelchair_access boolean, languages text[], open_to public.meetup_audience, capacity integer, repeat_until date, guests_welcome boolean)',
		'public.update_organisation(organisation uuid, name text, description text, address text, contact text, languages text[], colour text, initials text)'
	]
};

describe('the database linter’s rules hold for this schema', () => {
	// PostgREST serves every table in public to anyone with the anon key: without RLS a table
	// is open to the internet, and with RLS but no policy it is closed to the API by accident.
	test('every table in public has row level security and at least one policy', async () => {
		const rows = await catalogue<{ table: string; rls: boolean; policies: number }>(`
			select c.oid::regclass::text as table, c.relrowsecurity as rls,
				(select count(*)::integer from pg_catalog.pg_policy p where p.polrelid = c.oid) as policies
			from pg_catalog.pg_class c
			where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')
				and (not c.relrowsecurity
					or not exists (select from pg_catalog.pg_policy p where p.polrelid = c.oid))
			order by 1`);
		expect(rows).toEqual([]);
	});

	// A view runs with its owner's rights unless it says otherwise, so it would read past the
	// policies of the tables under it.
	test('every view in public runs with the rights of the one who reads it', async () => {
		const rows = await catalogue<{ view: string }>(`
			select c.oid::regclass::text as view
			from pg_catalog.pg_class c
			where c.relnamespace = 'public'::regnamespace and c.relkind in ('v', 'm')
				and not coalesce('security_invoker=true' = any (c.reloptions), false)
			order by 1`);
		expect(rows).toEqual([]);
	});

	// A function that resolves names through the caller's search_path can be made to call an
	// object the caller created (a security definer function then runs it with its owner's
	// rights). Every function sets an empty search_path and qualifies every name.
	test('no function in public or private has a search_path the caller can change', async () => {
		const rows = await catalogue<{ fn: string; config: string[] | null }>(`
			select p.oid::regprocedure::text as fn, p.proconfig as config
			from pg_catalog.pg_proc p
			join pg_catalog.pg_namespace n on n.oid = p.pronamespace
			where n.nspname in ('public', 'private')
				and not coalesce('search_path=""' = any (p.proconfig), false)
			order by 1`);
		expect(rows).toEqual([]);
	});

	// Deleting a row checks (or cascades to) every row that points at it; without an index on
	// the pointing columns each check reads the whole table, e.g. for every account deleted.
	test('every foreign key has an index that starts with its columns', async () => {
		const rows = await catalogue<{ table: string; constraint: string }>(`
			select c.conrelid::regclass::text as table, c.conname as constraint
			from pg_catalog.pg_constraint c
			join pg_catalog.pg_namespace n on n.oid = c.connamespace
			where c.contype = 'f' and n.nspname in ('public', 'private')
				and not exists (
					select from pg_catalog.pg_index i
					where i.indrelid = c.conrelid
						and (i.indkey::smallint[])[0:cardinality(c.conkey) - 1] @> c.conkey
				)
			order by 1, 2`);
		expect(rows).toEqual([]);
	});

	// auth.uid() in a policy is called once per row; inside (select …) Postgres runs it once
	// per query as an init plan. Every call must be wrapped, not just one of them.
	test('policies call auth.uid() and auth.jwt() through (select …)', async () => {
		const rows = await catalogue<{ table: string; policy: string }>(`
			select p.polrelid::regclass::text as table, p.polname as policy
			from pg_catalog.pg_policy p
			cross join lateral (values
				(pg_catalog.pg_get_expr(p.polqual, p.polrelid)),
				(pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid))
			) e(expr)
			where pg_catalog.regexp_replace(e.expr, 'SELECT auth\\.(uid|jwt|role|email)\\(\\)', '', 'g')
				~ 'auth\\.(uid|jwt|role|email)\\('
			order by 1, 2`);
		expect(rows).toEqual([]);
	});

	// Postgres runs every permissive policy that applies to a role and action and ORs them, so
	// two of them cost two checks per row and make the rule harder to read: one policy per
	// (role, action), whose expression says all of it.
	test('no table has two permissive policies for one role and action', async () => {
		const rows = await catalogue<{ table: string; role: string; action: string }>(`
			select p.polrelid::regclass::text as table, r.rolname as role, a.action,
				pg_catalog.array_agg(p.polname order by p.polname) as policies
			from pg_catalog.pg_policy p
			join pg_catalog.pg_roles r
				on r.oid = any (p.polroles) or p.polroles = array[0::oid]
			cross join lateral pg_catalog.unnest(case p.polcmd
				when 'r' then array['select']
				when 'a' then array['insert']
				when 'w' then array['update']
				when 'd' then array['delete']
				else array['select', 'insert', 'update', 'delete']
			end) a(action)
			where p.polpermissive and r.rolname in ('anon', 'authenticated')
			group by 1, 2, 3
			having count(*) > 1
			order by 1, 2, 3`);
		expect(rows).toEqual([]);
	});

	// Postgres lets everyone execute a new function, and PostgREST serves every function in
	// public that the caller may execute. The migrations take that default away; this list is
	// what is left, so exposing a function is a visible, reviewed change.
	test('anon and authenticated may execute exactly the listed functions', async () => {
		const rows = await catalogue<{ role: 'anon' | 'authenticated'; fn: string }>(`
			select r.role, n.nspname || '.' || p.proname
				|| '(' || pg_catalog.pg_get_function_identity_arguments(p.oid) || ')' as fn
			from pg_catalog.pg_proc p
			join pg_catalog.pg_namespace n on n.oid = p.pronamespace
			cross join (values ('anon'), ('authenticated')) r(role)
			where n.nspname in ('public', 'private')
				and pg_catalog.has_function_privilege(r.role, p.oid, 'execute')
			order by 1, 2`);
		const granted = { anon: [] as string[], authenticated: [] as string[] };
		for (const row of rows) granted[row.role].push(row.fn);
		expect(granted).toEqual(executable);
	});

	// `public` is the API: a function there that no API role may execute is a helper in the
	// wrong schema (and one grant away from being exposed).
	test('every function in public is one the API roles may call', async () => {
		const rows = await catalogue<{ fn: string }>(`
			select p.oid::regprocedure::text as fn
			from pg_catalog.pg_proc p
			where p.pronamespace = 'public'::regnamespace
				and not pg_catalog.has_function_privilege('authenticated', p.oid, 'execute')
				and not pg_catalog.has_function_privilege('anon', p.oid, 'execute')
			order by 1`);
		expect(rows).toEqual([]);
	});

	// Row level security does not govern truncate, references, trigger or maintain: an API role
	// with one of them could empty a table or hang a trigger on it, whatever the policies say.
	test('the API roles hold no table privilege that row level security does not govern', async () => {
		const rows = await catalogue<{ table: string; role: string; privilege: string }>(`
			select c.oid::regclass::text as table, a.grantee::regrole::text as role,
				a.privilege_type as privilege
			from pg_catalog.pg_class c
			join pg_catalog.pg_namespace n on n.oid = c.relnamespace
			cross join lateral pg_catalog.aclexplode(c.relacl) a
			where n.nspname in ('public', 'private')
				and a.grantee in ('anon'::regrole, 'authenticated'::regrole)
				and a.privilege_type not in ('SELECT', 'INSERT', 'UPDATE', 'DELETE')
			order by 1, 2, 3`);
		expect(rows).toEqual([]);
	});

	// The default privileges are what makes the list above hold for the next migration too: a
	// function or table made the way a migration makes it (as postgres) starts closed.
	test('a new function is executable by no API role, and a new table gives them no truncate', async () => {
		const connection = await db().connect();
		try {
			await connection.query('begin');
			await connection.query('set local role postgres');
			await connection.query(
				"create function public.lint_probe() returns integer language sql set search_path = '' as 'select 1'"
			);
			await connection.query(
				"create function private.lint_probe() returns integer language sql set search_path = '' as 'select 1'"
			);
			await connection.query('create table public.lint_probe (id integer primary key)');
			const { rows } = await connection.query(`
				select r.role,
					pg_catalog.has_function_privilege(r.role, 'public.lint_probe()', 'execute') as public_fn,
					pg_catalog.has_function_privilege(r.role, 'private.lint_probe()', 'execute') as private_fn,
					pg_catalog.has_table_privilege(r.role, 'public.lint_probe', 'truncate') as truncate,
					pg_catalog.has_table_privilege(r.role, 'public.lint_probe', 'references') as references,
					pg_catalog.has_table_privilege(r.role, 'public.lint_probe', 'trigger') as trigger
				from (values ('anon'), ('authenticated')) r(role) order by 1`);
			expect(rows).toEqual(
				['anon', 'authenticated'].map((role) => ({
					role,
					public_fn: false,
					private_fn: false,
					truncate: false,
					references: false,
					trigger: false
				}))
			);
		} finally {
			await connection.query('rollback');
			connection.release();
		}
	});

	test('the API does not serve the private schema, even to a signed-in person', async () => {
		const person = await signUp();
		for (const sb of [client(), person.client]) {
			const { error } = await sb
				.schema('private')
				.rpc('is_active_member', { target_group: randomUUID() });
			expect(error?.code).toBe('PGRST106');
			const helper = await sb.rpc('is_active_member', { target_group: randomUUID() });
			expect(helper.error?.code).toBe('PGRST202');
		}
	});
});
