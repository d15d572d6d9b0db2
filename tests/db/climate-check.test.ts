// The climate check (issue 11): a member of at least two weeks is asked at most once a calendar
// month how they feel in the group; moderators see only how many gave each face, only from five
// answers in a month, never who gave which. Who was asked and the counts are kept with no link.
import type { SupabaseClient } from '@supabase/supabase-js';
import { beforeAll, describe, expect, test } from 'vitest';
import { client, db, signUp, type Person } from '../support/platform';
import { joinedMember, joinedModerator, makeGroup, membershipId } from '../support/groups';
import { joinedHost } from '../support/meetups';

const sql = (text: string, values: unknown[] = []) => db().query(text, values);

async function call(sb: SupabaseClient, fn: string, args: Record<string, unknown> = {}) {
	const { data, error } = await sb.rpc(fn, args);
	return { data, error: error?.message ?? null };
}

async function ok(sb: SupabaseClient, fn: string, args: Record<string, unknown> = {}) {
	const { data, error } = await call(sb, fn, args);
	expect(error, fn).toBeNull();
	return data;
}

interface Month {
	month: string;
	asked: number;
	answers: number;
	faces: number[] | null;
}

/** A member who joined `days` ago. */
async function memberSince(group: string, days: number, name?: string): Promise<Person> {
	const person = await joinedMember(group, name);
	await sql(
		`update public.group_members set joined_at = now() - make_interval(days => $3)
		where group_id = $1 and user_id = $2`,
		[group, person.id, days]
	);
	return person;
}

const asked = (person: Person, group: string) =>
	ok(person.client, 'climate_question', { target_group: group });

describe('the group page asks it', () => {
	test("the feed's first page says whether to ask, in the same call; older pages never ask", async () => {
		const group = (await makeGroup()).id;
		const regular = await memberSince(group, 20, 'Lezer');
		const feed = (args: Record<string, unknown> = {}) =>
			ok(regular.client, 'page_group_feed', { target_group: group, ...args }) as Promise<{
				climate_question: boolean;
			}>;
		expect((await feed()).climate_question).toBe(true);
		const older = { before_created_at: new Date().toISOString(), before_id: crypto.randomUUID() };
		expect((await feed(older)).climate_question).toBe(false);
		await ok(regular.client, 'answer_climate', { target_group: group, face: null });
		expect((await feed()).climate_question).toBe(false);
	});
});

describe('the question', () => {
	let group: string;
	beforeAll(async () => {
		group = (await makeGroup()).id;
	});

	test('is for members of at least 14 days, once a calendar month, "not now" included', async () => {
		const newcomer = await memberSince(group, 13, 'Nieuw');
		expect(await asked(newcomer, group)).toBe(false);
		expect(
			(await call(newcomer.client, 'answer_climate', { target_group: group, face: 4 })).error
		).toBe('not_allowed');

		const regular = await memberSince(group, 15, 'Vast');
		expect(await asked(regular, group)).toBe(true);
		await ok(regular.client, 'answer_climate', { target_group: group, face: 4 });
		expect(await asked(regular, group)).toBe(false);

		const busy = await memberSince(group, 40, 'Druk');
		await ok(busy.client, 'answer_climate', { target_group: group, face: null });
		expect(await asked(busy, group)).toBe(false);

		// Asked last month: asked again this month.
		const last = await memberSince(group, 60, 'Vorige');
		await sql(
			`insert into public.climate_asked (member_id, month)
			values ($1, private.climate_month() - interval '1 month')`,
			[await membershipId(group, last.id)]
		);
		expect(await asked(last, group)).toBe(true);
	});

	test('a second answer in the month counts for nothing; a face is 1 to 5', async () => {
		const moderator = await joinedModerator(group, 'Begeleider');
		const person = await memberSince(group, 30, 'Twee keer');
		expect(
			(await call(person.client, 'answer_climate', { target_group: group, face: 6 })).error
		).toBe('climate_face_invalid');
		expect(
			(await call(person.client, 'answer_climate', { target_group: group, face: 0 })).error
		).toBe('climate_face_invalid');
		expect(await asked(person, group)).toBe(true);
		const before = (
			(await ok(moderator.client, 'climate_summary', { target_group: group })) as Month[]
		).at(-1)!;
		await ok(person.client, 'answer_climate', { target_group: group, face: 2 });
		await ok(person.client, 'answer_climate', { target_group: group, face: 2 });
		await ok(person.client, 'answer_climate', { target_group: group, face: 5 });
		const after = (
			(await ok(moderator.client, 'climate_summary', { target_group: group })) as Month[]
		).at(-1)!;
		expect(after.answers).toBe(before.answers + 1);
		expect(after.asked).toBe(before.asked + 1);
	});

	test('is for active members of the group only', async () => {
		const removed = await memberSince(group, 30, 'Weg');
		await sql(
			`update public.group_members set status = 'removed' where group_id = $1 and user_id = $2`,
			[group, removed.id]
		);
		const outsider = await signUp();
		for (const sb of [removed.client, outsider.client]) {
			expect(await ok(sb, 'climate_question', { target_group: group })).toBe(false);
			expect((await call(sb, 'answer_climate', { target_group: group, face: 3 })).error).toBe(
				'not_allowed'
			);
		}
		expect(
			(await call(client(), 'answer_climate', { target_group: group, face: 3 })).error
		).not.toBeNull();
	});
});

