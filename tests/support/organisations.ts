// Arranging organisations for database tests: registered through the function the app calls.
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { Person } from './platform';

/** A new organisation with `person` as its first admin (a fresh address each time); its id. */
export async function registerOrganisation(
	person: Person,
	overrides: Record<string, unknown> = {}
): Promise<string> {
	const { data, error } = await person.client.rpc('register_organisation', {
		client_id: randomUUID(),
		name: 'Samen Vooruit',
		slug: `sv-${randomUUID().slice(0, 8)}`,
		description: '',
		address: '',
		contact: '',
		languages: ['nl'],
		colour: '#aa3300',
		initials: 'SV',
		...overrides
	});
	expect(error).toBeNull();
	return data as string;
}
