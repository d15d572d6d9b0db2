// The organisation's link preview (og:image): its initials on its colour.
import { m } from '$lib/paraglide/messages';
import { previewPng } from '$lib/server/preview-image';
import { organisationLook } from '$lib/server/public-organisation';
import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params }) => {
	const organisation = await organisationLook(locals.supabase, params.slug);
	if (!organisation) error(404, m.page_not_found());
	return new Response(previewPng(organisation.colour, organisation.initials), {
		headers: { 'content-type': 'image/png', 'cache-control': 'public, max-age=86400' }
	});
};
