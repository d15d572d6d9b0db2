// The impact report for funders (issue 12): only that organisation's admins read it; its figures
// come from attendance and activity, members without a phone included; no figure under 5 is
// shown, and none that is hidden can be worked out from the others (the difference attack).
import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { client, db, signUp, type Person } from '../support/platform';
import { joinedMember, joinedModerator, makeGroup, type Group } from '../support/groups';

type Flag = 'small' | 'derived' | null;
interface Cell {
	value: number | null;
	suppressed: Flag;
}
type Figures = Record<string, Cell> & { shares: Record<string, number | null> };
interface Report {
	organisation: { id: string; name: string; slug: string };
	from: string;
	to: string;
	groups: { id: string; name: string; archived: boolean; figures: Figures }[];
	total: Figures;
}

const measures = [
	'meetups',
	'attendances',
	'participants',
	'returning',
	'new_members',
	'posts',
	'answers',
	'meetups_childcare',
	'meetups_transport',
	'meetups_free'
];

async function makeAdmin(organisationId: string, nickname = 'Beheerder'): Promise<Person> {
	const person = await signUp(nickname);
	await db().query(
		'insert into public.organisation_admins (organisation_id, user_id) values ($1, $2)',
		[organisationId, person.id]
	);
	return person;
}

/** A second group in the same organisation. */
async function siblingGroup(of: Group, name: string): Promise<Group> {
	const { rows } = await db().query<{ id: string }>(
		`insert into public.groups (organisation_id, name, slug, description, rules)
		values ($1, $2, $3, '', '') returning id`,
		[of.organisationId, name, `t-${randomUUID().slice(0, 8)}`]
	);
	return { id: rows[0].id, organisationId: of.organisationId };
}

// The report counts months that are over: what it is asked about happened last month, around the
// 15th (noon, Brussels), and the period runs from the first of the month two months before that
// to the end of last month.
const brusselsToday = () =>
	new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(new Date());
const monthStart = (day: string) => `${day.slice(0, 7)}-01`;
const monthEnd = (day: string) =>
	new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)), 0))
		.toISOString()
		.slice(0, 10);
/** The first day of the month `back` months before the one of `day`. */
const monthsBack = (day: string, back: number) =>
	new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1 - back, 1))
		.toISOString()
		.slice(0, 10);
const lastMonth = () => monthsBack(brusselsToday(), 1);
const reportFrom = () => monthsBack(brusselsToday(), 3);
const reportTo = () => monthEnd(lastMonth());
const anchor = () => `${lastMonth().slice(0, 7)}-15T12:00:00+01:00`;

/** Members without a phone, added as a host adds them; gives their membership ids. */
async function membersWithoutPhone(groupId: string, count: number): Promise<string[]> {
	if (count === 0) return [];
	const { rows } = await db().query<{ id: string }>(
		`insert into public.group_members (group_id, nickname, status, joined_at)
		select $1, 'Deelnemer ' || n, 'active', $3::timestamptz - interval '30 days'
		from generate_series(1, $2::integer) n
		returning id`,
		[groupId, count, anchor()]
	);
	return rows.map((row) => row.id);
}

/** A meetup that took place some days before the 15th of last month, with these members checked in. */
async function heldMeetup(
	groupId: string,
	daysAgo: number,
	attendees: string[],
	needs: { childcare?: boolean; transport?: boolean; free?: boolean } = {}
): Promise<string> {
	const { rows } = await db().query<{ id: string }>(
		`insert into public.meetups (group_id, title, starts_at, ends_at, place, childcare,
			transport_help, cost)
		values ($1, 'Praatcafé', $6::timestamptz - make_interval(days => $2),
			$6::timestamptz - make_interval(days => $2) + interval '2 hours', 'Buurthuis', $3, $4, $5)
		returning id`,
		[
			groupId,
			daysAgo,
			needs.childcare ?? false,
			needs.transport ?? false,
			needs.free ? null : '€ 2',
			anchor()
		]
	);
	if (attendees.length > 0) {
		await db().query(
			`insert into public.attendance (meetup_id, member_id)
			select $1, unnest($2::uuid[])`,
			[rows[0].id, attendees]
		);
	}
	return rows[0].id;
}

const today = () => new Date().toISOString().slice(0, 10);
const daysBack = (days: number) =>
	new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

