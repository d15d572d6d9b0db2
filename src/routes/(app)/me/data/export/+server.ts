// Everything Kring holds about the signed-in person, as a JSON download.
import { outage } from '$lib/server/outage';
import { redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

// Endpoints are not behind the signed-in area's layout guard, so the session is checked here.
export const GET: RequestHandler = async ({ locals, url }) => {
	const { user } = await locals.safeGetSession();
	if (!user) redirect(303, `/signin?redirectTo=${encodeURIComponent(url.pathname)}`);
	const { data, error } = await locals.supabase.rpc('export_my_data');
	if (error) outage(error);
	return new Response(JSON.stringify(data, null, 2), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': 'attachment; filename="kring-mijn-gegevens.json"',
			'cache-control': 'private, no-store'
		}
	});
};
