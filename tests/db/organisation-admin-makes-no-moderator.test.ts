// A moderator reads who wrote each anonymous post. An organisation admin used to be able to make
// themself one in five calls (open the group, join, close it again, appoint themself), someone
// in through a leaked admin link in the first minute, with no one told. Now an admin never
// appoints themself, a new admin changes no moderators and no group's door for a week, and the
// group's moderators hear of every new or former moderator.
import { randomUUID } from 'node:crypto';
import type { Database } from '../../src/lib/database.types';
import { beforeEach, expect, test } from 'vitest';
import { db, signUp, type Person } from '../support/platform';
import { joinedMember, membershipId, post } from '../support/groups';
import { registerOrganisation } from '../support/organisations';

let founder: Person;
let organisation: string;
let group: string;

const groupFacts = (joinPolicy: string, name = 'Praatcafé') => ({
	name,
	description: 'Elke dinsdag.',
	rules: 'We luisteren naar elkaar.',
	join_policy: joinPolicy,
	language: 'nl'
});

const updateGroup = (person: Person, joinPolicy: string, name?: string) =>
	person.client.rpc('update_group', { target_group: group, ...groupFacts(joinPolicy, name) });

/** As if the person had been admin for that many days. */
const adminSince = (person: Person, days: number) =>
	db().query(
		`update public.organisation_admins set created_at = now() - make_interval(days => $3)
		where organisation_id = $1 and user_id = $2`,
		[organisation, person.id, days]
	);

async function adminThroughLink(name: string): Promise<Person> {
	const { data: code, error } = await founder.client.rpc('create_admin_invite', { organisation });
	expect(error).toBeNull();
	const person = await signUp(name);
	expect((await person.client.rpc('accept_admin_invite', { code })).error).toBeNull();
	return person;
}

const role = async (person: Person) =>
	(
		await db().query('select role from public.group_members where group_id = $1 and user_id = $2', [
			group,
			person.id
		])
	).rows[0]?.role;

type NewsRow = Database['public']['Functions']['page_notifications']['Returns'][number];

async function moderatorNews(person: Person) {
	const { data, error } = await person.client.rpc('page_notifications', {});
	expect(error).toBeNull();
	return ((data ?? []) as NewsRow[])
		.filter((row) => row.kind.startsWith('moderator_'))
		.map((row) => ({
			kind: row.kind,
			group: row.group_name,
			person: row.person_nickname,
			aboutMe: row.about_me
		}));
}

beforeEach(async () => {
	founder = await signUp('Oprichter');
	organisation = await registerOrganisation(founder);
	const { data, error } = await founder.client.rpc('create_group', {
		client_id: randomUUID(),
		organisation,
		slug: 'praatcafe',
		nickname: 'Mieke',
		...groupFacts('invite_only')
	});
	expect(error).toBeNull();
	group = data as string;
	await adminSince(founder, 365);
});

test('a new admin cannot open a group, appoint or demote moderators for a week', async () => {
	const anna = await joinedMember(group, 'Anna');
	await post(anna, group, { anonymous: true, body: 'Thuis gaat het niet goed.' });
	const stranger = await adminThroughLink('Noor');

	// The door stays as it is, and so does the rest of what members read (attack review 17, F2).
	const open = await updateGroup(stranger, 'open');
	expect(open.error?.message).toBe('admin_still_new');
	expect(
		(await db().query('select join_policy from public.groups where id = $1', [group])).rows[0]
	).toEqual({ join_policy: 'invite_only' });
	expect((await updateGroup(stranger, 'invite_only', 'Praathuis')).error?.message).toBe(
		'admin_still_new'
	);

	const annaEntry = await membershipId(group, anna.id);
	expect(
		(await stranger.client.rpc('appoint_moderator', { member: annaEntry })).error?.message
	).toBe('admin_still_new');
	const miekeEntry = await membershipId(group, founder.id);
	const demote = await stranger.client.rpc('remove_moderator', { member: miekeEntry });
	expect(demote.error?.message).toBe('admin_still_new');
	expect(await role(anna)).toBe('member');
	expect(await role(founder)).toBe('moderator');

	// After a week the newcomer is an admin like the others.
	await adminSince(stranger, 8);
	expect((await updateGroup(stranger, 'open')).error).toBeNull();
	expect((await stranger.client.rpc('appoint_moderator', { member: annaEntry })).error).toBeNull();
	expect(await role(anna)).toBe('moderator');
});

test('an admin never appoints themself, however long they have been one', async () => {
	expect((await updateGroup(founder, 'open')).error).toBeNull();
	const stranger = await adminThroughLink('Noor');
	await adminSince(stranger, 30);
	const joined = await stranger.client.rpc('request_to_join', {
		target_group: group,
		nickname: 'Noor',
		accept_rules: true
	});
	expect(joined.error).toBeNull();
	const own = await membershipId(group, stranger.id);
	const appoint = await stranger.client.rpc('appoint_moderator', { member: own });
	expect(appoint.error?.message).toBe('moderator_not_yourself');
	expect(await role(stranger)).toBe('member');

	// Another admin can, and then they may step down themselves.
	expect((await founder.client.rpc('appoint_moderator', { member: own })).error).toBeNull();
	expect((await stranger.client.rpc('remove_moderator', { member: own })).error).toBeNull();
	expect(await role(stranger)).toBe('member');
});

