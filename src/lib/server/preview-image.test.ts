// The link preview read back as a PNG decoder would: size, the two colours, and ink where the
// letters are.
import { inflateSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { previewPng, previewSize } from './preview-image';

function chunks(png: Uint8Array): Map<string, Uint8Array> {
	const view = new DataView(png.buffer, png.byteOffset);
	const found = new Map<string, Uint8Array>();
	for (let at = 8; at < png.length;) {
		const length = view.getUint32(at);
		const type = new TextDecoder().decode(png.subarray(at + 4, at + 8));
		found.set(type, png.subarray(at + 8, at + 8 + length));
		at += 12 + length;
	}
	return found;
}

/** How many pixels are ink (palette entry 1). */
function inkCount(png: Uint8Array): number {
	const pixels = inflateSync(chunks(png).get('IDAT')!);
	let ink = 0;
	for (let y = 0; y < previewSize.height; y++) {
		const row = pixels.subarray(y * 151, (y + 1) * 151);
		expect(row[0]).toBe(0);
		for (const byte of row.subarray(1)) for (let bit = 0; bit < 8; bit++) ink += (byte >> bit) & 1;
	}
	return ink;
}

describe('the link preview', () => {
	test('is a 1200 × 630 PNG in the colour, with readable letters on it', () => {
		const png = previewPng('#7a2e8c', 'SS');
		expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
		const parts = chunks(png);
		const header = new DataView(parts.get('IHDR')!.buffer, parts.get('IHDR')!.byteOffset);
		expect([header.getUint32(0), header.getUint32(4)]).toEqual([1200, 630]);
		expect([...parts.get('PLTE')!]).toEqual([0x7a, 0x2e, 0x8c, 0xff, 0xff, 0xff]);
		expect(inkCount(png)).toBeGreaterThan(20_000);
		expect(png.length).toBeLessThan(5_000);
	});

	test('draws an accented letter as its plain one, and leaves out what it cannot draw', () => {
		expect(inkCount(previewPng('#ffe066', 'É'))).toBe(inkCount(previewPng('#ffe066', 'E')));
		expect(inkCount(previewPng('#ffe066', '?'))).toBe(0);
		expect([...chunks(previewPng('#ffe066', 'E')).get('PLTE')!].slice(3)).toEqual([0, 0, 0]);
	});
});
