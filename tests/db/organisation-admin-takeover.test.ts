// An admin invite link in the wrong hands: the newcomer cannot at once remove the admins who were
// there before them, every admin is told who came and who went, the invite page's organisation is
// the code's, and an admin removed while their own removal waits can remove no one.
import { expect, test } from 'vitest';
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
