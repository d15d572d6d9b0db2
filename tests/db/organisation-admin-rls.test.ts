// Who may run an organisation: the admin tables × every kind of person, and every admin function
// × every kind of person, written down as the RLS matrices are. The tables take no writes at all,
// so the functions are the only way in, and each checks the caller itself. A call is judged by
// what the database holds afterwards (or, for a page's read, by whether it answered), and every
// cell works on an organisation of its own.
import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import { beforeAll, describe, expect, test } from 'vitest';
import { describeMatrix, withKey, type Target } from '../support/rls-matrix';
import { client, db, signUp, type Person } from '../support/platform';

const roles = ['anonymous', 'otherAdmin', 'moderator', 'member', 'removed', 'admin'] as const;
type Role = (typeof roles)[number];

// see: the row is visible · ok: the write happened · -: nothing visible / nothing changed
// Admins read who the other admins are; no one writes the tables, and no one reads the admin
// invite links (the one who made a link sees it once, as the answer of create_admin_invite).
const tables = `
table                      operation anonymous otherAdmin moderator member removed admin
organisation_admins        select    -         -          -         -      -       see
organisation_admins        insert    -         -          -         -      -       -
organisation_admins        update    -         -          -         -      -       -
organisation_admins        delete    -         -          -         -      -       -
organisation_admin_invites select    -         -          -         -      -       -
organisation_admin_invites insert    -         -          -         -      -       -
organisation_admin_invites update    -         -          -         -      -       -
organisation_admin_invites delete    -         -          -         -      -       -
`;

// ok: the call changed the database (or a page answered) · -: nothing changed, nothing answered
const functions = `
function                  anonymous otherAdmin moderator member removed admin
update_organisation       -         -          -         -      -       ok
create_admin_invite       -         -          -         -      -       ok
revoke_admin_invite       -         -          -         -      -       ok
remove_organisation_admin -         -          -         -      -       ok
leave_organisation        -         -          -         -      -       ok
create_group              -         -          -         -      -       ok
update_group              -         -          -         -      -       ok
archive_group             -         -          -         -      -       ok
unarchive_group           -         -          -         -      -       ok
appoint_moderator         -         -          -         -      -       ok
remove_moderator          -         -          -         -      -       ok
page_organisation_admin   -         -          -         -      -       ok
page_group_admin          -         -          -         -      -       ok
`;

interface Arranged {
	organisation: string;
	slug: string;
	group: string;
	/** The member's entry in the group, and the moderator's. */
	member: string;
	moderator: string;
}

let people: Record<Exclude<Role, 'anonymous'>, Person> & { spare: Person };
let clients: Record<Role, SupabaseClient>;

const exists = async (sql: string, values: unknown[]) =>
	(await db().query(`select exists (${sql}) as yes`, values)).rows[0].yes as boolean;

async function entry(
	group: string,
	person: Person,
	nickname: string,
	role: string,
	status: string
) {
	const { rows } = await db().query<{ id: string }>(
		`insert into public.group_members (group_id, user_id, nickname, role, status, joined_at)
		values ($1, $2, $3, $4, $5, now()) returning id`,
		[group, person.id, nickname, role, status]
	);
	return rows[0].id;
}

/**
 * A new organisation run by the admin and a spare admin (so the admin is never the last), with one
 * group where the moderator moderates (the spare admin too, so the moderator is not the last),
 * the member takes part and the removed member was removed.
 */
async function arrangeOrganisation(): Promise<Arranged> {
	const slug = `t-${randomUUID().slice(0, 8)}`;
	const { rows } = await db().query<{ organisation: string; group: string }>(
		`with org as (insert into public.organisations (name, slug) values ($1, $2) returning id),
		admins as (
			insert into public.organisation_admins (organisation_id, user_id)
			select id, unnest($3::uuid[]) from org
		)
		insert into public.groups (organisation_id, name, slug)
		select id, 'Praatgroep', 'praatgroep' from org
		returning organisation_id as organisation, id as group`,
		[`Organisatie ${slug}`, slug, [people.admin.id, people.spare.id]]
	);
	const { organisation, group } = rows[0];
	const moderator = await entry(group, people.moderator, 'Begeleider', 'moderator', 'active');
	await entry(group, people.spare, 'Tweede begeleider', 'moderator', 'active');
	const member = await entry(group, people.member, 'Lid', 'member', 'active');
	await entry(group, people.removed, 'Weg', 'member', 'removed');
	return { organisation, slug, group, member, moderator };
}

