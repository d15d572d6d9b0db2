// Who lets people in, and who moderates, holds under pressure (attack review 17): a link made
// during its maker's demotion, links without end, a deleted account's links, a role given to a
// place without a phone, a flood of role changes, and a new admin's first week.
import { randomUUID } from 'node:crypto';
import { expect, test } from 'vitest';
import { joinedMember, joinedModerator, makeGroup, membershipId } from '../support/groups';
import { registerOrganisation } from '../support/organisations';
import { db, signUp, type Person } from '../support/platform';

const inAWeek = () => new Date(Date.now() + 7 * 86_400_000).toISOString();

const makeLink = (moderator: Person, group: string) =>
	moderator.client.rpc('create_invite', {
		target_group: group,
		expires_at: inAWeek(),
		max_uses: 25
	});

async function join(code: string, nickname = 'Nieuw') {
	const person = await signUp(nickname);
	const result = await person.client.rpc('accept_invite', {
		invite_code: code,
		nickname,
		accept_rules: true
	});
	return { person, error: result.error };
}

/** Sam's create_invite as PostgREST runs it, in a transaction the test holds open. */
async function openCreateInvite(sam: Person, group: string) {
	const connection = await db().connect();
	await connection.query('begin');
	await connection.query(`select set_config('role', 'authenticated', true)`);
	await connection.query(`select set_config('request.jwt.claims', $1, true)`, [
		JSON.stringify({ sub: sam.id, role: 'authenticated' })
	]);
	const { rows } = await connection.query<{ code: string }>(
		`select code from public.create_invite($1, now() + interval '7 days', 25)`,
		[group]
	);
	return { connection, code: rows[0].code };
}

test('a link made while its maker is being demoted lets no one in', async () => {
	const { id: group } = await makeGroup();
	const els = await joinedModerator(group, 'Els');
	const sam = await joinedModerator(group, 'Sam');
	const { connection, code } = await openCreateInvite(sam, group);
	try {
		// The demotion waits for Sam's link to be made, then ends it.
		const demotion = els.client.rpc('set_member_role', {
			member: await membershipId(group, sam.id),
			new_role: 'member'
		});
		let demoted = false;
		void demotion.then(() => (demoted = true));
		await new Promise((resolve) => setTimeout(resolve, 500));
		expect(demoted).toBe(false);
		await connection.query('commit');
		expect((await demotion).error).toBeNull();
	} finally {
		connection.release();
	}
	const { rows } = await db().query('select revoked_at from public.invites where code = $1', [
		code
	]);
	expect(rows[0].revoked_at).not.toBeNull();
	expect((await join(code)).error?.message).toBe('invite_revoked');
});

test('a link whose maker stopped moderating lets no one in, even if it was never revoked', async () => {
	const { id: group } = await makeGroup();
	await joinedModerator(group, 'Els');
	const sam = await joinedModerator(group, 'Sam');
	const { data, error } = await makeLink(sam, group);
	expect(error).toBeNull();
	const code = (data as { code: string }).code;
	// As a link left over from before: Sam is a member, the link never revoked.
	await db().query(
		`update public.group_members set role = 'member' where group_id = $1 and user_id = $2`,
		[group, sam.id]
	);
	await db().query('update public.invites set revoked_at = null where code = $1', [code]);
	expect((await join(code)).error?.message).toBe('invite_revoked');
});

test('a moderator has at most 50 working links per group; stopping one makes room', async () => {
	const { id: group } = await makeGroup();
	const els = await joinedModerator(group, 'Els');
	const other = await makeGroup();
	await db().query(
		`insert into public.group_members (group_id, user_id, nickname, role, status, joined_at)
		values ($1, $2, 'Els', 'moderator', 'active', now())`,
		[other.id, els.id]
	);
	// 49 made directly (with an expired and a revoked one beside them, which do not count).
	await db().query(
		`insert into public.invites (group_id, created_by, expires_at, max_uses, revoked_at)
		select $1::uuid, $2::uuid, now() + interval '7 days', 1, null::timestamptz
		from generate_series(1, 49)
		union all select $1, $2, now() - interval '1 day', 1, null
		union all select $1, $2, now() + interval '7 days', 1, now()`,
		[group, els.id]
	);
	const fiftieth = await makeLink(els, group);
	expect(fiftieth.error).toBeNull();
	expect((await makeLink(els, group)).error?.message).toBe('invite_limit_reached');
	// Another moderator of the same group, and Els in another group, are not held back.
	const noor = await joinedModerator(group, 'Noor');
	expect((await makeLink(noor, group)).error).toBeNull();
	expect((await makeLink(els, other.id)).error).toBeNull();

	const revoked = await els.client.rpc('revoke_invite', {
		invite: (fiftieth.data as { id: string }).id
	});
	expect(revoked.error).toBeNull();
	expect((await makeLink(els, group)).error).toBeNull();
});

