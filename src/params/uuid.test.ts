import { describe, expect, test } from 'vitest';
import { match } from './uuid';

describe('the uuid param matcher', () => {
	test('takes an id as the database makes them, in either case', () => {
		expect(match('0b7e1c4a-3f2d-4e6b-9a8c-1d2e3f4a5b6c')).toBe(true);
		expect(match('0B7E1C4A-3F2D-4E6B-9A8C-1D2E3F4A5B6C')).toBe(true);
	});

	test('refuses anything else, so such a path is a 404 before any load runs', () => {
		for (const param of [
			'not-an-id',
			'',
			'0b7e1c4a3f2d4e6b9a8c1d2e3f4a5b6c',
			'------------------------------------',
			'0b7e1c4a-3f2d-4e6b-9a8c-1d2e3f4a5b6c ',
			"0b7e1c4a-3f2d-4e6b-9a8c-1d2e3f4a5b6'"
		]) {
			expect(match(param), param).toBe(false);
		}
	});
});
