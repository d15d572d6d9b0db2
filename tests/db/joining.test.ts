// Joining a group: invites with expiry and use limits, join requests, leaving, roles.
import { describe, expect, test } from 'vitest';
import { db, signUp } from '../support/platform';
import {
	joinedMember,
	joinedModerator,
	makeGroup,
	makeInvite,
	membershipId
} from '../support/groups';

const accept = (
	person: Awaited<ReturnType<typeof signUp>>,
	code: string,
	nickname = 'Nieuw',
	rules = true
) => person.client.rpc('accept_invite', { invite_code: code, nickname, accept_rules: rules });

describe('invites', () => {
	test('50 people using a 10-use invite at the same moment make exactly 10 members', async () => {
		const group = await makeGroup();
		const code = await makeInvite(group.id, { maxUses: 10 });
		const people = await Promise.all(Array.from({ length: 50 }, (_, i) => signUp(`Persoon ${i}`)));
		const results = await Promise.all(
			people.map((person, i) => accept(person, code, `Persoon ${i}`))
		);

		expect(results.filter((result) => !result.error)).toHaveLength(10);
		expect(results.filter((result) => result.error?.message === 'invite_used_up')).toHaveLength(40);
		const { rows } = await db().query(
			`select count(*)::int as members, (select uses from public.invites where code = $2) as uses
			from public.group_members where group_id = $1 and status = 'active'`,
			[group.id, code]
		);
		expect(rows[0]).toEqual({ members: 10, uses: 10 });
	});

	test('an expired, a revoked and an unknown invite each say why', async () => {
		const group = await makeGroup();
		const moderator = await joinedModerator(group.id);
		const person = await signUp();
		const expired = await makeInvite(group.id, { expiresAt: new Date(Date.now() - 1000) });
		expect((await accept(person, expired)).error?.message).toBe('invite_expired');

		const { data: invite } = await moderator.client.rpc('create_invite', {
			target_group: group.id,
			expires_at: new Date(Date.now() + 86_400_000).toISOString(),
			max_uses: 5
		});
		await moderator.client.rpc('revoke_invite', { invite: invite.id });
		expect((await accept(person, invite.code)).error?.message).toBe('invite_revoked');
		expect((await accept(person, 'no-such-code-at-all-here')).error?.message).toBe(
			'invite_not_found'
		);
	});

	test('joining requires accepting the group rules', async () => {
		const group = await makeGroup();
		const person = await signUp();
		const { error } = await accept(person, await makeInvite(group.id), 'Nieuw', false);
		expect(error?.message).toBe('rules_not_accepted');
	});

	test('the invite preview shows the group and whether the link works, to anyone', async () => {
		const group = await makeGroup({ name: 'Samen sterk' });
		const code = await makeInvite(group.id, { maxUses: 1 });
		const { client } = await import('../support/platform');
		const visitor = client();
		const before = await visitor.rpc('invite_preview', { invite_code: code });
		expect(before.data).toEqual([
			expect.objectContaining({ group_name: 'Samen sterk', state: 'valid' })
		]);
		await accept(await signUp(), code);
		const after = await visitor.rpc('invite_preview', { invite_code: code });
		expect(after.data[0].state).toBe('no_longer_works');
	});

	test('a link that no longer works says only that, not which group it was for', async () => {
		const group = await makeGroup({ name: 'Schuldhulp Oost' });
		const moderator = await joinedModerator(group.id, 'Mo');
		const { data: jeanne } = await moderator.client.rpc('add_member_without_phone', {
			target_group: group.id,
			nickname: 'Jeanne'
		});
		const { data: claim } = await moderator.client.rpc('create_claim_invite', { member: jeanne });
		const { data: revoked } = await moderator.client.rpc('create_invite', {
			target_group: group.id,
			expires_at: new Date(Date.now() + 86_400_000).toISOString(),
			max_uses: 5
		});
		await moderator.client.rpc('revoke_invite', { invite: revoked.id });
		// A new claim link stops the old one.
		await moderator.client.rpc('create_claim_invite', { member: jeanne });
		const usedUp = await makeInvite(group.id, { maxUses: 1 });
		await accept(await signUp(), usedUp);
		const expired = await makeInvite(group.id);
		await db().query(
			`update public.invites set expires_at = now() - interval '1 minute' where code = $1`,
			[expired]
		);

		const { client } = await import('../support/platform');
		for (const code of [revoked.code, claim, usedUp, expired]) {
			for (const sb of [client(), (await signUp()).client]) {
				const { data, error } = await sb.rpc('invite_preview', { invite_code: code });
				expect(error).toBeNull();
				expect(data).toEqual([
					{
						group_name: null,
						description: null,
						rules: null,
						organisation_name: null,
						state: 'no_longer_works',
						claims_nickname: null
					}
				]);
				expect(JSON.stringify(data)).not.toContain(group.id);
			}
		}
	});

	test('a person already in the group just stays in it, without using the invite again', async () => {
		const group = await makeGroup();
		const member = await joinedMember(group.id);
		const code = await makeInvite(group.id, { maxUses: 1 });
		expect((await accept(member, code)).error).toBeNull();
		const { rows } = await db().query('select uses from public.invites where code = $1', [code]);
		expect(rows[0].uses).toBe(0);
	});

	test('a removed member cannot come back with an old or a new invite', async () => {
		const group = await makeGroup();
		const moderator = await joinedModerator(group.id);
		const oldCode = await makeInvite(group.id);
		const person = await signUp();
		await accept(person, oldCode);
		await moderator.client.rpc('remove_member', {
			member: await membershipId(group.id, person.id)
		});

		expect((await accept(person, oldCode)).error?.message).toBe('removed_from_group');
		expect((await accept(person, await makeInvite(group.id))).error?.message).toBe(
			'removed_from_group'
		);
		const feed = await person.client.rpc('group_feed', { target_group: group.id });
		expect(feed.data).toEqual([]);
	});

	test('only moderators make and revoke invites', async () => {
		const group = await makeGroup();
		const member = await joinedMember(group.id);
		const { error } = await member.client.rpc('create_invite', {
			target_group: group.id,
			expires_at: new Date(Date.now() + 86_400_000).toISOString(),
			max_uses: 5
		});
		expect(error?.message).toBe('not_allowed');
	});

	test('an invite without an expiry or a number of uses is refused in words the app knows', async () => {
		const group = await makeGroup();
		const moderator = await joinedModerator(group.id);
		const noExpiry = await moderator.client.rpc('create_invite', {
			target_group: group.id,
			expires_at: null as never,
			max_uses: 5
		});
		expect(noExpiry.error?.message).toBe('invite_expiry_invalid');
		const noUses = await moderator.client.rpc('create_invite', {
			target_group: group.id,
			expires_at: new Date(Date.now() + 86_400_000).toISOString(),
			max_uses: null as never
		});
		expect(noUses.error?.message).toBe('invite_uses_invalid');
	});
});

