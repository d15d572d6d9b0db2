import { m } from '$lib/paraglide/messages';
import { impactReport, reportCsv } from '$lib/server/impact-report';
import { periodFrom } from '$lib/schemas/report';
import { brusselsToday } from '$lib/zoned';
import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

// The same report as the page, for a spreadsheet; the same call refuses anyone but the admins.
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const { user } = await locals.safeGetSession();
	if (!user) error(401, { message: m.error_not_signed_in() });
	const period = periodFrom(url.searchParams, brusselsToday());
	if (!period.valid) error(400, { message: m.report_impact_period_invalid() });
	const report = await impactReport(locals.supabase, params.slug, period.from, period.to);
	if (!report) error(403, { message: m.report_impact_not_allowed(), requestId: locals.requestId });
	return new Response(reportCsv(report), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="impact-${report.organisation.slug}-${period.from}-${period.to}.csv"`,
			'cache-control': 'private, no-store'
		}
	});
};