async function report(sb: SupabaseClient, organisation: string) {
	// A group counts from the day it began: the groups planted now began before the period.
	await db().query(
		`update public.groups set created_at = $2::timestamptz - interval '120 days'
		where organisation_id = $1`,
		[organisation, anchor()]
	);
	return sb.rpc('impact_report', { organisation, from_date: reportFrom(), to_date: reportTo() });
}

describe('who reads the report', () => {
	type Role = 'anonymous' | 'member' | 'moderator' | 'otherAdmin' | 'admin';
	// see: the report comes back · -: refused (not_allowed)
	const matrix = `
function             anonymous member moderator otherAdmin admin
impact_report        -         -      -         -          see
page_impact_report   -         -      -         -          see
`;
	let clients: Record<Role, SupabaseClient>;
	let group: Group;
	let slug: string;

	beforeAll(async () => {
		group = await makeGroup();
		const other = await makeGroup();
		const moderator = await joinedModerator(group.id);
		const member = await joinedMember(group.id);
		clients = {
			anonymous: client(),
			member: member.client,
			// A moderator of one of the organisation's groups is not its admin.
			moderator: moderator.client,
			otherAdmin: (await makeAdmin(other.organisationId)).client,
			admin: (await makeAdmin(group.organisationId)).client
		};
		const { rows } = await db().query<{ slug: string }>(
			'select slug from public.organisations where id = $1',
			[group.organisationId]
		);
		slug = rows[0].slug;
	});

	const calls: Record<
		string,
		(sb: SupabaseClient) => PromiseLike<{ data: unknown; error: { message: string } | null }>
	> = {
		impact_report: (sb) => report(sb, group.organisationId),
		page_impact_report: (sb) =>
			sb.rpc('page_impact_report', {
				organisation_slug: slug,
				from_date: reportFrom(),
				to_date: reportTo()
			})
	};

	const [header, ...lines] = matrix.trim().split('\n');
	const columns = header.split(/\s+/).slice(1) as Role[];
	for (const line of lines) {
		const [fn, ...cells] = line.split(/\s+/);
		cells.forEach((cell, i) => {
			const role = columns[i];
			test(`${fn}: ${role} ${cell === 'see' ? 'reads it' : 'is refused'}`, async () => {
				const { data, error } = await calls[fn](clients[role]);
				if (cell === 'see') {
					expect(error).toBeNull();
					expect((data as Report).organisation.id).toBe(group.organisationId);
				} else {
					expect(data).toBeNull();
					// anon may not execute it at all; the others are refused by the function.
					expect(error?.message).toMatch(
						role === 'anonymous' ? /permission denied/ : /not_allowed/
					);
				}
			});
		});
	}

	test('a period of other days than whole months is refused', async () => {
		// Two such periods a few days apart subtracted to the figures of a single day.
		for (const [from, to] of [
			[daysBack(60), today()],
			[reportFrom(), daysBack(6)],
			[monthStart(today()), monthStart(today())]
		]) {
			const { error } = await clients.admin.rpc('impact_report', {
				organisation: group.organisationId,
				from_date: from,
				to_date: to
			});
			expect(error?.message, `${from} … ${to}`).toBe('report_period_invalid');
		}
		const other = await clients.otherAdmin.rpc('impact_report', {
			organisation: group.organisationId,
			from_date: daysBack(60),
			to_date: today()
		});
		expect(other.error?.message).toBe('not_allowed');
	});

	test('a period that has not ended is refused, so asking again later shows no one new', async () => {
		// Attack review 14, F3: this month asked twice, a minute apart, differed by the one person
		// who joined in between.
		const thisMonth = brusselsToday();
		for (const [from, to] of [
			[monthStart(thisMonth), monthEnd(thisMonth)],
			[reportFrom(), monthEnd(thisMonth)],
			[monthsBack(thisMonth, -1), monthEnd(monthsBack(thisMonth, -1))]
		]) {
			const { error } = await clients.admin.rpc('impact_report', {
				organisation: group.organisationId,
				from_date: from,
				to_date: to
			});
			expect(error?.message, `${from} … ${to}`).toBe('report_period_invalid');
		}
		const lastWholeMonth = await clients.admin.rpc('impact_report', {
			organisation: group.organisationId,
			from_date: lastMonth(),
			to_date: reportTo()
		});
		expect(lastWholeMonth.error).toBeNull();
		const other = await clients.otherAdmin.rpc('impact_report', {
			organisation: group.organisationId,
			from_date: monthStart(thisMonth),
			to_date: monthEnd(thisMonth)
		});
		expect(other.error?.message).toBe('not_allowed');
	});

	test('a period that ends before it starts is refused', async () => {
		const { error } = await clients.admin.rpc('impact_report', {
			organisation: group.organisationId,
			from_date: today(),
			to_date: daysBack(10)
		});
		expect(error?.message).toBe('report_period_invalid');
	});
});

