// Who may call the functions that write meetups, answers for others, attendance and members
// without a phone: every function × every kind of person, written down as the RLS matrices are.
// The tables offer no writes at all (meetups-rls.test.ts), so these functions are the only way
// in, and each checks the caller itself. A call is judged by what the database holds
// afterwards, not by the error it returned; every cell works on rows of its own.
import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import { beforeAll, describe, expect, test } from 'vitest';
import { client, db, signUp } from '../support/platform';
import { joinedMember, joinedModerator, makeGroup, membershipId } from '../support/groups';
import { createMeetup, inDays, joinedHost, meetupFields } from '../support/meetups';

const roles = [
	'anonymous',
	'outsider',
	'member',
	'removedHost',
	'leftHost',
	'otherModerator',
	'host',
	'moderator'
] as const;
type Role = (typeof roles)[number];

// ok: the call changed the database · -: nothing changed
const matrix = `
function                  anonymous outsider member removedHost leftHost otherModerator host moderator
create_meetup             -         -        -      -           -        -              ok   ok
update_meetup             -         -        -      -           -        -              ok   ok
cancel_meetup             -         -        -      -           -        -              ok   ok
create_meetup_series      -         -        -      -           -        -              ok   ok
update_meetup_series      -         -        -      -           -        -              ok   ok
cancel_meetup_series      -         -        -      -           -        -              ok   ok
check_in                  -         -        -      -           -        -              ok   ok
undo_check_in             -         -        -      -           -        -              ok   ok
add_walk_in               -         -        -      -           -        -              ok   ok
rsvp_for_member           -         -        -      -           -        -              ok   ok
add_member_without_phone  -         -        -      -           -        -              ok   ok
create_claim_invite       -         -        -      -           -        -              -    ok
`;

interface Cell {
	/** Makes the rows this call works on, as a host would. */
	arrange: () => Promise<Record<string, string>>;
	call: (sb: SupabaseClient, rows: Record<string, string>) => PromiseLike<unknown>;
	/** Whether the database holds the call's effect. */
	happened: (rows: Record<string, string>) => Promise<boolean>;
}

let clients: Record<Role, SupabaseClient>;
let cells: Record<string, Cell>;

const exists = async (sql: string, values: unknown[]) =>
	(await db().query(`select exists (${sql}) as yes`, values)).rows[0].yes as boolean;

