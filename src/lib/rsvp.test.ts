import { describe, expect, it } from 'vitest';
import { meetupIsFree } from './rsvp';

describe('a free meetup', () => {
	it.each([null, '', '  ', 'Gratis', 'gratuit', 'Free', '0', '0 €', '€0', '0,00 €'])(
		'%s is free: no question about the price',
		(cost) => {
			expect(meetupIsFree(cost)).toBe(true);
		}
	);

	it.each(['2 €', '€ 5', '10', 'Gratis voor kinderen, 3 € voor volwassenen'])(
		'%s costs something: the price question stays',
		(cost) => {
			expect(meetupIsFree(cost)).toBe(false);
		}
	);
});
