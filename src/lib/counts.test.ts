import { describe, expect, test } from 'vitest';
import { shownCount } from './counts';

describe('shownCount', () => {
	test('says the number up to the cap, and "20+" past it', () => {
		expect(shownCount(0)).toBe('0');
		expect(shownCount(20)).toBe('20');
		expect(shownCount(21)).toBe('20+');
		expect(shownCount(40)).toBe('20+');
	});
});