describe('join requests, leaving and roles', () => {
	test('a request waits for a moderator, who approves it', async () => {
		const group = await makeGroup({ joinPolicy: 'request' });
		const moderator = await joinedModerator(group.id);
		const person = await signUp();
		const request = await person.client.rpc('request_to_join', {
			target_group: group.id,
			nickname: 'Vraag',
			accept_rules: true
		});
		expect(request.data).toBe('pending');
		expect((await person.client.from('posts').select('id').eq('group_id', group.id)).data).toEqual(
			[]
		);

		const member = await joinedMember(group.id);
		const byMember = await member.client.rpc('decide_join_request', {
			member: await membershipId(group.id, person.id),
			approve: true
		});
		expect(byMember.error?.message).toBe('not_allowed');

		const approved = await moderator.client.rpc('decide_join_request', {
			member: await membershipId(group.id, person.id),
			approve: true
		});
		expect(approved.error).toBeNull();
		expect((await person.client.from('groups').select('id').eq('id', group.id)).data).toHaveLength(
			1
		);
	});

	test('an invite-only group takes no requests', async () => {
		const group = await makeGroup();
		const person = await signUp();
		const { error } = await person.client.rpc('request_to_join', {
			target_group: group.id,
			nickname: 'X',
			accept_rules: true
		});
		expect(error?.message).toBe('group_not_found');
	});

	test('a member who leaves no longer reads the group', async () => {
		const group = await makeGroup();
		const member = await joinedMember(group.id);
		expect((await member.client.rpc('leave_group', { target_group: group.id })).error).toBeNull();
		expect((await member.client.from('groups').select('id').eq('id', group.id)).data).toEqual([]);
	});

	test('moderators change roles; members cannot; the last moderator stays', async () => {
		const group = await makeGroup();
		const moderator = await joinedModerator(group.id);
		const member = await joinedMember(group.id);
		const memberId = await membershipId(group.id, member.id);
		expect(
			(await member.client.rpc('set_member_role', { member: memberId, new_role: 'moderator' }))
				.error?.message
		).toBe('not_allowed');
		expect(
			(await moderator.client.rpc('set_member_role', { member: memberId, new_role: 'host' })).error
		).toBeNull();
		const self = await moderator.client.rpc('set_member_role', {
			member: await membershipId(group.id, moderator.id),
			new_role: 'member'
		});
		expect(self.error?.message).toBe('last_moderator');
	});
});
