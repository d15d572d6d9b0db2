// Running an organisation: registering one, admins coming and going (never the last one), groups
// made, archived and given moderators, and an archived group that takes nothing new in.
import { randomUUID } from 'node:crypto';
import type { SupabaseClient } from '@supabase/supabase-js';
import { beforeAll, describe, expect, test } from 'vitest';
import { client, db, signUp, type Person } from '../support/platform';
import { joinedMember, makeInvite, membershipId, post } from '../support/groups';
import { createMeetup, meetupFields, rsvp } from '../support/meetups';

const facts = (overrides: Record<string, unknown> = {}) => ({
	client_id: randomUUID(),
	name: 'Samen Vooruit',
	slug: `sv-${randomUUID().slice(0, 8)}`,
	description: 'Een vereniging waar armen het woord nemen.',
	address: 'Kerkstraat 1, 9000 Gent',
	contact: 'info@samenvooruit.test',
	languages: ['nl', 'fr'],
	colour: '#aa3300',
	initials: 'SV',
	...overrides
});

async function register(person: Person, overrides: Record<string, unknown> = {}) {
	const { data, error } = await person.client.rpc('register_organisation', facts(overrides));
	expect(error).toBeNull();
	return data as string;
}

async function makeGroup(admin: Person, organisation: string, nickname = 'Oprichter') {
	const { data, error } = await admin.client.rpc('create_group', {
		client_id: randomUUID(),
		organisation,
		name: 'Praatcafé',
		slug: 'praatcafe',
		description: 'Elke dinsdag.',
		rules: 'We luisteren naar elkaar.',
		join_policy: 'request',
		language: 'nl',
		nickname
	});
	expect(error).toBeNull();
	return data as string;
}

const admins = async (organisation: string) =>
	(
		await db().query<{ user_id: string }>(
			'select user_id from public.organisation_admins where organisation_id = $1 order by created_at',
			[organisation]
		)
	).rows.map((row) => row.user_id);

async function nicknameAccount(): Promise<SupabaseClient> {
	const sb = client();
	const { data, error } = await sb.auth.signInAnonymously({
		options: { data: { nickname: 'Gast' } }
	});
	expect(error).toBeNull();
	return client(data.session!.access_token);
}

describe('registering an organisation', () => {
	test('a person with an email account registers one and is its only admin', async () => {
		const founder = await signUp('Oprichter');
		const organisation = await register(founder, { name: '  Samen Vooruit ' });
		expect(await admins(organisation)).toEqual([founder.id]);
		const { rows } = await db().query('select * from public.organisations where id = $1', [
			organisation
		]);
		expect(rows[0]).toMatchObject({ name: 'Samen Vooruit', colour: '#aa3300', initials: 'SV' });
	});

	test('a nickname account (no email) cannot register one', async () => {
		const sb = await nicknameAccount();
		const { data, error } = await sb.rpc('register_organisation', facts());
		expect(error?.message).toBe('email_account_needed');
		expect(data).toBeNull();
	});

	test('someone signed out cannot register one', async () => {
		const { error } = await client().rpc('register_organisation', facts());
		expect(error).not.toBeNull();
	});

	test('sending the same registration twice makes one organisation', async () => {
		const founder = await signUp('Oprichter');
		const same = facts();
		const first = await founder.client.rpc('register_organisation', same);
		const again = await founder.client.rpc('register_organisation', same);
		expect(again.data).toBe(first.data);
		expect(
			(await db().query('select 1 from public.organisations where slug = $1', [same.slug])).rowCount
		).toBe(1);
	});

	test.each([
		['new', 'organisation_slug_reserved'],
		['admin', 'organisation_slug_reserved'],
		['Met Hoofdletters', 'organisation_slug_invalid'],
		['-rand', 'organisation_slug_invalid']
	])('the address %s is refused (%s)', async (slug, code) => {
		const founder = await signUp('Oprichter');
		const { error } = await founder.client.rpc('register_organisation', facts({ slug }));
		expect(error?.message).toBe(code);
	});

	test('an address that is taken is refused in words, not as an outage', async () => {
		const [one, other] = await Promise.all([signUp('Een'), signUp('Ander')]);
		const slug = `taken-${randomUUID().slice(0, 6)}`;
		await register(one, { slug });
		const { error } = await other.client.rpc('register_organisation', facts({ slug }));
		expect(error?.message).toBe('organisation_slug_taken');
	});

	test.each([
		['an empty name', { name: ' ' }, 'organisation_name_invalid'],
		['a colour by name', { colour: 'red' }, 'organisation_colour_invalid'],
		['initials in lower case', { initials: 'ab' }, 'organisation_initials_invalid'],
		['a language Kring does not speak', { languages: ['de'] }, 'organisation_languages_invalid'],
		['no language', { languages: [] }, 'organisation_languages_invalid'],
		['a long description', { description: 'x'.repeat(1001) }, 'organisation_description_too_long']
	])('%s is refused', async (_, overrides, code) => {
		const founder = await signUp('Oprichter');
		const { error } = await founder.client.rpc('register_organisation', facts(overrides));
		expect(error?.message).toBe(code);
	});

	test('a person registers at most three a day', async () => {
		const founder = await signUp('Oprichter');
		for (let i = 0; i < 3; i++) await register(founder);
		const { error } = await founder.client.rpc('register_organisation', facts());
		expect(error?.message).toBe('organisation_limit_reached');
	});
});

