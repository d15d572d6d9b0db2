// Arranging meetups for database tests: hosts, valid meetup fields, meetups made through the
// same functions the app calls.
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { db, type Person } from './platform';
import { joinedMember } from './groups';

export async function joinedHost(groupId: string, nickname = 'Gastvrouw'): Promise<Person> {
	const person = await joinedMember(groupId, nickname);
	await db().query(
		`update public.group_members set role = 'host' where group_id = $1 and user_id = $2`,
		[groupId, person.id]
	);
	return person;
}

export const inDays = (days: number, hours = 0) =>
	new Date(Date.now() + days * 86_400_000 + hours * 3_600_000).toISOString();

export function meetupFields(overrides: Record<string, unknown> = {}) {
	return {
		title: 'Soep en babbel',
		description: 'We koken samen en praten over de week.',
		starts_at: inDays(7),
		ends_at: inDays(7, 2),
		place: 'Buurthuis De Kring, Kerkstraat 12, Gent',
		online_url: null,
		cost: null,
		childcare: true,
		transport_help: false,
		wheelchair_access: true,
		languages: ['nl', 'fr'],
		open_to: 'group',
		capacity: null,
		...overrides
	};
}

export async function createMeetup(
	host: Person,
	groupId: string,
	overrides: Record<string, unknown> = {}
): Promise<string> {
	const { data, error } = await host.client.rpc('create_meetup', {
		client_id: randomUUID(),
		target_group: groupId,
		...meetupFields(overrides)
	});
	expect(error).toBeNull();
	return data as string;
}

export const rsvp = (
	person: Person,
	meetup: string,
	status: string,
	needs: Partial<{
		client_id: string;
		childcare_children: number;
		transport_help: boolean;
		cost_is_a_problem: boolean;
		note: string;
		guests: number;
	}> = {}
) =>
	person.client.rpc('rsvp', {
		client_id: randomUUID(),
		meetup,
		status,
		childcare_children: 0,
		transport_help: false,
		cost_is_a_problem: false,
		note: '',
		...needs
	});

/** An answer that must go through; gives back where the person now stands (going, waiting…). */
export async function answered(
	person: Person,
	meetup: string,
	status: string,
	needs: Parameters<typeof rsvp>[3] = {}
): Promise<string> {
	const { data, error } = await rsvp(person, meetup, status, needs);
	expect(error).toBeNull();
	return data as string;
}