test('parallel calls of one moderator do not pass the 50', async () => {
	const { id: group } = await makeGroup();
	const els = await joinedModerator(group, 'Els');
	await db().query(
		`insert into public.invites (group_id, created_by, expires_at, max_uses)
		select $1, $2, now() + interval '7 days', 1 from generate_series(1, 40)`,
		[group, els.id]
	);
	const results = await Promise.all(Array.from({ length: 20 }, () => makeLink(els, group)));
	expect(results.filter((result) => result.error === null)).toHaveLength(10);
	const { rows } = await db().query(
		`select count(*)::int as n from public.invites
		where group_id = $1 and created_by = $2 and revoked_at is null`,
		[group, els.id]
	);
	expect(rows[0].n).toBe(50);
});

test('a group has at most 300 places without a phone', async () => {
	const { id: group } = await makeGroup();
	const els = await joinedModerator(group, 'Els');
	// Made directly, past the nickname check (which reads every name: 300 take long that way).
	const connection = await db().connect();
	try {
		await connection.query('begin');
		await connection.query('set local session_replication_role = replica');
		await connection.query(
			`insert into public.group_members (group_id, nickname, nickname_readings, status, joined_at)
			select $1, 'Zonder telefoon ' || n, private.nickname_readings('Zonder telefoon ' || n),
				'active', now()
			from generate_series(1, 299) n`,
			[group]
		);
		await connection.query('commit');
	} catch (error) {
		await connection.query('rollback');
		throw error;
	} finally {
		connection.release();
	}
	const add = (nickname: string) =>
		els.client.rpc('add_member_without_phone', { target_group: group, nickname });
	expect((await add('Oma Rita')).error).toBeNull();
	expect((await add('Opa Jan')).error?.message).toBe('without_phone_limit_reached');
	// The same name again is the same place, as before.
	expect((await add('oma rita')).error).toBeNull();
});

test('an account deleted any other way takes its links along too', async () => {
	const { id: group } = await makeGroup();
	await joinedModerator(group, 'Els');
	const sam = await joinedModerator(group, 'Sam');
	const { data } = await makeLink(sam, group);
	const code = (data as { code: string }).code;
	// As auth's admin API or a clean-up of old accounts does it.
	await db().query('delete from auth.users where id = $1', [sam.id]);
	expect((await join(code)).error?.message).toBe('invite_not_found');
});

test("a deleted account's links are gone, not revoked at one shared instant", async () => {
	const first = await makeGroup();
	const second = await makeGroup();
	await joinedModerator(first.id, 'Els');
	await joinedModerator(second.id, 'Noor');
	const jan = await joinedModerator(first.id, 'Jan');
	await db().query(
		`insert into public.group_members (group_id, user_id, nickname, role, status, joined_at)
		values ($1, $2, 'Nachtvlinder', 'moderator', 'active', now())`,
		[second.id, jan.id]
	);
	const links = [
		(await makeLink(jan, first.id)).data as { code: string },
		(await makeLink(jan, second.id)).data as { code: string }
	];
	expect((await jan.client.rpc('delete_my_account', {})).error).toBeNull();
	const { rows } = await db().query(
		'select count(*)::int as left from public.invites where code = any($1)',
		[links.map((link) => link.code)]
	);
	expect(rows[0].left).toBe(0);
	expect((await join(links[0].code)).error?.message).toBe('invite_not_found');
});