describe('admins', () => {
	let founder: Person;
	let organisation: string;

	beforeAll(async () => {
		founder = await signUp('Oprichter');
		organisation = await register(founder);
	});

	test('the last admin can neither leave nor be removed', async () => {
		const alone = await signUp('Alleen');
		const own = await register(alone);
		const left = await alone.client.rpc('leave_organisation', { organisation: own });
		expect(left.error?.message).toBe('last_admin');
		const removed = await alone.client.rpc('remove_organisation_admin', {
			organisation: own,
			person: alone.id
		});
		expect(removed.error?.message).toBe('last_admin');
		expect(await admins(own)).toEqual([alone.id]);
	});

	test('an invite link makes one more admin, once', async () => {
		const { data: code, error } = await founder.client.rpc('create_admin_invite', {
			organisation
		});
		expect(error).toBeNull();
		const [second, third] = await Promise.all([signUp('Tweede'), signUp('Derde')]);
		const accepted = await second.client.rpc('accept_admin_invite', { code });
		expect(accepted.error).toBeNull();
		expect(accepted.data).toMatch(/^sv-/);
		// Following the link again is harmless; someone else finds it used.
		expect((await second.client.rpc('accept_admin_invite', { code })).error).toBeNull();
		const late = await third.client.rpc('accept_admin_invite', { code });
		expect(late.error?.message).toBe('admin_invite_no_longer_works');
		expect(await admins(organisation)).toEqual([founder.id, second.id]);

		// Two admins now: the one who was there first may remove the new one at once (the new one
		// must wait a week to remove them, organisation-admin-takeover.test.ts), and the one left
		// is the last.
		const removed = await founder.client.rpc('remove_organisation_admin', {
			organisation,
			person: second.id
		});
		expect(removed.error).toBeNull();
		const left = await founder.client.rpc('leave_organisation', { organisation });
		expect(left.error?.message).toBe('last_admin');
		expect(await admins(organisation)).toEqual([founder.id]);
	});

	test('two admins leaving at the same moment leave one behind', async () => {
		const [one, other] = await Promise.all([signUp('Een'), signUp('Ander')]);
		const own = await register(one);
		const { data: code } = await one.client.rpc('create_admin_invite', { organisation: own });
		expect((await other.client.rpc('accept_admin_invite', { code })).error).toBeNull();
		const results = await Promise.all([
			one.client.rpc('leave_organisation', { organisation: own }),
			other.client.rpc('leave_organisation', { organisation: own })
		]);
		expect(results.filter((result) => result.error?.message === 'last_admin')).toHaveLength(1);
		expect(await admins(own)).toHaveLength(1);
	});

	test('an expired admin link no longer works', async () => {
		const { rows } = await db().query<{ code: string }>(
			`insert into public.organisation_admin_invites (organisation_id, expires_at)
			values ($1, now() - interval '1 minute') returning code`,
			[organisation]
		);
		const late = await signUp('Te laat');
		const { error } = await late.client.rpc('accept_admin_invite', { code: rows[0].code });
		expect(error?.message).toBe('admin_invite_no_longer_works');
	});

	test('a nickname account cannot become an admin', async () => {
		const { rows } = await db().query<{ code: string }>(
			`insert into public.organisation_admin_invites (organisation_id) values ($1) returning code`,
			[organisation]
		);
		const sb = await nicknameAccount();
		const { error } = await sb.rpc('accept_admin_invite', { code: rows[0].code });
		expect(error?.message).toBe('email_account_needed');
	});
});

