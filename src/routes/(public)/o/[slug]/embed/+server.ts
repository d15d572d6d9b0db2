// The organisation's open activities as a plain HTML list for its own website, in its colour,
// shown in an iframe there: the one page of Kring another site may frame (see
// src/lib/server/response-headers.ts). No script, no picture, one small style sheet of its own.
import { getLocale } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';
import { embedHtml } from '$lib/server/public-embed';
import { publicOrganisation } from '$lib/server/public-organisation';
import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params, url }) => {
	const organisation = await publicOrganisation(locals.supabase, params.slug);
	if (!organisation) error(404, m.page_not_found());
	const { html, styleHash } = embedHtml(organisation, { origin: url.origin, locale: getLocale() });
	return new Response(html, {
		headers: {
			'content-type': 'text/html; charset=utf-8',
			'cache-control': 'public, max-age=300',
			'content-security-policy': `default-src 'none'; style-src '${styleHash}'; base-uri 'none'; form-action 'none'; frame-ancestors *`
		}
	});
};
