// What search engines may list: the landing page and every organisation's public page.
import { sitemapSlugs } from '$lib/server/public-organisation';
import type { RequestHandler } from './$types';

const escapeXml = (text: string) =>
	text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

export const GET: RequestHandler = async ({ locals, url }) => {
	const pages = [
		`${url.origin}/`,
		...(await sitemapSlugs(locals.supabase)).map((slug) => `${url.origin}/o/${slug}`)
	];
	const body =
		'<?xml version="1.0" encoding="UTF-8"?>\n' +
		'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
		pages.map((page) => `<url><loc>${escapeXml(page)}</loc></url>\n`).join('') +
		'</urlset>\n';
	return new Response(body, {
		headers: {
			'content-type': 'application/xml; charset=utf-8',
			'cache-control': 'public, max-age=3600'
		}
	});
};
