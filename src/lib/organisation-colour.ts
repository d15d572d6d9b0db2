// An organisation's colour stands behind its initials; the letters on it must stay readable
// (WCAG contrast), whatever colour the organisation chose.

/** Relative luminance of a '#rrggbb' colour (WCAG 2.1). */
function luminance(colour: string): number {
	const [r, g, b] = [1, 3, 5].map((at) => {
		const channel = parseInt(colour.slice(at, at + 2), 16) / 255;
		return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
	});
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
	const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
	return (light + 0.05) / (dark + 0.05);
}

/** Black or white, whichever reads better on the colour. */
export function textOn(colour: string): '#000000' | '#ffffff' {
	return contrastRatio(colour, '#000000') >= contrastRatio(colour, '#ffffff')
		? '#000000'
		: '#ffffff';
}