describe('groups', () => {
	let admin: Person;
	let organisation: string;

	beforeAll(async () => {
		admin = await signUp('Beheerder');
		organisation = await register(admin);
	});

	test('the admin who makes a group is its first moderator and makes its invite link', async () => {
		const group = await makeGroup(admin, organisation, 'Mieke');
		const { rows } = await db().query(
			'select role, status, nickname from public.group_members where group_id = $1 and user_id = $2',
			[group, admin.id]
		);
		expect(rows).toEqual([{ role: 'moderator', status: 'active', nickname: 'Mieke' }]);
		const invite = await admin.client.rpc('create_invite', {
			target_group: group,
			expires_at: new Date(Date.now() + 86_400_000).toISOString(),
			max_uses: 25
		});
		expect(invite.error).toBeNull();
		const page = await admin.client.rpc('page_group_admin', {
			organisation_slug: (
				await db().query('select slug from public.organisations where id = $1', [organisation])
			).rows[0].slug,
			target_group: group
		});
		expect(page.data.invites.map((i: { code: string }) => i.code)).toEqual([invite.data.code]);
	});

	test('a second group with the same name gets its own address', async () => {
		const one = await makeGroup(admin, organisation);
		const two = await makeGroup(admin, organisation);
		const { rows } = await db().query<{ slug: string }>(
			'select slug from public.groups where id = any($1) order by created_at',
			[[one, two]]
		);
		expect(new Set(rows.map((row) => row.slug)).size).toBe(2);
	});

	test('a group keeps its last moderator', async () => {
		const group = await makeGroup(admin, organisation);
		const { error } = await admin.client.rpc('remove_moderator', {
			member: await membershipId(group, admin.id)
		});
		expect(error?.message).toBe('last_moderator');
	});

	test('an admin makes a member moderator and the member reads it in the log', async () => {
		const group = await makeGroup(admin, organisation);
		const member = await joinedMember(group, 'Ahmed');
		const entry = await membershipId(group, member.id);
		expect((await admin.client.rpc('appoint_moderator', { member: entry })).error).toBeNull();
		const { rows } = await db().query(
			`select action from public.moderation_log where member_id = $1`,
			[entry]
		);
		expect(rows).toEqual([{ action: 'role_change' }]);
		// Now two moderators: the admin may step back as one.
		const stepBack = await admin.client.rpc('remove_moderator', {
			member: await membershipId(group, admin.id)
		});
		expect(stepBack.error).toBeNull();
	});

	test('someone without a phone cannot be made moderator', async () => {
		const group = await makeGroup(admin, organisation);
		const { data: entry } = await admin.client.rpc('add_member_without_phone', {
			target_group: group,
			nickname: 'Jos'
		});
		const { error } = await admin.client.rpc('appoint_moderator', { member: entry });
		expect(error?.message).toBe('not_a_member');
	});
});

describe('an archived group is read-only for its members', () => {
	let admin: Person;
	let member: Person;
	let group: string;
	let meetup: string;
	let postId: string;
	let inviteCode: string;

	beforeAll(async () => {
		admin = await signUp('Beheerder');
		const organisation = await register(admin);
		group = await makeGroup(admin, organisation, 'Begeleider');
		member = await joinedMember(group, 'Lid');
		await db().query(`update public.groups set join_policy = 'request' where id = $1`, [group]);
		meetup = await createMeetup(admin, group);
		postId = await post(member, group);
		inviteCode = await makeInvite(group);
		expect((await admin.client.rpc('archive_group', { target_group: group })).error).toBeNull();
	});

	// Each write a member (or a newcomer) could make into the group, and the table it lands in;
	// refused as archived, or earlier by what archiving did (organisation-archives-a-group.test.ts).
	const writes: [string, () => PromiseLike<{ error: { message: string } | null }>, string?][] = [
		[
			'a post',
			() =>
				member.client.rpc('create_post', {
					client_id: randomUUID(),
					target_group: group,
					kind: 'story',
					body: 'Nog iets',
					anonymous: false
				})
		],
		[
			'an answer',
			() =>
				member.client.rpc('create_comment', {
					client_id: randomUUID(),
					post: postId,
					body: 'Ja!',
					anonymous: false
				})
		],
		[
			'a reaction',
			() =>
				member.client.rpc('add_reaction', {
					client_id: randomUUID(),
					post: postId,
					comment: null,
					kind: 'support'
				})
		],
		[
			'a meetup',
			() =>
				admin.client.rpc('create_meetup', {
					client_id: randomUUID(),
					target_group: group,
					...meetupFields()
				})
		],
		// Archiving called the meetup off.
		['an RSVP', () => rsvp(member, meetup, 'going'), 'meetup_cancelled'],
		[
			'a join with an invite link',
			async () => {
				const newcomer = await signUp('Nieuw');
				return newcomer.client.rpc('accept_invite', {
					invite_code: inviteCode,
					nickname: 'Nieuw',
					accept_rules: true
				});
			},
			// Archiving revoked the link.
			'invite_revoked'
		],
		[
			'a request to join',
			async () => {
				const newcomer = await signUp('Vraagt');
				return newcomer.client.rpc('request_to_join', {
					target_group: group,
					nickname: 'Vraagt',
					accept_rules: true
				});
			}
		]
	];

	test.each(writes)('%s is refused', async (_, write, code = 'group_archived') => {
		const { error } = await write();
		expect(error?.message).toBe(code);
	});

	test('members still read it, and may leave', async () => {
		const { data } = await member.client.from('posts').select('id').eq('group_id', group);
		expect(data).toHaveLength(1);
		expect((await member.client.rpc('leave_group', { target_group: group })).error).toBeNull();
		// Coming back is joining again, whichever way it is written.
		await expect(
			db().query(
				`update public.group_members set status = 'active' where group_id = $1 and user_id = $2`,
				[group, member.id]
			)
		).rejects.toThrow('group_archived');
	});

	test('unarchived, it takes posts again', async () => {
		const other = await signUp('Beheerder');
		const organisation = await register(other);
		const live = await makeGroup(other, organisation);
		await other.client.rpc('archive_group', { target_group: live });
		expect((await other.client.rpc('unarchive_group', { target_group: live })).error).toBeNull();
		await post(other, live);
	});
});
