// What the impact report holds and how a figure reads, for the page and the CSV alike.
import { m } from '$lib/paraglide/messages';

export const measures = [
	'meetups',
	'attendances',
	'participants',
	'returning',
	'new_members',
	'posts',
	'answers',
	'meetups_childcare',
	'meetups_transport',
	'meetups_free'
] as const;
export type Measure = (typeof measures)[number];

export interface Cell {
	value: number | null;
	/** small: under 5 · derived: hidden so that a figure under 5 cannot be worked out. */
	suppressed: 'small' | 'derived' | null;
}
export type Figures = Record<Measure, Cell> & {
	shares: { childcare: number | null; transport: number | null; free: number | null };
};
export interface ImpactReport {
	organisation: { id: string; name: string; slug: string };
	from: string;
	to: string;
	groups: { id: string; name: string; archived: boolean; figures: Figures }[];
	total: Figures;
}

export const measureWords: Record<Measure, () => string> = {
	meetups: m.report_impact_meetups,
	attendances: m.report_impact_attendances,
	participants: m.report_impact_participants,
	returning: m.report_impact_returning,
	new_members: m.report_impact_new_members,
	posts: m.report_impact_posts,
	answers: m.report_impact_answers,
	meetups_childcare: m.report_impact_childcare,
	meetups_transport: m.report_impact_transport,
	meetups_free: m.report_impact_free
};

const shareOf: Partial<Record<Measure, keyof Figures['shares']>> = {
	meetups_childcare: 'childcare',
	meetups_transport: 'transport',
	meetups_free: 'free'
};

/** A figure as the page writes it: the number (with its share of meetups), or why it is hidden. */
export function cellWords(figures: Figures, measure: Measure): string {
	const cell = figures[measure];
	if (cell.value === null) {
		return cell.suppressed === 'derived' ? m.report_impact_derived() : m.report_impact_small();
	}
	const share = shareOf[measure] ? figures.shares[shareOf[measure]] : null;
	return share === null ? String(cell.value) : `${cell.value} (${share}%)`;
}