describe('what the moderators see', () => {
	let group: string;
	let moderator: Person;
	beforeAll(async () => {
		group = (await makeGroup()).id;
		moderator = await joinedModerator(group, 'Begeleider');
	});

	test('only the distribution, only from 5 answers, for the last six months', async () => {
		const summary = async () =>
			(await ok(moderator.client, 'climate_summary', { target_group: group })) as Month[];
		const empty = await summary();
		expect(empty).toHaveLength(6);
		const { rows } = await sql(`select private.climate_month()::text as month`);
		expect(empty.at(-1)).toEqual({ month: rows[0].month, asked: 0, answers: 0, faces: null });
		expect(empty.map((m) => m.month)).toEqual([...empty.map((m) => m.month)].sort());

		const faces = [1, 3, 3, 5];
		for (const face of faces) {
			const person = await memberSince(group, 20);
			await ok(person.client, 'answer_climate', { target_group: group, face });
		}
		const skipper = await memberSince(group, 20);
		await ok(skipper.client, 'answer_climate', { target_group: group, face: null });
		expect((await summary()).at(-1)).toEqual({
			month: rows[0].month,
			asked: 5,
			answers: 4,
			faces: null
		});

		// Five answers this month: still only how many, until the month has ended.
		const fifth = await memberSince(group, 20);
		await ok(fifth.client, 'answer_climate', { target_group: group, face: 4 });
		expect((await summary()).at(-1)).toEqual({
			month: rows[0].month,
			asked: 6,
			answers: 5,
			faces: null
		});

		// Months that ended: the distribution from 5 answers, nothing below.
		const counts = async (monthsAgo: number, faces: number[]) => {
			for (const [index, answers] of faces.entries()) {
				await sql(
					`insert into public.climate_answers (group_id, month, face, answers)
					values ($1, private.climate_month() - make_interval(months => $2), $3, $4)`,
					[group, monthsAgo, index + 1, answers]
				);
			}
		};
		await counts(1, [1, 0, 2, 1, 1]);
		await counts(2, [0, 1, 1, 1, 1]);
		const months = await summary();
		expect(months.at(-2)).toMatchObject({ answers: 5, faces: [1, 0, 2, 1, 1] });
		expect(months.at(-3)).toMatchObject({ answers: 4, faces: null });
	});

	test('a moderator who looks after every answer this month learns no one’s face', async () => {
		const here = (await makeGroup()).id;
		const watcher = await joinedModerator(here, 'Kijker');
		const { rows } = await sql(`select private.climate_month()::text as month`);
		for (const [index, face] of [5, 1, 3, 3, 2, 4, 1].entries()) {
			const person = await memberSince(here, 20);
			await ok(person.client, 'answer_climate', { target_group: here, face });
			const now = (
				(await ok(watcher.client, 'climate_summary', { target_group: here })) as Month[]
			).at(-1);
			expect(now).toEqual({
				month: rows[0].month,
				asked: index + 1,
				answers: index + 1,
				faces: null
			});
		}
	});

	test('members, hosts, other groups’ moderators, outsiders and visitors see nothing', async () => {
		const member = await memberSince(group, 20);
		const host = await joinedHost(group, 'Gastvrouw');
		const elsewhere = await joinedModerator((await makeGroup()).id, 'Elders');
		const outsider = await signUp();
		for (const sb of [member.client, host.client, elsewhere.client, outsider.client, client()]) {
			const { data, error } = await call(sb, 'climate_summary', { target_group: group });
			expect(error).not.toBeNull();
			expect(data).toBeNull();
		}
	});
});

