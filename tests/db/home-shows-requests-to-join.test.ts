// Home shows the requests to join that wait: who asked finds the group again, a moderator reads
// how many wait in each group they moderate; no one else reads either.
import { expect, test } from 'vitest';
import { joinedMember, joinedModerator, makeGroup, membershipId } from '../support/groups';
import { signUp, type Person } from '../support/platform';

async function home(person: Person) {
	const { data, error } = await person.client.rpc('page_home');
	expect(error).toBeNull();
	return data as {
		my_requests: { group: { id: string; name: string } }[];
		waiting_requests: { group: { id: string; name: string }; count: number }[];
	};
}

async function ask(group: string, name: string): Promise<Person> {
	const person = await signUp(name);
	const { error } = await person.client.rpc('request_to_join', {
		target_group: group,
		nickname: name,
		accept_rules: true
	});
	expect(error).toBeNull();
	return person;
}

test('who asked sees the request on home until it is answered; the moderator sees how many wait', async () => {
	const { id: group } = await makeGroup({ joinPolicy: 'request', name: 'Praatgroep' });
	const { id: other } = await makeGroup({ joinPolicy: 'request', name: 'Andere groep' });
	const moderator = await joinedModerator(group, 'Els');
	const member = await joinedMember(group, 'Karim');
	const jan = await ask(group, 'Jan');
	await ask(group, 'Zoé');
	await ask(other, 'Noor');

	expect((await home(jan)).my_requests).toEqual([{ group: { id: group, name: 'Praatgroep' } }]);
	expect((await home(moderator)).waiting_requests).toEqual([
		{ group: { id: group, name: 'Praatgroep' }, count: 2 }
	]);
	// A member who does not moderate reads neither; nor does the moderator's own list hold them.
	expect(await home(member)).toMatchObject({ my_requests: [], waiting_requests: [] });
	expect((await home(moderator)).my_requests).toEqual([]);

	const yes = await moderator.client.rpc('decide_join_request', {
		member: await membershipId(group, jan.id),
		approve: true
	});
	expect(yes.error).toBeNull();
	expect((await home(jan)).my_requests).toEqual([]);
	expect((await home(moderator)).waiting_requests).toEqual([
		{ group: { id: group, name: 'Praatgroep' }, count: 1 }
	]);
});
