// A meetup in a list says counts of people only when it has them: outside the group a count
// under 5 comes as null (meetup_cards), and is then left out, not shown as 0 or "null".
import { render } from 'svelte/server';
import { describe, expect, test } from 'vitest';
import MeetupCard from './MeetupCard.svelte';

const meetup = {
	id: '6f1e4a8c-2b7d-4c3e-9a5f-0d8b7c6e5f4a',
	title: 'Praatcafé',
	starts_at: '2026-12-01T13:00:00Z',
	ends_at: '2026-12-01T15:00:00Z',
	status: 'scheduled' as const,
	group_name: null,
	my_status: null,
	my_waiting_place: null
};

/** The card's text, as read, with its counts as given. */
function shown(counts: { going: number | null; maybe: number | null; waiting: number | null }) {
	const { body } = render(MeetupCard, {
		props: { meetup: { ...meetup, ...counts }, when: 'morgen', showCounts: true }
	});
	return body
		.replace(/<!--.*?-->/g, '')
		.replace(/<[^>]+>/g, ' ')
		.replace(/\s+/g, ' ');
}

describe('MeetupCard', () => {
	test('shows the counts it is given', () => {
		const text = shown({ going: 7, maybe: 5, waiting: 0 });
		expect(text).toMatch(/7/);
		expect(text).toMatch(/5/);
	});

	test('shows nothing, not 0, for a count it is not given', () => {
		expect(shown({ going: null, maybe: null, waiting: null })).toBe(
			' Praatcafé morgen Nog niet geantwoord '
		);
	});
});