describe('no link between who answered and what they answered', () => {
	test('the counts table has no member, no time finer than the month', async () => {
		const { rows: columns } = await sql(
			`select column_name, data_type from information_schema.columns
			where table_schema = 'public' and table_name = 'climate_answers' order by ordinal_position`
		);
		expect(columns).toEqual([
			{ column_name: 'group_id', data_type: 'uuid' },
			{ column_name: 'month', data_type: 'date' },
			{ column_name: 'face', data_type: 'smallint' },
			{ column_name: 'answers', data_type: 'integer' }
		]);
		const { rows: links } = await sql(
			`select confrelid::regclass::text as target from pg_catalog.pg_constraint
			where conrelid = 'public.climate_answers'::regclass and contype = 'f'`
		);
		expect(links).toEqual([{ target: 'groups' }]);
		const { rows: askedColumns } = await sql(
			`select column_name from information_schema.columns
			where table_schema = 'public' and table_name = 'climate_asked' order by ordinal_position`
		);
		expect(askedColumns.map((c) => c.column_name)).toEqual(['member_id', 'month']);
	});

	test('my data says in which months I was asked, not what I answered', async () => {
		const group = (await makeGroup({ name: 'Klimaatgroep' })).id;
		const person = await memberSince(group, 20);
		await ok(person.client, 'answer_climate', { target_group: group, face: 3 });
		const { rows } = await sql(`select private.climate_month()::text as month`);
		const exported = (await ok(person.client, 'export_my_data')) as Record<string, unknown>;
		expect(exported.climate_asked).toEqual([{ group: 'Klimaatgroep', month: rows[0].month }]);
		expect(JSON.stringify(exported)).not.toMatch(/face/);
	});

	test('one answer touches all five counts, so the row versions do not tell the face', async () => {
		const group = (await makeGroup()).id;
		const person = await memberSince(group, 20);
		await ok(person.client, 'answer_climate', { target_group: group, face: 2 });
		const { rows } = await sql(
			`select face, answers, xmin::text as version from public.climate_answers
			where group_id = $1 order by face`,
			[group]
		);
		expect(rows.map((r) => r.answers)).toEqual([0, 1, 0, 0, 0]);
		expect(new Set(rows.map((r) => r.version)).size).toBe(1);
		const second = await memberSince(group, 20);
		await ok(second.client, 'answer_climate', { target_group: group, face: 5 });
		const { rows: again } = await sql(
			`select answers, xmin::text as version from public.climate_answers
			where group_id = $1 order by face`,
			[group]
		);
		expect(again.map((r) => r.answers)).toEqual([0, 1, 0, 0, 1]);
		expect(new Set(again.map((r) => r.version)).size).toBe(1);
		expect(again[0].version).not.toBe(rows[0].version);
	});
});
