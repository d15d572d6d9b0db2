// An admin invite link in the wrong hands: the newcomer cannot at once remove the admins who were
// there before them, every admin is told who came and who went, the invite page's organisation is
// the code's, and an admin removed while their own removal waits can remove no one.
import { randomUUID } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { db, signUp, type Person } from '../support/platform';
import { registerOrganisation } from '../support/organisations';

async function addAdmin(admin: Person, organisation: string, name = 'Nieuw') {
	const { data: code, error } = await admin.client.rpc('create_admin_invite', { organisation });
	expect(error).toBeNull();
	const person = await signUp(name);
	expect((await person.client.rpc('accept_admin_invite', { code })).error).toBeNull();
	return person;
}

/** As if the person had been admin for that many days. */
const adminSince = (organisation: string, person: Person, days: number) =>
	db().query(
		`update public.organisation_admins set created_at = now() - make_interval(days => $3)
		where organisation_id = $1 and user_id = $2`,
		[organisation, person.id, days]
	);

const admins = async (organisation: string) =>
	(
		await db().query<{ user_id: string }>(
			'select user_id from public.organisation_admins where organisation_id = $1',
			[organisation]
		)
	).rows
		.map((row) => row.user_id)
		.sort();

const remove = (by: Person, organisation: string, person: Person) =>
	by.client.rpc('remove_organisation_admin', { organisation, person: person.id });

async function news(person: Person) {
	const { data, error } = await person.client.rpc('page_notifications', {});
	expect(error).toBeNull();
	const rows = (data ?? []) as Record<string, unknown>[];
	return rows
		.filter((row) => String(row.kind).startsWith('admin_'))
		.map((row) => ({
			kind: row.kind,
			organisation: row.organisation_name,
			person: row.person_nickname,
			actor: row.actor_name,
			aboutMe: row.about_me
		}));
}

test('an admin of less than a week cannot remove the admins who were there before them', async () => {
	const founder = await signUp('Oprichter');
	const organisation = await registerOrganisation(founder);
	const newcomer = await addAdmin(founder, organisation);

	expect((await remove(newcomer, organisation, founder)).error?.message).toBe('admin_too_new');
	expect(await admins(organisation)).toEqual([founder.id, newcomer.id].sort());

	// After a week they are simply two admins.
	await adminSince(organisation, newcomer, 8);
	expect((await remove(newcomer, organisation, founder)).error).toBeNull();
	expect(await admins(organisation)).toEqual([newcomer.id]);
});

test('an older admin can remove a new one at once, and a new one can leave', async () => {
	const founder = await signUp('Oprichter');
	const organisation = await registerOrganisation(founder);
	const helper = await addAdmin(founder, organisation, 'Helper');
	const stranger = await addAdmin(founder, organisation, 'Vreemde');
	// The stranger, newer than the helper, cannot remove them either.
	expect((await remove(stranger, organisation, helper)).error?.message).toBe('admin_too_new');
	expect((await remove(founder, organisation, stranger)).error).toBeNull();
	expect((await helper.client.rpc('leave_organisation', { organisation })).error).toBeNull();
	expect(await admins(organisation)).toEqual([founder.id]);
});

test('every admin is told who became admin through a link, and who was removed', async () => {
	const founder = await signUp('Oprichter');
	const organisation = await registerOrganisation(founder, { name: 'De Brug' });
	const colleague = await addAdmin(founder, organisation, 'Collega');
	const newcomer = await addAdmin(founder, organisation, 'Nieuwkomer');

	expect(await news(founder)).toEqual([
		{
			kind: 'admin_joined',
			organisation: 'De Brug',
			person: 'Nieuwkomer',
			actor: 'Oprichter',
			aboutMe: false
		},
		{
			kind: 'admin_joined',
			organisation: 'De Brug',
			person: 'Collega',
			actor: 'Oprichter',
			aboutMe: false
		}
	]);
	// The colleague hears of the one after them; the newcomer of no one.
	expect((await news(colleague)).map((item) => item.person)).toEqual(['Nieuwkomer']);
	expect(await news(newcomer)).toEqual([]);

	expect((await remove(founder, organisation, newcomer)).error).toBeNull();
	expect((await news(colleague))[0]).toEqual({
		kind: 'admin_removed',
		organisation: 'De Brug',
		person: 'Nieuwkomer',
		actor: 'Oprichter',
		aboutMe: false
	});
	expect(await news(newcomer)).toEqual([
		{
			kind: 'admin_removed',
			organisation: 'De Brug',
			person: 'Nieuwkomer',
			actor: 'Oprichter',
			aboutMe: true
		}
	]);
	// The one who did it needs no news of it.
	expect((await news(founder))[0].kind).toBe('admin_joined');
});