describe('what the report counts', () => {
	let admin: Person;
	let big: Group;
	let small: Group;
	let data: Report;

	beforeAll(async () => {
		big = await makeGroup({ name: 'Praatcafé Gent' });
		small = await siblingGroup(big, 'Zondagsgroep');
		admin = await makeAdmin(big.organisationId);
		// Eight people without a phone in the big group, three of them also come to the small one
		// (there as separate memberships, as a host would add them).
		const people = await membersWithoutPhone(big.id, 8);
		const few = await membersWithoutPhone(small.id, 3);
		for (let i = 0; i < 6; i += 1) {
			await heldMeetup(big.id, 5 + i, i < 3 ? people : people.slice(0, 5), {
				childcare: i < 5,
				free: true
			});
		}
		await heldMeetup(small.id, 3, few, { childcare: true });
		// Not held: cancelled, to come, or before the period.
		const cancelled = await heldMeetup(big.id, 4, people);
		await db().query("update public.meetups set status = 'cancelled' where id = $1", [cancelled]);
		await db().query(
			`insert into public.meetups (group_id, title, starts_at, ends_at, place)
			values ($1, 'Later', now() + interval '2 days', now() + interval '2 days 2 hours', 'Hier')`,
			[big.id]
		);
		await heldMeetup(big.id, 200, people);
		const { data: report_, error } = await report(admin.client, big.organisationId);
		expect(error).toBeNull();
		data = report_ as Report;
	});

	test('counts meetups held, attendances, people and who came back, members without a phone included', () => {
		const shown = (value: number) => ({ value, suppressed: null });
		expect(data.total.meetups).toEqual(shown(7));
		expect(data.total.attendances).toEqual(shown(3 * 8 + 3 * 5 + 3));
		expect(data.total.participants).toEqual(shown(11));
		expect(data.total.returning).toEqual(shown(8));
		expect(data.total.new_members).toEqual(shown(11));
		expect(data.total.meetups_childcare).toEqual(shown(6));
		expect(data.total.meetups_free).toEqual(shown(6));
		expect(data.total.shares).toEqual({ childcare: 86, transport: null, free: 86 });
	});

	test('a figure under 5 is hidden, and so is the one that would give it away', () => {
		const bigGroup = data.groups.find((g) => g.id === big.id)!.figures;
		const smallGroup = data.groups.find((g) => g.id === small.id)!.figures;
		expect(smallGroup.meetups).toEqual({ value: null, suppressed: 'small' });
		expect(smallGroup.participants).toEqual({ value: null, suppressed: 'small' });
		expect(smallGroup.meetups_transport).toEqual({ value: null, suppressed: 'small' });
		// The total minus the big group would give the small one: the big group's figure goes too.
		expect(bigGroup.meetups).toEqual({ value: null, suppressed: 'derived' });
		expect(bigGroup.participants).toEqual({ value: null, suppressed: 'derived' });
		expect(bigGroup.shares).toEqual({ childcare: null, transport: null, free: null });
		for (const measure of measures) {
			for (const row of [bigGroup, smallGroup, data.total]) {
				const cell = row[measure];
				if (cell.value !== null) expect(cell.value).toBeGreaterThanOrEqual(5);
			}
		}
	});

	test('names the organisation and the period', () => {
		expect(data.organisation.name).toMatch(/^Organisatie /);
		expect(data.from).toBe(reportFrom());
		expect(data.to).toBe(reportTo());
		expect(data.groups.map((g) => g.name)).toEqual(['Praatcafé Gent', 'Zondagsgroep']);
	});
});

