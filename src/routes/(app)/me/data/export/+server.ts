// Everything Kring holds about the signed-in person, as a JSON download.
import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals }) => {
	const { data, error: refused } = await locals.supabase.rpc('export_my_data');
	if (refused || !data) error(403);
	return new Response(JSON.stringify(data, null, 2), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': 'attachment; filename="kring-mijn-gegevens.json"',
			'cache-control': 'no-store'
		}
	});
};