test("the group's moderators and the person hear of every new or former moderator", async () => {
	const colleague = await joinedMember(group, 'Ahmed');
	const anna = await joinedMember(group, 'Anna');
	const bram = await joinedMember(group, 'Bram');
	const admin = await adminThroughLink('Noor');
	await adminSince(admin, 30);

	// An admin outside the group makes Ahmed moderator: Ahmed and Mieke hear of it.
	const ahmed = await membershipId(group, colleague.id);
	expect((await admin.client.rpc('appoint_moderator', { member: ahmed })).error).toBeNull();
	expect(await moderatorNews(colleague)).toEqual([
		{ kind: 'moderator_appointed', group: 'Praatcafé', person: 'Ahmed', aboutMe: true }
	]);
	expect(await moderatorNews(founder)).toEqual([
		{ kind: 'moderator_appointed', group: 'Praatcafé', person: 'Ahmed', aboutMe: false }
	]);
	// Members who are not moderators, and the admin who did it, hear nothing.
	expect(await moderatorNews(bram)).toEqual([]);
	expect(await moderatorNews(admin)).toEqual([]);

	// A moderator making someone moderator is told to the others too; so is a demotion.
	const annaEntry = await membershipId(group, anna.id);
	const byModerator = await colleague.client.rpc('set_member_role', {
		member: annaEntry,
		new_role: 'moderator'
	});
	expect(byModerator.error).toBeNull();
	expect((await admin.client.rpc('remove_moderator', { member: ahmed })).error).toBeNull();
	// One unread notice per person, brought up to date: Ahmed's appointment became his removal.
	expect(await moderatorNews(founder)).toEqual([
		{ kind: 'moderator_removed', group: 'Praatcafé', person: 'Ahmed', aboutMe: false },
		{ kind: 'moderator_appointed', group: 'Praatcafé', person: 'Anna', aboutMe: false }
	]);
	expect((await moderatorNews(colleague))[0]).toEqual({
		kind: 'moderator_removed',
		group: 'Praatcafé',
		person: 'Ahmed',
		aboutMe: true
	});
	expect(await moderatorNews(bram)).toEqual([]);
});

test('an admin following an open admin link leaves it for whom it was made', async () => {
	const stranger = await adminThroughLink('Noor');
	const { data: code } = await founder.client.rpc('create_admin_invite', { organisation });
	const accepted = await stranger.client.rpc('accept_admin_invite', { code });
	expect(accepted.error).toBeNull();
	const { rows } = await db().query(
		'select used_by, used_at from public.organisation_admin_invites where code = $1',
		[code]
	);
	expect(rows).toEqual([{ used_by: null, used_at: null }]);
	const colleague = await signUp('Collega');
	expect((await colleague.client.rpc('accept_admin_invite', { code })).error).toBeNull();
});

test('the notice of a new admin shows the start of their e-mail address, not only a chosen name', async () => {
	const stranger = await adminThroughLink('Noor');
	const { data, error } = await founder.client.rpc('page_notifications', {});
	expect(error).toBeNull();
	const notice = (data as NewsRow[]).find((row) => row.kind === 'admin_joined')!;
	expect(notice.person_nickname).toBe('Noor');
	expect(notice.person_email).toBe(`${stranger.email[0]}…@kring.test`);
	expect(notice.person_email).not.toContain(stranger.email.split('@')[0]);
});

test("a new admin leaves archived groups and everything on the organisation's public page as they are for a week", async () => {
	const stranger = await adminThroughLink('Noor');
	expect((await founder.client.rpc('archive_group', { target_group: group })).error).toBeNull();
	const back = await stranger.client.rpc('unarchive_group', { target_group: group });
	expect(back.error?.message).toBe('admin_still_new');

	const facts = {
		organisation,
		name: 'Samen Vooruit',
		description: '',
		address: '',
		contact: '',
		languages: ['nl'],
		colour: '#aa3300',
		initials: 'SV'
	};
	const phone = await stranger.client.rpc('update_organisation', {
		...facts,
		contact: 'Bel Noor: 0470 00 00 00'
	});
	expect(phone.error?.message).toBe('admin_still_new');
	const renamed = await stranger.client.rpc('update_organisation', {
		...facts,
		name: 'Gratis geld'
	});
	expect(renamed.error?.message).toBe('admin_still_new');
	// Nothing on the public page changes in the first week, the description included.
	const described = await stranger.client.rpc('update_organisation', {
		...facts,
		description: 'Wij zijn er voor elkaar.'
	});
	expect(described.error?.message).toBe('admin_still_new');
	expect(
		(
			await db().query('select name, contact from public.organisations where id = $1', [
				organisation
			])
		).rows[0]
	).toEqual({ name: 'Samen Vooruit', contact: '' });

	await adminSince(stranger, 8);
	expect((await stranger.client.rpc('unarchive_group', { target_group: group })).error).toBeNull();
	const later = await stranger.client.rpc('update_organisation', {
		...facts,
		contact: 'info@sv.be'
	});
	expect(later.error).toBeNull();
});
