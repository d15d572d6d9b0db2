import { describe, expect, test } from 'vitest';
import { measures, type Figures, type ImpactReport } from '$lib/impact-report';
import { reportCsv } from './impact-report';

const figures = (): Figures =>
	({
		...Object.fromEntries(measures.map((measure) => [measure, { value: 7, suppressed: null }])),
		shares: { childcare: null, transport: null, free: null }
	}) as Figures;

const withGroups = (...names: string[]): ImpactReport => ({
	organisation: { id: 'o', name: '=Org', slug: 'org' },
	from: '2026-10-01',
	to: '2026-12-31',
	groups: names.map((name, i) => ({ id: String(i), name, archived: false, figures: figures() })),
	total: figures()
});

describe('the impact report CSV', () => {
	test('a name a spreadsheet would run as a formula stays text', () => {
		const names = ['=1+1', '@SUM(A1)', '-2+3', '+1', '\t=1', '\r=1', '=HYPERLINK("x";"y")'];
		const lines = reportCsv(withGroups(...names)).split('\r\n');
		expect(lines.slice(1, 5).map((line) => line.split(',')[0])).toEqual([
			"'=1+1",
			"'@SUM(A1)",
			"'-2+3",
			"'+1"
		]);
		for (const line of lines.slice(1, names.length + 1)) expect(line).toMatch(/^"?'/);
		expect(lines[7].startsWith(`"'=HYPERLINK(""x"";""y"")"`)).toBe(true);
	});

	test('an ordinary name and the figures are left as they are', () => {
		const [, line] = reportCsv(withGroups('Praatgroep Noord')).split('\r\n');
		expect(line.startsWith('Praatgroep Noord,7,7,')).toBe(true);
	});
});
