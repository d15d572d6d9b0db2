// Search engines may read every public page; the addresses that are keys (an invite, a person's
// calendar feed) they leave alone. Signed-in and sign-in pages say noindex themselves.
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url }) =>
	new Response(
		[
			'User-agent: *',
			'Disallow: /join/',
			'Disallow: /calendar/',
			'Allow: /',
			'',
			`Sitemap: ${url.origin}/sitemap.xml`,
			''
		].join('\n'),
		{
			headers: {
				'content-type': 'text/plain; charset=utf-8',
				'cache-control': 'public, max-age=86400'
			}
		}
	);