describe('what one row gives away across its columns', () => {
	// Returning people came twice or more: returning <= attendances - participants.
	test('attendances 11 and participants 10 shown would pin a hidden returning to 1', async () => {
		const group = await makeGroup();
		const admin = await makeAdmin(group.organisationId);
		const people = await membersWithoutPhone(group.id, 10);
		await heldMeetup(group.id, 3, people);
		await heldMeetup(group.id, 2, people.slice(0, 1));
		const { data, error } = await report(admin.client, group.organisationId);
		expect(error).toBeNull();
		for (const row of [(data as Report).total, (data as Report).groups[0].figures]) {
			expect(row.attendances).toEqual({ value: 11, suppressed: null });
			expect(row.returning).toEqual({ value: null, suppressed: 'small' });
			expect(row.participants).toEqual({ value: null, suppressed: 'derived' });
		}
	});
});

/**
 * What a row's attendances A, shown, leave for its participants P and returning R: either R = 0
 * and P = A, or 1 <= R <= P and P + R <= A; a shown figure is itself, 'small' 0-4, 'derived' 5+.
 */
function rowValues(a: number, p: [number, Flag], r: [number, Flag]) {
	const range = ([value, flag]: [number, Flag]): [number, number] =>
		flag === null ? [value, value] : flag === 'small' ? [0, 4] : [5, a];
	const [pLow, pHigh] = range(p);
	const [rLow, rHigh] = range(r);
	const ps = new Set<number>();
	const rs = new Set<number>();
	for (let pv = pLow; pv <= Math.min(pHigh, a); pv += 1) {
		for (let rv = rLow; rv <= Math.min(rHigh, a); rv += 1) {
			if ((rv === 0 && pv === a) || (rv >= 1 && rv <= pv && pv + rv <= a)) {
				ps.add(pv);
				rs.add(rv);
			}
		}
	}
	return { ps, rs };
}

/**
 * The attacker: knows every figure shown, that a 'small' one is 0-4 and a 'derived' one 5 or more,
 * and that the total is the sum of the groups. Gives the values a hidden cell can still have
 * (up to upTo), trying each candidate against what the other hidden cells can add up to.
 */
function possibleValues(cells: number[], flags: Flag[], j: number, upTo: number): number[] {
	const sign = (i: number) => (i === 0 ? 1 : -1);
	const range = (i: number): [number, number] =>
		flags[i] === 'small' ? [0, 4] : [5, Number.MAX_SAFE_INTEGER];
	let shown = 0;
	flags.forEach((flag, i) => {
		if (flag === null) shown += sign(i) * cells[i];
	});
	// sign_j * x_j + sum(others) = -shown
	let low = 0;
	let high = 0;
	flags.forEach((flag, i) => {
		if (flag === null || i === j) return;
		const [a, b] = range(i);
		if (sign(i) === 1) {
			low += a;
			high += b;
		} else {
			low -= b;
			high -= a;
		}
	});
	const [from, to] = range(j);
	const fits = (v: number) => {
		const needed = -shown - sign(j) * v;
		return needed >= low && needed <= high;
	};
	const found: number[] = [];
	for (let v = from; v <= Math.min(to, upTo); v += 1) if (fits(v)) found.push(v);
	return found;
}

const suppress = async (cells: number[]) =>
	(await db().query<{ flags: Flag[] }>('select private.impact_suppression($1) as flags', [cells]))
		.rows[0].flags;

