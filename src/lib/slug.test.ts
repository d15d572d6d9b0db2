import { describe, expect, test } from 'vitest';
import { slugFrom } from './slug';

describe('slugFrom', () => {
	test.each([
		['Samen Sterk', 'samen-sterk'],
		["  Café d'Élan — Gent ", 'cafe-d-elan-gent'],
		['Ça va?', 'ca-va'],
		['!!!', '']
	])('%s gives %s', (name, slug) => {
		expect(slugFrom(name)).toBe(slug);
	});

	test('a long name is cut without a dash at the end', () => {
		expect(slugFrom('a'.repeat(59) + ' b', 60)).toBe('a'.repeat(59));
	});
});
