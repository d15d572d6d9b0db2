// The impact report for funders: one call that refuses anyone but the organisation's admins and
// never sends a figure under 5 (see impact_report in SQL); here only words and the CSV.
import type { Database } from '$lib/database.types';
import { m } from '$lib/paraglide/messages';
import {
	measures,
	measureWords,
	type Cell,
	type Figures,
	type ImpactReport
} from '$lib/impact-report';
import { outage } from '$lib/server/outage';
import type { SupabaseClient } from '@supabase/supabase-js';

type Client = SupabaseClient<Database>;

/** The report, or null when the person is not an admin of that organisation (or it does not exist). */
export async function impactReport(
	supabase: Client,
	slug: string,
	from: string,
	to: string
): Promise<ImpactReport | null> {
	const { data, error } = await supabase.rpc('page_impact_report', {
		organisation_slug: slug,
		from_date: from,
		to_date: to
	});
	if (error?.message === 'not_allowed') return null;
	if (error) outage(error);
	return data as unknown as ImpactReport;
}

// A name starting like a formula gets a ' first: quotes alone do not stop a spreadsheet running it.
const csvField = (raw: string) => {
	const value = /^[=+\-@\t\r]/.test(raw) ? `'${raw}` : raw;
	return /[",\n\r;]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
};

/** A figure for a spreadsheet: the number alone, or why it is hidden. */
function csvCell(cell: Cell): string {
	if (cell.value !== null) return String(cell.value);
	return cell.suppressed === 'derived' ? m.report_impact_derived() : m.report_impact_small();
}

const shares = ['childcare', 'transport', 'free'] as const;
const shareWords = {
	childcare: m.report_impact_childcare_share,
	transport: m.report_impact_transport_share,
	free: m.report_impact_free_share
};

/** One row per group and one for the total; hidden figures in words, as on the page. */
export function reportCsv(report: ImpactReport): string {
	const header = [
		m.report_impact_group(),
		...measures.map((measure) => measureWords[measure]()),
		...shares.map((share) => shareWords[share]())
	];
	const row = (name: string, figures: Figures) => [
		name,
		...measures.map((measure) => csvCell(figures[measure])),
		...shares.map((share) => (figures.shares[share] === null ? '' : String(figures.shares[share])))
	];
	const rows = [
		...report.groups.map((group) =>
			row(
				group.archived ? `${group.name} ${m.report_impact_archived()}` : group.name,
				group.figures
			)
		),
		row(m.report_impact_total(), report.total)
	];
	return [header, ...rows].map((line) => line.map(csvField).join(',')).join('\r\n') + '\r\n';
}
