import { describe, expect, test } from 'vitest';
import { contrastRatio, textOn } from './organisation-colour';

describe("letters on an organisation's colour", () => {
	test('are white on a dark colour and black on a light one', () => {
		expect(textOn('#1f5f4a')).toBe('#ffffff');
		expect(textOn('#ffe066')).toBe('#000000');
	});

	test('always reach at least 4.5:1 against the colour', () => {
		for (let grey = 0; grey <= 255; grey += 5) {
			for (const tint of ['00', '80', 'ff']) {
				const colour = `#${grey.toString(16).padStart(2, '0')}${tint}${grey.toString(16).padStart(2, '0')}`;
				expect(contrastRatio(colour, textOn(colour)), colour).toBeGreaterThanOrEqual(4.5);
			}
		}
	});
});
