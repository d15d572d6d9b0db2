import { m } from '$lib/paraglide/messages';
import { impactReport } from '$lib/server/impact-report';
import { lastReportDay, periodFrom, periodSearch, recentQuarters } from '$lib/schemas/report';
import { brusselsToday } from '$lib/zoned';
import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

// Stands alone (no admin layout needed): its one call refuses anyone but the organisation's admins.
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const today = brusselsToday();
	const period = periodFrom(url.searchParams, today);
	const report = await impactReport(locals.supabase, params.slug, period.from, period.to);
	if (!report) error(403, { message: m.report_impact_not_allowed(), requestId: locals.requestId });
	// The picker offers what has begun before this month; a period still running is cut.
	const lastDay = lastReportDay(today);
	const lastYear = Number(lastDay.slice(0, 4));
	return {
		report,
		period,
		lastDay,
		search: periodSearch(period),
		quarters: recentQuarters(lastDay),
		years: Array.from({ length: 5 }, (_, i) => String(lastYear - i))
	};
};