test("the invite page shows the code's organisation, and accepting it on another's page is refused", async () => {
	const [one, other] = [await signUp('Een'), await signUp('Ander')];
	const ours = await registerOrganisation(one, { name: 'Ons Huis' });
	const theirs = await registerOrganisation(other, { name: 'Hun Huis' });
	const slugOf = async (id: string) =>
		(await db().query('select slug from public.organisations where id = $1', [id])).rows[0].slug;
	const { data: code } = await other.client.rpc('create_admin_invite', { organisation: theirs });

	const visitor = await signUp('Bezoeker');
	const preview = await visitor.client.rpc('admin_invite_preview', { code });
	expect(preview.error).toBeNull();
	expect(preview.data).toEqual([{ name: 'Hun Huis', slug: await slugOf(theirs), works: true }]);

	const refused = await visitor.client.rpc('accept_admin_invite', {
		code,
		organisation_slug: await slugOf(ours)
	});
	expect(refused.error?.message).toBe('admin_invite_not_found');
	expect(await admins(theirs)).toEqual([other.id]);
	expect(await admins(ours)).toEqual([one.id]);

	const accepted = await visitor.client.rpc('accept_admin_invite', {
		code,
		organisation_slug: await slugOf(theirs)
	});
	expect(accepted.error).toBeNull();
	expect((await visitor.client.rpc('admin_invite_preview', { code: 'no-such-code' })).data).toEqual(
		[]
	);
});

test('an admin removed while their own call waits for the lock removes no one', async () => {
	const founder = await signUp('Oprichter');
	const organisation = await registerOrganisation(founder);
	const second = await addAdmin(founder, organisation, 'Tweede');
	const third = await addAdmin(founder, organisation, 'Derde');
	await adminSince(organisation, second, 30);
	await adminSince(organisation, third, 20);

	// Someone holds the organisation's lock (as the founder removing the second would).
	const holder = await db().connect();
	try {
		await holder.query('begin');
		await holder.query('select 1 from public.organisations where id = $1 for update', [
			organisation
		]);
		// A query builder sends nothing until it is awaited: start it now.
		const waiting = Promise.resolve(remove(second, organisation, third));
		await expect
			.poll(async () => {
				const { rows } = await db().query(
					`select count(*)::int as n from pg_stat_activity
					where wait_event_type = 'Lock' and datname = current_database()`
				);
				return rows[0].n;
			})
			.toBe(1);
		await holder.query(
			'delete from public.organisation_admins where organisation_id = $1 and user_id = $2',
			[organisation, second.id]
		);
		await holder.query('commit');
		expect((await waiting).error?.message).toBe('not_allowed');
	} finally {
		holder.release();
	}
	expect(await admins(organisation)).toEqual([founder.id, third.id].sort());
});

test('an admin who goes takes the open admin links with them: removed, they cannot come back', async () => {
	const founder = await signUp('Oprichter');
	const organisation = await registerOrganisation(founder);
	await adminSince(organisation, founder, 30);
	const stranger = await addAdmin(founder, organisation, 'Vreemde');
	await adminSince(organisation, stranger, 8);
	// Links the stranger saw on the admin page, and one they made themselves.
	const seen = await founder.client.rpc('create_admin_invite', { organisation });
	const own = await stranger.client.rpc('create_admin_invite', { organisation });
	expect([seen.error, own.error]).toEqual([null, null]);

	expect((await remove(founder, organisation, stranger)).error).toBeNull();
	for (const code of [seen.data, own.data]) {
		const back = await stranger.client.rpc('accept_admin_invite', { code });
		expect(back.error?.message).toBe('admin_invite_no_longer_works');
		const preview = await stranger.client.rpc('admin_invite_preview', { code });
		expect(preview.data).toEqual([expect.objectContaining({ works: false })]);
	}
	expect(await admins(organisation)).toEqual([founder.id]);

	// A new link from an admin who stays works as before.
	const colleague = await addAdmin(founder, organisation, 'Collega');
	expect(await admins(organisation)).toEqual([founder.id, colleague.id].sort());
});

test('a link works only while the admin who made it still is one', async () => {
	const founder = await signUp('Oprichter');
	const organisation = await registerOrganisation(founder);
	await adminSince(organisation, founder, 30);
	const helper = await addAdmin(founder, organisation, 'Helper');
	await adminSince(organisation, helper, 8);
	const { data: code } = await helper.client.rpc('create_admin_invite', { organisation });
	// Leaving ends every open link too; this one is also the leaver's own.
	expect((await helper.client.rpc('leave_organisation', { organisation })).error).toBeNull();
	const taker = await signUp('Nieuw');
	const taken = await taker.client.rpc('accept_admin_invite', { code });
	expect(taken.error?.message).toBe('admin_invite_no_longer_works');
	// Even a link made new again by hand in the database: its maker is gone.
	await db().query(
		`update public.organisation_admin_invites set expires_at = now() + interval '1 day'
		where code = $1`,
		[code]
	);
	const again = await taker.client.rpc('accept_admin_invite', { code });
	expect(again.error?.message).toBe('admin_invite_no_longer_works');
	expect(await admins(organisation)).toEqual([founder.id]);
});

