// The nickname field refuses what the database refuses, so the form says it beside the field.
import { describe, expect, it } from 'vitest';
import { nickname } from './auth';

describe('a nickname', () => {
	it.each([
		['a zero-width space', 'El\u200bs'],
		['a right-to-left override', '\u202eslE'],
		['a left-to-right isolate', 'El\u2066s'],
		['a soft hyphen', 'El\u00ads'],
		['a byte order mark inside', 'E\ufeffls'],
		['a word joiner', 'E\u2060ls'],
		['a tag character', 'Els\u{e0041}'],
		['a tab', 'El\ts']
	])('with %s is refused', (_, name) => {
		expect(nickname.safeParse(name).success).toBe(false);
	});

	it.each(['Els', 'Zoë', 'Фатима', 'محمد', 'Maria ❤️', '  Jan  '])('%s is a name', (name) => {
		expect(nickname.safeParse(name).success).toBe(true);
	});
});
