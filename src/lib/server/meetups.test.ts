import { describe, expect, test } from 'vitest';
import { nextOfEach } from './meetups';

const card = (id: string, title: string, my_status: 'going' | null = null, group_id = 'g') => ({
	id,
	group_id,
	title,
	my_status
});

describe('nextOfEach', () => {
	test('a weekly meetup shows its next time and the times I answered, once each', () => {
		const cards = [
			card('1', 'Praatcafé'),
			card('2', 'Picknick'),
			card('3', 'Praatcafé'),
			card('4', 'Praatcafé', 'going'),
			card('5', 'Praatcafé', null, 'other group')
		];
		expect(nextOfEach(cards).map((c) => c.id)).toEqual(['1', '2', '4', '5']);
	});
});
