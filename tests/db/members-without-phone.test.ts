// People without a smartphone: added by nickname, answered for and checked in by a host, and
// later taking over their own entry with a one-use link.
import { randomUUID } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { client, db, signUp } from '../support/platform';
import { joinedMember, joinedModerator, makeGroup } from '../support/groups';
import { createMeetup, joinedHost } from '../support/meetups';

async function setup() {
	const group = await makeGroup();
	const moderator = await joinedModerator(group.id);
	const host = await joinedHost(group.id);
	return { group, moderator, host };
}

describe('a member without a phone', () => {
	test('a host adds them by nickname; the same name again is the same person', async () => {
		const { group, host } = await setup();
		const member = await joinedMember(group.id);
		const add = (who: typeof host, nickname: string) =>
			who.client.rpc('add_member_without_phone', { target_group: group.id, nickname });

		const { data: first, error } = await add(host, ' Jeanne ');
		expect(error).toBeNull();
		expect((await add(host, 'jeanne')).data).toBe(first);
		expect((await add(member, 'Omar')).error?.message).toBe('not_allowed');
		expect((await add(host, '   ')).error?.message).toBe('nickname_invalid');

		// Other members see the name in the group like any other member's.
		const { data: seen } = await member.client
			.from('group_members')
			.select('nickname, without_phone')
			.eq('id', first);
		expect(seen).toEqual([{ nickname: 'Jeanne', without_phone: true }]);
	});

	test('they take over their entry with a claim link, with what was answered and recorded for them', async () => {
		const { group, moderator, host } = await setup();
		const { data: jeanne } = await host.client.rpc('add_member_without_phone', {
			target_group: group.id,
			nickname: 'Jeanne'
		});
		const meetup = await createMeetup(host, group.id);
		await host.client.rpc('rsvp_for_member', {
			client_id: randomUUID(),
			meetup,
			member: jeanne,
			status: 'going',
			childcare_children: 1,
			transport_help: true,
			cost_is_a_problem: false,
			note: ''
		});

		// She came last time without a phone; the host checked her in.
		await db().query('insert into public.attendance (meetup_id, member_id) values ($1, $2)', [
			meetup,
			jeanne
		]);
		expect((await host.client.rpc('create_claim_invite', { member: jeanne })).error?.message).toBe(
			'not_allowed'
		);
		const { data: code, error } = await moderator.client.rpc('create_claim_invite', {
			member: jeanne
		});
		expect(error).toBeNull();

		const { data: preview } = await client().rpc('invite_preview', { invite_code: code });
		expect(preview[0]).toMatchObject({ state: 'valid', claims_nickname: 'Jeanne' });

		const person = await signUp('Jeanne');
		const { data: groupId, error: claimError } = await person.client.rpc('accept_invite', {
			invite_code: code,
			nickname: 'Jeanne D.',
			accept_rules: true
		});
		expect(claimError).toBeNull();
		expect(groupId).toBe(group.id);

		const { data: mine } = await person.client
			.from('rsvps')
			.select('meetup_id, status, childcare_children, transport_help');
		expect(mine).toEqual([
			{ meetup_id: meetup, status: 'going', childcare_children: 1, transport_help: true }
		]);
		const { data: exported } = await person.client.rpc('export_my_data');
		expect(exported.rsvps).toEqual([
			expect.objectContaining({ meetup: 'Soep en babbel', status: 'going', childcare_children: 1 })
		]);
		expect(exported.attendance).toEqual([expect.objectContaining({ walk_in: false })]);
		const { rows } = await db().query(
			'select count(*)::int as entries from public.group_members where group_id = $1 and lower(nickname) like $2',
			[group.id, 'jeanne%']
		);
		expect(rows[0].entries).toBe(1);

		// The link worked once; hosts can no longer answer for her: she answers herself.
		const again = await (
			await signUp('Iemand')
		).client.rpc('accept_invite', {
			invite_code: code,
			nickname: 'Iemand',
			accept_rules: true
		});
		expect(again.error?.message).toBe('invite_used_up');
		const { error: forHer } = await host.client.rpc('rsvp_for_member', {
			client_id: randomUUID(),
			meetup,
			member: jeanne,
			status: 'not_going',
			childcare_children: 0,
			transport_help: false,
			cost_is_a_problem: false,
			note: ''
		});
		expect(forHer?.message).toBe('not_allowed');
	});

	test('a new claim link stops the old one; someone already in the group cannot claim', async () => {
		const { group, moderator } = await setup();
		const { data: jeanne } = await moderator.client.rpc('add_member_without_phone', {
			target_group: group.id,
			nickname: 'Jeanne'
		});
		const { data: oldCode } = await moderator.client.rpc('create_claim_invite', { member: jeanne });
		const { data: newCode } = await moderator.client.rpc('create_claim_invite', { member: jeanne });
		const person = await signUp('Jeanne');
		const accept = (code: string, who = person) =>
			who.client.rpc('accept_invite', {
				invite_code: code,
				nickname: 'Jeanne',
				accept_rules: true
			});
		expect((await accept(oldCode)).error?.message).toBe('invite_revoked');

		const member = await joinedMember(group.id, 'Al lid');
		expect((await accept(newCode, member)).error?.message).toBe('claim_already_member');
		expect((await accept(newCode)).error).toBeNull();

		// An entry with an account is not handed over again.
		const { rows } = await db().query(
			'select id from public.group_members where group_id = $1 and user_id = $2',
			[group.id, member.id]
		);
		const claimOwn = await moderator.client.rpc('create_claim_invite', { member: rows[0].id });
		expect(claimOwn.error?.message).toBe('not_claimable');
	});
});