test('in their first week a new admin makes no admin links and archives no group', async () => {
	const founder = await signUp('Oprichter');
	const organisation = await registerOrganisation(founder);
	const { data: group, error } = await founder.client.rpc('create_group', {
		client_id: crypto.randomUUID(),
		organisation,
		name: 'Praatcafé',
		slug: 'praatcafe',
		description: '',
		rules: 'We luisteren naar elkaar.',
		join_policy: 'request',
		language: 'nl',
		nickname: 'Oprichter'
	});
	expect(error).toBeNull();
	const newcomer = await addAdmin(founder, organisation);

	const link = await newcomer.client.rpc('create_admin_invite', { organisation });
	expect(link.error?.message).toBe('admin_still_new');
	const archived = await newcomer.client.rpc('archive_group', { target_group: group });
	expect(archived.error?.message).toBe('admin_still_new');
	const { rows } = await db().query('select archived_at from public.groups where id = $1', [group]);
	expect(rows[0].archived_at).toBeNull();

	// After a week they can; the founder, with no one before them, always could.
	await adminSince(organisation, newcomer, 8);
	expect((await newcomer.client.rpc('create_admin_invite', { organisation })).error).toBeNull();
	expect((await newcomer.client.rpc('archive_group', { target_group: group })).error).toBeNull();
});

describe('an admin who goes takes the group invite links they made', () => {
	/** A group of the organisation with the person as its moderator, and a link they made. */
	async function groupWithLink(organisation: string, moderator: Person) {
		const { rows } = await db().query<{ id: string }>(
			`insert into public.groups (organisation_id, name, slug, description, rules)
			values ($1, 'Groep', $2, '', '') returning id`,
			[organisation, `g-${randomUUID().slice(0, 8)}`]
		);
		const group = rows[0].id;
		await db().query(
			`insert into public.group_members (group_id, user_id, nickname, role, status)
			values ($1, $2, $3, 'moderator', 'active')`,
			[group, moderator.id, `Begeleider ${randomUUID().slice(0, 4)}`]
		);
		const { data, error } = await moderator.client.rpc('create_invite', {
			target_group: group,
			expires_at: new Date(Date.now() + 7 * 86_400_000).toISOString(),
			max_uses: 25
		});
		expect(error).toBeNull();
		return { group, code: (data as { code: string }).code };
	}

	const noLongerModerator = (group: string, person: Person) =>
		db().query(
			`update public.group_members set role = 'member' where group_id = $1 and user_id = $2`,
			[group, person.id]
		);

	async function join(code: string) {
		const newcomer = await signUp('Nieuwkomer');
		return (
			await newcomer.client.rpc('accept_invite', {
				invite_code: code,
				nickname: 'Nieuwkomer',
				accept_rules: true
			})
		).error?.message;
	}

	test('removed, their links into groups they no longer moderate stop working', async () => {
		const founder = await signUp('Oprichter');
		const organisation = await registerOrganisation(founder);
		await adminSince(organisation, founder, 30);
		const stranger = await addAdmin(founder, organisation, 'Vreemde');
		// A group the stranger was made moderator of and then was not any more, one they still
		// moderate, and the founder's own link into the first.
		const left = await groupWithLink(organisation, stranger);
		await noLongerModerator(left.group, stranger);
		const kept = await groupWithLink(organisation, stranger);
		const founders = await groupWithLink(organisation, founder);
		const other = await groupWithLink(await registerOrganisation(stranger), stranger);

		expect((await remove(founder, organisation, stranger)).error).toBeNull();
		expect(await join(left.code)).toBe('invite_revoked');
		// Where they still moderate they may make links anyway; the printed ones stay.
		expect(await join(kept.code)).toBeUndefined();
		expect(await join(founders.code)).toBeUndefined();
		// Another organisation's groups are not this one's business.
		expect(await join(other.code)).toBeUndefined();
	});

	test('leaving takes them too', async () => {
		const founder = await signUp('Oprichter');
		const organisation = await registerOrganisation(founder);
		await adminSince(organisation, founder, 30);
		const helper = await addAdmin(founder, organisation, 'Helper');
		const made = await groupWithLink(organisation, helper);
		await noLongerModerator(made.group, helper);
		expect((await helper.client.rpc('leave_organisation', { organisation })).error).toBeNull();
		expect(await join(made.code)).toBe('invite_revoked');
	});
});
