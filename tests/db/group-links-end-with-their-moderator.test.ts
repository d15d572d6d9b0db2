// A group invite link works while whoever made it still moderates the group (attack review 16,
// F2 and F3): demoted, removed, gone or with the account deleted, their links let no one in.
import { expect, test } from 'vitest';
import { joinedModerator, makeGroup, membershipId } from '../support/groups';
import { signUp, type Person } from '../support/platform';

async function makeLink(moderator: Person, group: string): Promise<string> {
	const { data, error } = await moderator.client.rpc('create_invite', {
		target_group: group,
		expires_at: new Date(Date.now() + 7 * 86_400_000).toISOString(),
		max_uses: 25
	});
	expect(error).toBeNull();
	return (data as { code: string }).code;
}

async function join(code: string) {
	const person = await signUp('Nieuw');
	return person.client.rpc('accept_invite', {
		invite_code: code,
		nickname: 'Nieuw',
		accept_rules: true
	});
}

test("a demoted or departed moderator's links let no one in; the others' keep working", async () => {
	const { id: group } = await makeGroup();
	const els = await joinedModerator(group, 'Els');
	const sam = await joinedModerator(group, 'Sam');
	const noor = await joinedModerator(group, 'Noor');
	const samsLink = await makeLink(sam, group);
	const noorsLink = await makeLink(noor, group);
	const elsLink = await makeLink(els, group);

	const demoted = await els.client.rpc('set_member_role', {
		member: await membershipId(group, sam.id),
		new_role: 'member'
	});
	expect(demoted.error).toBeNull();
	expect((await join(samsLink)).error?.message).toBe('invite_revoked');

	expect((await noor.client.rpc('leave_group', { target_group: group })).error).toBeNull();
	expect((await join(noorsLink)).error?.message).toBe('invite_revoked');

	expect((await join(elsLink)).error).toBeNull();
});

test("a moderator's links go with their account", async () => {
	const { id: group } = await makeGroup();
	await joinedModerator(group, 'Els');
	const sam = await joinedModerator(group, 'Sam');
	const link = await makeLink(sam, group);
	expect((await sam.client.rpc('delete_my_account', {})).error).toBeNull();
	expect((await join(link)).error?.message).toBe('invite_not_found');
});
