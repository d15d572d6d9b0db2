// An organisation always has someone who can run it: its only admin cannot delete their account
// (they are told to invite someone else first), and no path removes the last admin row; deleting
// the organisation itself still takes its admins along.
import { expect, test } from 'vitest';
import { db, signUp, type Person } from '../support/platform';
import { registerOrganisation } from '../support/organisations';

const accountExists = async (person: Person) =>
	(await db().query('select 1 from auth.users where id = $1', [person.id])).rowCount === 1;

test('the only admin cannot delete their account; once another admin is there, they can', async () => {
	const founder = await signUp();
	const organisation = await registerOrganisation(founder);

	const refused = await founder.client.rpc('delete_my_account', { also_unnamed: false });
	expect(refused.error?.message).toBe('last_admin');
	expect(await accountExists(founder)).toBe(true);

	const invite = await founder.client.rpc('create_admin_invite', { organisation });
	expect(invite.error).toBeNull();
	const colleague = await signUp();
	const accepted = await colleague.client.rpc('accept_admin_invite', { code: invite.data });
	expect(accepted.error).toBeNull();

	const deleted = await founder.client.rpc('delete_my_account', { also_unnamed: false });
	expect(deleted.error).toBeNull();
	expect(await accountExists(founder)).toBe(false);
	const { rows } = await db().query(
		'select user_id from public.organisation_admins where organisation_id = $1',
		[organisation]
	);
	expect(rows).toEqual([{ user_id: colleague.id }]);
});

test('no path removes the last admin, but deleting the organisation takes it along', async () => {
	const founder = await signUp();
	const organisation = await registerOrganisation(founder);
	// As the service role or an operator in the SQL editor would.
	await expect(db().query('delete from auth.users where id = $1', [founder.id])).rejects.toThrow(
		'last_admin'
	);
	await expect(
		db().query('delete from public.organisation_admins where organisation_id = $1', [organisation])
	).rejects.toThrow('last_admin');
	expect(await accountExists(founder)).toBe(true);

	await db().query('delete from public.organisations where id = $1', [organisation]);
	const { rowCount } = await db().query(
		'select 1 from public.organisation_admins where organisation_id = $1',
		[organisation]
	);
	expect(rowCount).toBe(0);
});
