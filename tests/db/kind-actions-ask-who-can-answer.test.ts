// A kind action asks someone to do something: answer a post, be a newcomer's buddy. A member the
// moderators gave a break cannot write while it lasts, so they are not asked; and a member's
// choice to stay out of the signals changes only when they say so.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, test } from 'vitest';
import { db, type Person } from '../support/platform';
import { joinedMember, joinedModerator, makeGroup, membershipId, post } from '../support/groups';

const sql = (text: string, values: unknown[] = []) => db().query(text, values);

let group: string;
let moderator: Person;
let noor: Person;
let noorMember: string;
let muted: Person;
let mutedMember: string;
let noorPost: string;

beforeAll(async () => {
	group = (await makeGroup({ name: 'Praatgroep Aalst' })).id;
	moderator = await joinedModerator(group, 'Begeleider');
	noor = await joinedMember(group, 'Noor');
	muted = await joinedMember(group, 'Stil');
	noorMember = await membershipId(group, noor.id);
	mutedMember = await membershipId(group, muted.id);
	noorPost = await post(noor, group, { body: 'Wie weet een goedkope kapper?' });
	const { error } = await moderator.client.rpc('mute_member', {
		member: mutedMember,
		days: 7,
		reason: 'Even rust'
	});
	expect(error).toBeNull();
});

/** What the member was asked: an answer or to be a buddy (a break itself is told too). */
const askedOf = async (person: Person) =>
	(
		await sql(
			`select kind from public.notifications
			where user_id = $1 and kind in ('answer_asked', 'buddy_asked')`,
			[person.id]
		)
	).rows;

describe('a muted member is not asked', () => {
	test('to answer a post', async () => {
		const { error } = await moderator.client.rpc('ask_to_answer', {
			client_id: randomUUID(),
			post: noorPost,
			member: mutedMember
		});
		expect(error?.message).toBe('answer_request_invalid');
		expect(await askedOf(muted)).toEqual([]);
	});

	test('to be a buddy', async () => {
		const { error } = await moderator.client.rpc('ask_buddy', {
			client_id: randomUUID(),
			target_group: group,
			newcomer: noorMember,
			buddy: mutedMember
		});
		expect(error?.message).toBe('buddy_invalid');
		expect(await askedOf(muted)).toEqual([]);
	});

	test("the moderators' pickers do not offer them", async () => {
		const { data, error } = await moderator.client.rpc('page_group_inclusion', {
			target_group: group
		});
		expect(error).toBeNull();
		const members = (data as { members: { nickname: string; askable: boolean }[] }).members;
		expect(members).toEqual([
			expect.objectContaining({ nickname: 'Noor', askable: true }),
			expect.objectContaining({ nickname: 'Stil', askable: false })
		]);
	});

	test('once the break is over, they can be asked again', async () => {
		await sql(
			`update public.group_members set muted_until = now() - interval '1 minute' where id = $1`,
			[mutedMember]
		);
		const { error } = await moderator.client.rpc('ask_to_answer', {
			client_id: randomUUID(),
			post: noorPost,
			member: mutedMember
		});
		expect(error).toBeNull();
		expect(await askedOf(muted)).toEqual([{ kind: 'answer_asked' }]);
	});
});

test('a missing value does not opt a member back into the signals', async () => {
	const optOut = async (value: boolean | null) =>
		(
			await noor.client.rpc('set_signals_opt_out', {
				target_group: group,
				opt_out: value as boolean
			})
		).error?.message ?? null;
	expect(await optOut(true)).toBeNull();
	expect(await optOut(null)).toBe('settings_invalid');
	const { rows } = await sql(`select signals_opt_out from public.group_members where id = $1`, [
		noorMember
	]);
	expect(rows).toEqual([{ signals_opt_out: true }]);
});
