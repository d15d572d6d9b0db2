// A notification never hands its reader another person's account id (attack review 16, F1): who
// asked to join, who let them in and who appointed them are names on the notifications page,
// not ids in the table.
import { expect, test } from 'vitest';
import { joinedModerator, makeGroup, membershipId } from '../support/groups';
import { signUp } from '../support/platform';

test('the person and the one who acted stay inside the database, whatever a member selects', async () => {
	const { id: group } = await makeGroup({ joinPolicy: 'request' });
	const moderator = await joinedModerator(group, 'Els');
	const jan = await signUp('Jan');
	const asked = await jan.client.rpc('request_to_join', {
		target_group: group,
		nickname: 'Jan',
		accept_rules: true
	});
	expect(asked.error).toBeNull();
	const letIn = await moderator.client.rpc('decide_join_request', {
		member: await membershipId(group, jan.id),
		approve: true
	});
	expect(letIn.error).toBeNull();

	for (const [reader, kind] of [
		[moderator, 'join_requested'],
		[jan, 'join_accepted']
	] as const) {
		const ids = await reader.client.from('notifications').select('person_id, actor_id');
		expect(ids.error?.code).toBe('42501');
		expect(ids.data).toBeNull();
		const everything = await reader.client.from('notifications').select('*');
		expect(everything.error?.code).toBe('42501');
		// What the list needs is still there.
		const allowed = await reader.client.from('notifications').select('id, kind, group_id');
		expect(allowed.error).toBeNull();
		expect(allowed.data?.map((row) => row.kind)).toContain(kind);
		expect(JSON.stringify(allowed.data)).not.toContain(moderator.id);
		expect(JSON.stringify(allowed.data)).not.toContain(reader === jan ? moderator.id : jan.id);
	}
});
