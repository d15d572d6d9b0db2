// Someone who asks to join is told "come back later"; the group's moderators now hear a request
// waits (one line for a wave of them), and who asked hears the answer, also a no.
import { beforeEach, expect, test } from 'vitest';
import type { Database } from '../../src/lib/database.types';
import { joinedMember, joinedModerator, makeGroup, membershipId } from '../support/groups';
import { signUp, type Person } from '../support/platform';

type NewsRow = Database['public']['Functions']['page_notifications']['Returns'][number];

let group: string;
let moderator: Person;

async function joinNews(person: Person) {
	const { data, error } = await person.client.rpc('page_notifications', {});
	expect(error).toBeNull();
	return ((data ?? []) as NewsRow[])
		.filter((row) => row.kind.startsWith('join_'))
		.map((row) => ({ id: row.id, kind: row.kind, group: row.group_name }));
}

async function ask(name: string, target = group): Promise<Person> {
	const person = await signUp(name);
	const { data, error } = await person.client.rpc('request_to_join', {
		target_group: target,
		nickname: name,
		accept_rules: true
	});
	expect(error).toBeNull();
	expect(data).toBe('pending');
	return person;
}

beforeEach(async () => {
	group = (await makeGroup({ joinPolicy: 'request', name: 'Praatgroep' })).id;
	moderator = await joinedModerator(group, 'Els');
});

test("the group's moderators hear that someone asks, once until they have read it", async () => {
	const member = await joinedMember(group, 'Karim');
	const other = (await makeGroup({ joinPolicy: 'request' })).id;
	const otherModerator = await joinedModerator(other, 'Sam');

	await ask('Jan');
	await ask('Zoé');
	const news = await joinNews(moderator);
	expect(news.map(({ kind, group }) => ({ kind, group }))).toEqual([
		{ kind: 'join_requested', group: 'Praatgroep' }
	]);
	// Members who do not moderate, and moderators of another group, hear nothing.
	expect(await joinNews(member)).toEqual([]);
	expect(await joinNews(otherModerator)).toEqual([]);

	const read = await moderator.client.rpc('mark_notifications_read', {
		ids: news.map((item) => item.id),
		reminders: []
	});
	expect(read.error).toBeNull();
	await ask('Noor');
	expect((await joinNews(moderator)).map((item) => item.kind)).toEqual([
		'join_requested',
		'join_requested'
	]);
});

test('who asked hears the answer: welcome, or not accepted', async () => {
	const jan = await ask('Jan');
	const zoe = await ask('Zoé');
	expect(await joinNews(jan)).toEqual([]);

	const yes = await moderator.client.rpc('decide_join_request', {
		member: await membershipId(group, jan.id),
		approve: true
	});
	expect(yes.error).toBeNull();
	const no = await moderator.client.rpc('refuse_join_request', {
		member: await membershipId(group, zoe.id),
		reason: 'De groep is vol.'
	});
	expect(no.error).toBeNull();

	expect((await joinNews(jan)).map(({ kind, group }) => ({ kind, group }))).toEqual([
		{ kind: 'join_accepted', group: 'Praatgroep' }
	]);
	// Refused, Zoé is no member, and still reads the answer.
	expect((await joinNews(zoe)).map(({ kind, group }) => ({ kind, group }))).toEqual([
		{ kind: 'join_refused', group: 'Praatgroep' }
	]);
});
