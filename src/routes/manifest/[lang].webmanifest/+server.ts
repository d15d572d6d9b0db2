// The web app manifest, one per language: the page links the one of the language it is in
// (src/routes/+layout.svelte). One `id` for all three, so it is one app whatever the language.
import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { isLocale } from '$lib/paraglide/runtime';
import type { RequestHandler } from './$types';

const brand = '#1f5f4a';
const background = '#f5f3ee';

export const GET: RequestHandler = ({ params }) => {
	const locale = params.lang;
	if (!isLocale(locale)) error(404);
	const options = { locale };
	const manifest = {
		id: '/',
		name: m.pwa_name({}, options),
		short_name: m.app_name({}, options),
		description: m.pwa_description({}, options),
		lang: locale,
		dir: 'ltr',
		start_url: '/home',
		scope: '/',
		display: 'standalone',
		orientation: 'portrait',
		theme_color: brand,
		background_color: background,
		icons: [
			{ src: '/pwa-64x64.png', sizes: '64x64', type: 'image/png' },
			{ src: '/pwa-192x192.png', sizes: '192x192', type: 'image/png' },
			{ src: '/pwa-512x512.png', sizes: '512x512', type: 'image/png' },
			{
				src: '/maskable-icon-512x512.png',
				sizes: '512x512',
				type: 'image/png',
				purpose: 'maskable'
			}
		],
		shortcuts: [
			{
				name: m.pwa_shortcut_groups({}, options),
				url: '/home#groups-title',
				icons: [{ src: '/pwa-192x192.png', sizes: '192x192', type: 'image/png' }]
			},
			{
				name: m.pwa_shortcut_notifications({}, options),
				url: '/notifications',
				icons: [{ src: '/pwa-192x192.png', sizes: '192x192', type: 'image/png' }]
			}
		]
	};
	return new Response(JSON.stringify(manifest), {
		headers: {
			'content-type': 'application/manifest+json',
			'cache-control': 'public, max-age=3600'
		}
	});
};
