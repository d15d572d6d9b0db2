// Arranging groups for database tests: organisations and groups are made directly (there is no
// screen for that yet); people join through the same functions the app calls.
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { db, signUp, type Person } from './platform';

export interface Group {
	id: string;
	organisationId: string;
}

export async function makeGroup(
	options: { joinPolicy?: 'invite_only' | 'request' | 'open'; name?: string } = {}
): Promise<Group> {
	const slug = `t-${randomUUID().slice(0, 8)}`;
	const { rows } = await db().query<{ organisation_id: string; id: string }>(
		`with org as (insert into public.organisations (name, slug) values ($1, $2) returning id)
		insert into public.groups (organisation_id, name, slug, description, rules, join_policy)
		select id, $3, $2, 'Een groep om te testen.', 'We luisteren naar elkaar.', $4 from org
		returning organisation_id, id`,
		[
			`Organisatie ${slug}`,
			slug,
			options.name ?? `Groep ${slug}`,
			options.joinPolicy ?? 'invite_only'
		]
	);
	return { id: rows[0].id, organisationId: rows[0].organisation_id };
}

/** A fresh invite for the group, made directly. */
export async function makeInvite(
	groupId: string,
	options: { maxUses?: number; expiresAt?: Date } = {}
): Promise<string> {
	const { rows } = await db().query<{ code: string }>(
		`insert into public.invites (group_id, max_uses, expires_at) values ($1, $2, $3) returning code`,
		[groupId, options.maxUses ?? 25, options.expiresAt ?? new Date(Date.now() + 86_400_000)]
	);
	return rows[0].code;
}

/**
 * The name, or the name and a number when someone active in the group reads the same: two
 * active members cannot share a name, and tests make many a "Lid" in one group.
 */
async function freeName(groupId: string, name: string): Promise<string> {
	const { rows } = await db().query<{ nickname: string }>(
		`select coalesce(min(candidate), $2) as nickname
		from (
			select case when n = 1 then $2 else $2 || ' ' || n end as candidate
			from generate_series(1, 100) n
		) candidates
		where not exists (
			select 1 from public.group_members m
			where m.group_id = $1 and m.status = 'active'
				and m.nickname_readings && private.nickname_readings(candidate)
		)`,
		[groupId, name]
	);
	return rows[0].nickname;
}

/** A new person who joined the group with an invite, as a newcomer does. */
export async function joinedMember(groupId: string, name?: string): Promise<Person> {
	const nickname = name ?? (await freeName(groupId, 'Lid'));
	const person = await signUp(nickname);
	const { error } = await person.client.rpc('accept_invite', {
		invite_code: await makeInvite(groupId),
		nickname,
		accept_rules: true
	});
	expect(error).toBeNull();
	return person;
}

export async function joinedModerator(groupId: string, nickname = 'Begeleider'): Promise<Person> {
	const person = await joinedMember(groupId, nickname);
	await db().query(
		`update public.group_members set role = 'moderator' where group_id = $1 and user_id = $2`,
		[groupId, person.id]
	);
	return person;
}

export async function membershipId(groupId: string, userId: string): Promise<string> {
	const { rows } = await db().query<{ id: string }>(
		'select id from public.group_members where group_id = $1 and user_id = $2',
		[groupId, userId]
	);
	return rows[0].id;
}

export async function post(
	person: Person,
	groupId: string,
	options: { anonymous?: boolean; body?: string; kind?: string } = {}
): Promise<string> {
	const { data, error } = await person.client.rpc('create_post', {
		client_id: randomUUID(),
		target_group: groupId,
		kind: options.kind ?? 'question',
		body: options.body ?? 'Hoe doen jullie dat met de energiefactuur?',
		anonymous: options.anonymous ?? false
	});
	expect(error).toBeNull();
	return data as string;
}