test('a place without a phone gets no role; taking a place over makes a member', async () => {
	const { id: group } = await makeGroup();
	const els = await joinedModerator(group, 'Els');
	const noor = await joinedModerator(group, 'Noor');
	const { data: place, error } = await els.client.rpc('add_member_without_phone', {
		target_group: group,
		nickname: 'Oma Rita'
	});
	expect(error).toBeNull();
	for (const role of ['moderator', 'host'] as const) {
		const refused = await els.client.rpc('set_member_role', {
			member: place as string,
			new_role: role
		});
		expect(refused.error?.message).toBe('role_needs_a_phone');
	}

	// A place given a role before this rule (as in a database from before) is taken over as a member.
	await db().query(`update public.group_members set role = 'moderator' where id = $1`, [place]);
	const { data: code } = await els.client.rpc('create_claim_invite', { member: place as string });
	const { person: second, error: claimed } = await join(code as string, 'Rita');
	expect(claimed).toBeNull();
	const { rows } = await db().query(
		'select role, user_id from public.group_members where id = $1',
		[place]
	);
	expect(rows[0]).toEqual({ role: 'member', user_id: second.id });

	// Given a role now, in the open: Noor hears of it.
	expect(
		(await els.client.rpc('set_member_role', { member: place as string, new_role: 'moderator' }))
			.error
	).toBeNull();
	const { rows: told } = await db().query(
		`select count(*)::int as n from public.notifications
		where user_id = $1 and kind = 'moderator_appointed' and person_id = $2`,
		[noor.id, second.id]
	);
	expect(told[0].n).toBe(1);
});

test('many role changes to one member do not bury the notice about another', async () => {
	const { id: group } = await makeGroup();
	const els = await joinedModerator(group, 'Els');
	const rogue = await joinedModerator(group, 'Rogue');
	const kim = await joinedMember(group, 'Kim');
	const anna = await joinedMember(group, 'Anna');
	const kimsPlace = await membershipId(group, kim.id);
	const annasPlace = await membershipId(group, anna.id);
	expect(
		(await rogue.client.rpc('set_member_role', { member: kimsPlace, new_role: 'moderator' })).error
	).toBeNull();
	for (let flip = 0; flip < 30; flip++) {
		const { error } = await rogue.client.rpc('set_member_role', {
			member: annasPlace,
			new_role: flip % 2 === 0 ? 'moderator' : 'member'
		});
		expect(error).toBeNull();
	}
	const { rows } = await db().query<{ kind: string; person_id: string }>(
		`select kind, person_id from public.notifications
		where user_id = $1 and kind in ('moderator_appointed', 'moderator_removed') and read_at is null
		order by created_at desc`,
		[els.id]
	);
	expect(rows).toEqual([
		{ kind: 'moderator_removed', person_id: anna.id },
		{ kind: 'moderator_appointed', person_id: kim.id }
	]);
	// Flipping one person again and again is allowed (and told once); more than 10 people a day is not.
	const others = await Promise.all(
		Array.from({ length: 10 }, (_, n) => joinedMember(group, `Lid ${n}`))
	);
	const results = [];
	for (const other of others) {
		results.push(
			await rogue.client.rpc('set_member_role', {
				member: await membershipId(group, other.id),
				new_role: 'moderator'
			})
		);
	}
	// Kim and Anna are two; eight more pass, the ninth and tenth do not.
	expect(results.map((result) => result.error?.message ?? 'ok')).toEqual([
		...Array(8).fill('ok'),
		'role_change_limit_reached',
		'role_change_limit_reached'
	]);
	expect(
		(await rogue.client.rpc('set_member_role', { member: annasPlace, new_role: 'moderator' })).error
	).toBeNull();
	// Another moderator has a count of their own.
	expect(
		(
			await els.client.rpc('set_member_role', {
				member: await membershipId(group, others[9].id),
				new_role: 'moderator'
			})
		).error
	).toBeNull();

	const { rows: annas } = await db().query(
		`select count(*)::int as n from public.notifications
		where user_id = $1 and person_id = $1
			and kind in ('moderator_appointed', 'moderator_removed')`,
		[anna.id]
	);
	expect(annas[0].n).toBe(1);
});