beforeAll(async () => {
	const group = await makeGroup();
	const other = await makeGroup();
	const host = await joinedHost(group.id, 'Host');
	const moderator = await joinedModerator(group.id, 'Moderator');
	const member = await joinedMember(group.id, 'Member');
	const removedHost = await joinedHost(group.id, 'Removed host');
	await moderator.client.rpc('remove_member', {
		member: await membershipId(group.id, removedHost.id)
	});
	// Leaving keeps the role on the row: only its status says they are gone.
	const leftHost = await joinedHost(group.id, 'Left host');
	await leftHost.client.rpc('leave_group', { target_group: group.id });
	const otherModerator = await joinedModerator(other.id, 'Other moderator');
	const outsider = await signUp('Outsider');
	const memberMembership = await membershipId(group.id, member.id);

	const meetup = async () => ({ meetup: await createMeetup(host, group.id) });
	const series = async () => {
		const { data, error } = await host.client.rpc('create_meetup_series', {
			client_id: randomUUID(),
			target_group: group.id,
			...meetupFields(),
			repeat: 'weekly',
			repeat_until: inDays(21).slice(0, 10)
		});
		expect(error).toBeNull();
		return { meetup: data as string };
	};
	const withoutPhone = async () => {
		const { data, error } = await host.client.rpc('add_member_without_phone', {
			target_group: group.id,
			nickname: `Zonder gsm ${randomUUID().slice(0, 6)}`
		});
		expect(error).toBeNull();
		return data as string;
	};
	const titled = (title: string) => (rows: Record<string, string>) =>
		exists('select 1 from public.meetups where id = $1 and title = $2', [rows.meetup, title]);
	const cancelled = (rows: Record<string, string>) =>
		exists(`select 1 from public.meetups where id = $1 and status = 'cancelled'`, [rows.meetup]);

	clients = {
		anonymous: client(),
		outsider: outsider.client,
		member: member.client,
		removedHost: removedHost.client,
		leftHost: leftHost.client,
		otherModerator: otherModerator.client,
		host: host.client,
		moderator: moderator.client
	};
	cells = {
		create_meetup: {
			arrange: async () => ({ clientId: randomUUID() }),
			call: (sb, rows) =>
				sb.rpc('create_meetup', {
					client_id: rows.clientId,
					target_group: group.id,
					...meetupFields()
				}),
			happened: (rows) =>
				exists('select 1 from public.meetups where client_id = $1', [rows.clientId])
		},
		update_meetup: {
			arrange: meetup,
			call: (sb, rows) =>
				sb.rpc('update_meetup', {
					meetup: rows.meetup,
					...meetupFields({ title: 'Overgenomen' })
				}),
			happened: titled('Overgenomen')
		},
		cancel_meetup: {
			arrange: meetup,
			call: (sb, rows) => sb.rpc('cancel_meetup', { meetup: rows.meetup }),
			happened: cancelled
		},
		create_meetup_series: {
			arrange: async () => ({ clientId: randomUUID() }),
			call: (sb, rows) =>
				sb.rpc('create_meetup_series', {
					client_id: rows.clientId,
					target_group: group.id,
					...meetupFields(),
					repeat: 'weekly',
					repeat_until: inDays(21).slice(0, 10)
				}),
			happened: (rows) =>
				exists('select 1 from public.meetups where client_id = $1', [rows.clientId])
		},
		update_meetup_series: {
			arrange: series,
			call: (sb, rows) =>
				sb.rpc('update_meetup_series', {
					meetup: rows.meetup,
					...meetupFields({ title: 'Overgenomen' }),
					repeat_until: inDays(21).slice(0, 10)
				}),
			happened: titled('Overgenomen')
		},
		cancel_meetup_series: {
			arrange: series,
			call: (sb, rows) => sb.rpc('cancel_meetup_series', { meetup: rows.meetup }),
			happened: cancelled
		},
		check_in: {
			arrange: meetup,
			call: (sb, rows) => sb.rpc('check_in', { meetup: rows.meetup, member: memberMembership }),
			happened: (rows) =>
				exists('select 1 from public.attendance where meetup_id = $1', [rows.meetup])
		},
		undo_check_in: {
			arrange: async () => {
				const rows = await meetup();
				const { error } = await host.client.rpc('check_in', {
					meetup: rows.meetup,
					member: memberMembership
				});
				expect(error).toBeNull();
				return rows;
			},
			call: (sb, rows) =>
				sb.rpc('undo_check_in', { meetup: rows.meetup, member: memberMembership }),
			happened: async (rows) =>
				!(await exists('select 1 from public.attendance where meetup_id = $1', [rows.meetup]))
		},
		add_walk_in: {
			arrange: meetup,
			call: (sb, rows) => sb.rpc('add_walk_in', { meetup: rows.meetup, nickname: 'Binnenloper' }),
			happened: (rows) =>
				exists('select 1 from public.attendance where meetup_id = $1', [rows.meetup])
		},
		rsvp_for_member: {
			arrange: async () => ({ ...(await meetup()), member: await withoutPhone() }),
			call: (sb, rows) =>
				sb.rpc('rsvp_for_member', {
					client_id: randomUUID(),
					meetup: rows.meetup,
					member: rows.member,
					status: 'going',
					childcare_children: 1,
					transport_help: true,
					cost_is_a_problem: false,
					note: ''
				}),
			happened: (rows) => exists('select 1 from public.rsvps where meetup_id = $1', [rows.meetup])
		},
		add_member_without_phone: {
			arrange: async () => ({ nickname: `Nieuw ${randomUUID().slice(0, 6)}` }),
			call: (sb, rows) =>
				sb.rpc('add_member_without_phone', { target_group: group.id, nickname: rows.nickname }),
			happened: (rows) =>
				exists('select 1 from public.group_members where nickname = $1', [rows.nickname])
		},
		create_claim_invite: {
			arrange: async () => ({ member: await withoutPhone() }),
			call: (sb, rows) => sb.rpc('create_claim_invite', { member: rows.member }),
			happened: (rows) =>
				exists('select 1 from public.invites where claims_member = $1', [rows.member])
		}
	};
});

const [header, ...lines] = matrix.trim().split('\n');
const outcomes = lines.flatMap((line) => {
	const [fn, ...allowed] = line.trim().split(/\s+/);
	return roles.map((role, i) => ({ fn, role, allowed: allowed[i] === 'ok' }));
});

test('the matrix names every kind of person once per function', () => {
	expect(header.trim().split(/\s+/).slice(1)).toEqual([...roles]);
	for (const line of lines) expect(line.trim().split(/\s+/)).toHaveLength(roles.length + 1);
});

describe.each([...new Set(outcomes.map((cell) => cell.fn))])('%s', (fn) => {
	test.each(outcomes.filter((cell) => cell.fn === fn))(
		'by $role: allowed = $allowed',
		async ({ role, allowed }) => {
			const cell = cells[fn];
			const rows = await cell.arrange();
			await cell.call(clients[role], rows);
			expect(await cell.happened(rows)).toBe(allowed);
		}
	);
});
