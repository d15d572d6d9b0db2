// "Wat Kring over mij bijhoudt" (my_inclusion) works out the signals about the caller in every
// group they are in; called in a loop it would keep the database busy. A person gets at most 20
// answers worked out a minute, then the 20th again until the minute is over
// (20261203300100_my_inclusion_in_a_loop.sql).
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, test } from 'vitest';
import { db, type Person } from '../support/platform';
import { joinedMember, joinedModerator, makeGroup, post } from '../support/groups';

async function ok<T>(promise: PromiseLike<{ data: T; error: unknown }>): Promise<T> {
	const { data, error } = await promise;
	expect(error).toBeNull();
	return data;
}

interface MyInclusion {
	groups: { id: string; signals: { kind: string; post: string | null }[] }[];
}

describe('my_inclusion called in a loop', () => {
	let group: string;
	let noor: Person;
	let karim: Person;
	let noorsPost: string;

	const unanswered = async () => {
		const mine = (await ok(noor.client.rpc('my_inclusion'))) as MyInclusion;
		return mine.groups
			.find((g) => g.id === group)!
			.signals.filter((s) => s.kind === 'unanswered_post')
			.map((s) => s.post);
	};

	beforeAll(async () => {
		group = (await makeGroup()).id;
		await joinedModerator(group);
		noor = await joinedMember(group, 'Noor');
		karim = await joinedMember(group, 'Karim');
		noorsPost = await post(noor, group);
		await db().query(
			`update public.posts set created_at = now() - interval '2 days' where id = $1`,
			[noorsPost]
		);
	}, 60_000);

	test('20 answers a minute are worked out, then the 20th is given again', async () => {
		for (let call = 1; call <= 20; call++) expect(await unanswered()).toEqual([noorsPost]);
		await ok(
			karim.client.rpc('create_comment', {
				client_id: randomUUID(),
				post: noorsPost,
				body: 'Wij doen het zo.',
				anonymous: false
			})
		);
		// The 21st and later calls of this minute: the 20th answer, though Karim answered.
		expect(await unanswered()).toEqual([noorsPost]);
		expect(await unanswered()).toEqual([noorsPost]);
		const { rows } = await db().query(
			`select calls, kept is not null as kept from private.my_inclusion_calls where user_id = $1`,
			[noor.id]
		);
		expect(rows).toEqual([{ calls: 22, kept: true }]);

		// A minute later it is worked out again, and the kept answer is gone.
		await db().query(
			`update private.my_inclusion_calls set minute_started_at = now() - interval '61 seconds'
			where user_id = $1`,
			[noor.id]
		);
		expect(await unanswered()).toEqual([]);
		const { rows: after } = await db().query(
			`select calls, kept from private.my_inclusion_calls where user_id = $1`,
			[noor.id]
		);
		expect(after).toEqual([{ calls: 1, kept: null }]);
	});

	test('one person in a loop does not hold back another', async () => {
		const mine = (await ok(karim.client.rpc('my_inclusion'))) as MyInclusion;
		expect(mine.groups.map((g) => g.id)).toContain(group);
		const { rows } = await db().query(
			`select calls from private.my_inclusion_calls where user_id = $1`,
			[karim.id]
		);
		expect(rows).toEqual([{ calls: 1 }]);
	});
});