interface Cell {
	arrange?: (rows: Arranged) => Promise<void>;
	call: (sb: SupabaseClient, rows: Arranged) => PromiseLike<{ data: unknown }>;
	/** Whether the database holds the call's effect; by default, whether the call answered. */
	happened?: (rows: Arranged) => Promise<boolean>;
}

const groupFields = {
	name: 'Nieuwe groep',
	description: 'Samen koken.',
	rules: 'We luisteren.',
	join_policy: 'request',
	language: 'nl'
};

const cells: Record<string, Cell> = {
	update_organisation: {
		call: (sb, rows) =>
			sb.rpc('update_organisation', {
				organisation: rows.organisation,
				name: 'Overgenomen',
				description: '',
				address: '',
				contact: '',
				languages: ['nl'],
				colour: '#123456',
				initials: 'OV'
			}),
		happened: (rows) =>
			exists(`select 1 from public.organisations where id = $1 and name = 'Overgenomen'`, [
				rows.organisation
			])
	},
	create_admin_invite: {
		call: (sb, rows) => sb.rpc('create_admin_invite', { organisation: rows.organisation }),
		happened: (rows) =>
			exists('select 1 from public.organisation_admin_invites where organisation_id = $1', [
				rows.organisation
			])
	},
	revoke_admin_invite: {
		arrange: async (rows) => {
			await db().query(
				'insert into public.organisation_admin_invites (organisation_id) values ($1)',
				[rows.organisation]
			);
		},
		call: async (sb, rows) => {
			const { rows: found } = await db().query<{ id: string }>(
				'select id from public.organisation_admin_invites where organisation_id = $1',
				[rows.organisation]
			);
			return sb.rpc('revoke_admin_invite', { invite: found[0].id });
		},
		happened: (rows) =>
			exists(
				'select 1 from public.organisation_admin_invites where organisation_id = $1 and expires_at <= now()',
				[rows.organisation]
			)
	},
	remove_organisation_admin: {
		call: (sb, rows) =>
			sb.rpc('remove_organisation_admin', {
				organisation: rows.organisation,
				person: people.spare.id
			}),
		happened: async (rows) =>
			!(await exists(
				'select 1 from public.organisation_admins where organisation_id = $1 and user_id = $2',
				[rows.organisation, people.spare.id]
			))
	},
	leave_organisation: {
		call: (sb, rows) => sb.rpc('leave_organisation', { organisation: rows.organisation }),
		happened: async (rows) =>
			(
				await db().query(
					'select count(*)::int as n from public.organisation_admins where organisation_id = $1',
					[rows.organisation]
				)
			).rows[0].n < 2
	},
	create_group: {
		call: (sb, rows) =>
			sb.rpc('create_group', {
				client_id: randomUUID(),
				organisation: rows.organisation,
				slug: 'nieuwe-groep',
				nickname: 'Oprichter',
				...groupFields
			}),
		happened: (rows) =>
			exists(`select 1 from public.groups where organisation_id = $1 and slug = 'nieuwe-groep'`, [
				rows.organisation
			])
	},
	update_group: {
		call: (sb, rows) => sb.rpc('update_group', { target_group: rows.group, ...groupFields }),
		happened: (rows) =>
			exists(`select 1 from public.groups where id = $1 and name = 'Nieuwe groep'`, [rows.group])
	},
	archive_group: {
		call: (sb, rows) => sb.rpc('archive_group', { target_group: rows.group }),
		happened: (rows) =>
			exists('select 1 from public.groups where id = $1 and archived_at is not null', [rows.group])
	},
	unarchive_group: {
		arrange: async (rows) => {
			await db().query('update public.groups set archived_at = now() where id = $1', [rows.group]);
		},
		call: (sb, rows) => sb.rpc('unarchive_group', { target_group: rows.group }),
		happened: (rows) =>
			exists('select 1 from public.groups where id = $1 and archived_at is null', [rows.group])
	},
	appoint_moderator: {
		call: (sb, rows) => sb.rpc('appoint_moderator', { member: rows.member }),
		happened: (rows) =>
			exists(`select 1 from public.group_members where id = $1 and role = 'moderator'`, [
				rows.member
			])
	},
	remove_moderator: {
		call: (sb, rows) => sb.rpc('remove_moderator', { member: rows.moderator }),
		happened: (rows) =>
			exists(`select 1 from public.group_members where id = $1 and role = 'member'`, [
				rows.moderator
			])
	},
	page_organisation_admin: {
		call: (sb, rows) => sb.rpc('page_organisation_admin', { organisation_slug: rows.slug })
	},
	page_group_admin: {
		call: (sb, rows) =>
			sb.rpc('page_group_admin', { organisation_slug: rows.slug, target_group: rows.group })
	}
};