describe('no hidden figure can be worked out', () => {
	// Groups with some small figures and some large ones; the total is their sum.
	const groupFigures = fc.array(
		fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 60 })),
		{ minLength: 1, maxLength: 10 }
	);

	test('every figure under 5 is hidden, and nothing hidden has a single value left', async () => {
		await fc.assert(
			fc.asyncProperty(groupFigures, async (groups) => {
				const cells = [groups.reduce((a, b) => a + b, 0), ...groups];
				const flags = await suppress(cells);
				const upTo = cells[0] + 1;
				cells.forEach((value, i) => {
					if (value < 5) expect(flags[i]).toBe('small');
					if (flags[i] === 'small') expect(value).toBeLessThan(5);
				});
				flags.forEach((flag, j) => {
					if (flag === null) return;
					const values = possibleValues(cells, flags, j, upTo);
					expect(values).toContain(cells[j]);
					expect(values.length, `cell ${j} of ${cells} (${flags})`).toBeGreaterThan(1);
				});
			}),
			{ numRuns: 300 }
		);
	});

	test('the difference attack: the total minus the groups shown never gives a hidden group', async () => {
		await fc.assert(
			fc.asyncProperty(groupFigures, async (groups) => {
				const cells = [groups.reduce((a, b) => a + b, 0), ...groups];
				const flags = await suppress(cells);
				const hiddenGroups = flags.slice(1).filter((flag) => flag !== null).length;
				if (flags[0] === null) expect(hiddenGroups).not.toBe(1);
				else expect(hiddenGroups === 0 && groups.length > 0).toBe(false);
			}),
			{ numRuns: 300 }
		);
	});

	test('attendances, participants and returning: no hidden one has a single value left', async () => {
		// Per group: participants, how many of them came back, and visits beyond the second.
		const people = fc.array(
			fc
				.record({ p: fc.integer({ min: 0, max: 14 }), r: fc.nat(14), extra: fc.nat(8) })
				.map(({ p, r, extra }) => {
					const returning = Math.min(r, p);
					return { a: p + returning + (returning > 0 ? extra : 0), p, r: returning };
				}),
			{ minLength: 1, maxLength: 6 }
		);
		await fc.assert(
			fc.asyncProperty(people, async (groups) => {
				const column = (key: 'a' | 'p' | 'r') => [
					groups.reduce((sum, g) => sum + g[key], 0),
					...groups.map((g) => g[key])
				];
				const [a, p, r] = [column('a'), column('p'), column('r')];
				const { rows } = await db().query<{ a: Flag[]; p: Flag[]; r: Flag[] }>(
					`select attendances_flags as a, participants_flags as p, returning_flags as r
					from private.impact_people_suppression($1, $2, $3)`,
					[a, p, r]
				);
				const flags = rows[0];
				for (const [cells, columnFlags] of [
					[a, flags.a],
					[p, flags.p],
					[r, flags.r]
				] as const) {
					cells.forEach((value, i) => {
						if (value < 5) expect(columnFlags[i]).toBe('small');
						if (columnFlags[i] === null) return;
						const values = possibleValues(cells, columnFlags, i, cells[0] + 1);
						expect(values.length, `column ${cells} (${columnFlags})`).toBeGreaterThan(1);
					});
				}
				a.forEach((value, i) => {
					if (flags.a[i] !== null) return;
					const { ps, rs } = rowValues(value, [p[i], flags.p[i]], [r[i], flags.r[i]]);
					const row = `A ${value} P ${p[i]} (${flags.p[i]}) R ${r[i]} (${flags.r[i]})`;
					if (flags.p[i] !== null) expect(ps.size, row).toBeGreaterThan(1);
					if (flags.r[i] !== null) expect(rs.size, row).toBeGreaterThan(1);
				});
			}),
			{ numRuns: 300 }
		);
	});

	test('a generated organisation: its report gives nothing away by subtraction', async () => {
		// Each run plants a small organisation (groups of members without a phone, meetups held,
		// attendance) and reads the report as its admin, as a funder's spreadsheet would.
		const organisation = fc.array(
			fc.record({
				people: fc.integer({ min: 0, max: 12 }),
				meetups: fc.integer({ min: 0, max: 7 }),
				childcare: fc.boolean()
			}),
			{ minLength: 1, maxLength: 5 }
		);
		await fc.assert(
			fc.asyncProperty(organisation, async (groups) => {
				const first = await makeGroup();
				const admin = await makeAdmin(first.organisationId);
				const planted: Group[] = [first];
				for (let g = 1; g < groups.length; g += 1) {
					planted.push(await siblingGroup(first, `Groep ${g}`));
				}
				for (const [g, shape] of groups.entries()) {
					const people = await membersWithoutPhone(planted[g].id, shape.people);
					for (let k = 0; k < shape.meetups; k += 1) {
						await heldMeetup(planted[g].id, 2 + k, people.slice(0, people.length - k), {
							childcare: shape.childcare,
							free: k % 2 === 0
						});
					}
				}
				const { data, error } = await report(admin.client, first.organisationId);
				expect(error).toBeNull();
				const result = data as Report;
				for (const measure of measures) {
					const rows = result.groups.map((g) => g.figures[measure]);
					const total = result.total[measure];
					for (const cell of [total, ...rows]) {
						if (cell.value !== null) expect(cell.value).toBeGreaterThanOrEqual(5);
						else expect(cell.suppressed).not.toBeNull();
					}
					const hidden = rows.filter((cell) => cell.value === null).length;
					if (total.value !== null) expect(hidden, measure).not.toBe(1);
					else expect(hidden, measure).toBeGreaterThan(0);
				}
			}),
			{ numRuns: 6 }
		);
	}, 120_000);
});