test('a new admin changes nothing others read in their first week, starts no group, and is told until when', async () => {
	const founder = await signUp('Oprichter');
	const organisation = await registerOrganisation(founder);
	const { data: group, error } = await founder.client.rpc('create_group', {
		client_id: randomUUID(),
		organisation,
		name: 'Praatcafé',
		slug: 'praatcafe',
		description: 'Elke dinsdag.',
		rules: 'We luisteren naar elkaar.',
		join_policy: 'invite_only',
		language: 'nl',
		nickname: 'Mieke'
	});
	expect(error).toBeNull();
	await db().query(
		`update public.organisation_admins set created_at = now() - interval '1 year'
		where organisation_id = $1`,
		[organisation]
	);
	const { data: adminCode } = await founder.client.rpc('create_admin_invite', { organisation });
	const newcomer = await signUp('Noor');
	expect((await newcomer.client.rpc('accept_admin_invite', { code: adminCode })).error).toBeNull();

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
	// Saving the facts as they are is no change.
	expect((await newcomer.client.rpc('update_organisation', facts)).error).toBeNull();
	for (const change of [
		{ description: 'Nieuw: bel 0470 12 34 56 voor je premie.' },
		{ initials: 'XX' },
		{ colour: '#000000' },
		{ languages: ['nl', 'fr'] }
	]) {
		const refused = await newcomer.client.rpc('update_organisation', { ...facts, ...change });
		expect(refused.error?.message, JSON.stringify(change)).toBe('admin_still_new');
	}
	const groupFacts = {
		target_group: group as string,
		name: 'Praatcafé',
		description: 'Elke dinsdag.',
		rules: 'We luisteren naar elkaar.',
		join_policy: 'invite_only' as const,
		language: 'nl'
	};
	expect((await newcomer.client.rpc('update_group', groupFacts)).error).toBeNull();
	for (const change of [
		{ name: 'Schulden (nieuw nummer: 0470 …)' },
		{ description: 'Bel Noor.' },
		{ rules: 'Deel je rekeningnummer met Noor.' },
		{ language: 'fr' }
	]) {
		const refused = await newcomer.client.rpc('update_group', { ...groupFacts, ...change });
		expect(refused.error?.message, JSON.stringify(change)).toBe('admin_still_new');
	}
	const started = await newcomer.client.rpc('create_group', {
		client_id: randomUUID(),
		organisation,
		name: 'Budgethulp',
		slug: 'budgethulp',
		description: '',
		rules: '',
		join_policy: 'open',
		language: 'nl',
		nickname: 'Noor'
	});
	expect(started.error?.message).toBe('admin_still_new');
	// Nor do they stop an older admin's link to a colleague; their admin page says until when.
	const { data: colleagueLink } = await founder.client.rpc('create_admin_invite', { organisation });
	const { rows: link } = await db().query(
		'select id from public.organisation_admin_invites where code = $1',
		[colleagueLink]
	);
	const stopped = await newcomer.client.rpc('revoke_admin_invite', { invite: link[0].id });
	expect(stopped.error?.message).toBe('admin_still_new');
	const page = async (person: Person) => {
		const { data, error } = await person.client.rpc('page_organisation_admin', {
			organisation_slug: (
				await db().query('select slug from public.organisations where id = $1', [organisation])
			).rows[0].slug
		});
		expect(error).toBeNull();
		return data as { still_new_until: string | null };
	};
	const { rows: since } = await db().query(
		`select created_at + interval '7 days' as until from public.organisation_admins
		where organisation_id = $1 and user_id = $2`,
		[organisation, newcomer.id]
	);
	expect(new Date((await page(newcomer)).still_new_until!)).toEqual(since[0].until);
	expect((await page(founder)).still_new_until).toBeNull();

	// After the week, all of it is theirs to do.
	await db().query(
		`update public.organisation_admins set created_at = now() - interval '8 days'
		where organisation_id = $1 and user_id = $2`,
		[organisation, newcomer.id]
	);
	expect(
		(await newcomer.client.rpc('update_organisation', { ...facts, initials: 'SVX' })).error
	).toBeNull();
	expect(
		(await newcomer.client.rpc('update_group', { ...groupFacts, rules: 'Wees welkom.' })).error
	).toBeNull();
	expect((await page(newcomer)).still_new_until).toBeNull();
	expect(
		(await newcomer.client.rpc('revoke_admin_invite', { invite: link[0].id })).error
	).toBeNull();
});