let tableRows: Arranged;
let targets: Record<string, Target>;

beforeAll(async () => {
	const [otherAdmin, moderator, member, removed, admin, spare] = await Promise.all([
		signUp('Andere beheerder'),
		signUp('Begeleider'),
		signUp('Lid'),
		signUp('Weg'),
		signUp('Beheerder'),
		signUp('Tweede beheerder')
	]);
	people = { otherAdmin, moderator, member, removed, admin, spare };
	clients = {
		anonymous: client(),
		otherAdmin: otherAdmin.client,
		moderator: moderator.client,
		member: member.client,
		removed: removed.client,
		admin: admin.client
	};
	// The other admin runs an organisation of their own.
	await db().query(
		`with org as (insert into public.organisations (name, slug) values ('Elders', $1) returning id)
		insert into public.organisation_admins (organisation_id, user_id) select id, $2 from org`,
		[`t-${randomUUID().slice(0, 8)}`, otherAdmin.id]
	);

	tableRows = await arrangeOrganisation();
	const { rows } = await db().query<{ id: string }>(
		`insert into public.organisation_admin_invites (organisation_id, created_by)
		values ($1, $2) returning id`,
		[tableRows.organisation, admin.id]
	);
	targets = {
		organisation_admins: {
			key: { user_id: admin.id },
			insert: () => withKey(['user_id', member.id], { organisation_id: tableRows.organisation }),
			update: { added_by: member.id }
		},
		organisation_admin_invites: {
			key: { id: rows[0].id },
			insert: () => withKey(['id', randomUUID()], { organisation_id: tableRows.organisation }),
			update: { expires_at: '2099-01-01T00:00:00Z' }
		}
	};
});

describe('the admin tables', () => {
	describeMatrix(tables, roles, () => ({ clients, targets }));
});

const [header, ...lines] = functions.trim().split('\n');
const outcomes = lines.flatMap((line) => {
	const [fn, ...allowed] = line.trim().split(/\s+/);
	return roles.map((role, i) => ({ fn, role, allowed: allowed[i] === 'ok' }));
});

test('the function matrix names every kind of person once per function', () => {
	expect(header.trim().split(/\s+/).slice(1)).toEqual([...roles]);
	for (const line of lines) expect(line.trim().split(/\s+/)).toHaveLength(roles.length + 1);
	expect(lines.map((line) => line.trim().split(/\s+/)[0]).sort()).toEqual(
		Object.keys(cells).sort()
	);
});

describe.each([...new Set(outcomes.map((cell) => cell.fn))])('%s', (fn) => {
	test.each(outcomes.filter((cell) => cell.fn === fn))(
		'by $role: allowed = $allowed',
		async ({ role, allowed }) => {
			const cell = cells[fn];
			const rows = await arrangeOrganisation();
			await cell.arrange?.(rows);
			const { data } = await cell.call(clients[role], rows);
			const happened = cell.happened ? await cell.happened(rows) : data !== null;
			expect(happened).toBe(allowed);
		}
	);
});
