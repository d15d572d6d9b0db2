import type { RequestEvent } from '@sveltejs/kit';
import { describe, expect, test } from 'vitest';
import { responseHeaders } from './response-headers';

function event(url: string, route: string | null, cookies: string[] = []): RequestEvent {
	return {
		url: new URL(url),
		route: { id: route },
		cookies: { getAll: () => cookies.map((name) => ({ name, value: 'x' })) }
	} as unknown as RequestEvent;
}

const page = () => new Response('<!doctype html>', { headers: { 'content-type': 'text/html' } });

describe('response headers', () => {
	test('HSTS only over https', () => {
		expect(responseHeaders(event('https://kring.example/', '/(public)'), page())).toHaveProperty(
			'strict-transport-security',
			'max-age=63072000; includeSubDomains'
		);
		expect(
			responseHeaders(event('http://127.0.0.1/', '/(public)'), page())['strict-transport-security']
		).toBeUndefined();
	});

	test('an address that is a key is sent on to no one and kept by no one', () => {
		for (const route of [
			'/(auth)/join/[code]',
			'/(app)/o/[slug]/admin-invite/[code]',
			'/calendar/[token].ics'
		]) {
			const headers = responseHeaders(event('https://kring.example/x', route), page());
			expect(headers['referrer-policy'], route).toMatch(/^(no-referrer|same-origin)$/);
			expect(headers['cache-control'], route).toBe('private, no-store');
		}
		// The invite page's own form must still count as this site's (see referrerPolicy()).
		expect(
			responseHeaders(event('https://kring.example/join/x', '/(auth)/join/[code]'), page())[
				'referrer-policy'
			]
		).toBe('same-origin');
		// So is the admin invite's: its form posts back to the same address.
		expect(
			responseHeaders(
				event('https://kring.example/o/x/admin-invite/y', '/(app)/o/[slug]/admin-invite/[code]'),
				page()
			)['referrer-policy']
		).toBe('same-origin');
	});

	test('the signed-in area, and anything asked with a session, is private', () => {
		const app = responseHeaders(event('https://kring.example/home', '/(app)/home'), page());
		expect(app['cache-control']).toBe('private, no-store');
		const withSession = responseHeaders(
			event('https://kring.example/', '/(public)', ['sb-127-auth-token.0']),
			page()
		);
		expect(withSession['cache-control']).toBe('private, no-store');
	});

	test('a public page may be cached, per language', () => {
		const headers = responseHeaders(
			event('https://kring.example/signin', '/(auth)/signin'),
			page()
		);
		expect(headers['cache-control']).toBeUndefined();
		expect(headers['vary']).toBe('Cookie, Accept-Language');
		expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
	});

	test('what is not a page gets a policy under which nothing runs', () => {
		const json = new Response('{}', { headers: { 'content-type': 'application/json' } });
		expect(
			responseHeaders(event('https://kring.example/me/data/export', '/(app)/me/data/export'), json)[
				'content-security-policy'
			]
		).toContain("default-src 'none'");
		expect(
			responseHeaders(event('https://kring.example/', '/(public)'), page())[
				'content-security-policy'
			]
		).toBeUndefined();
	});
});

describe('framing and search engines', () => {
	const embed = '/(public)/o/[slug]/embed';

	test("only an organisation's embeddable list may be shown in another site's frame", () => {
		expect(
			responseHeaders(event('https://kring.example/o/samen-sterk/embed', embed), page())[
				'x-frame-options'
			]
		).toBeUndefined();
		for (const route of ['/(public)', '/(public)/o/[slug]', '/(auth)/signin', '/(app)/home']) {
			expect(
				responseHeaders(event('https://kring.example/x', route), page())['x-frame-options'],
				route
			).toBe('DENY');
		}
	});

	test('signed-in pages, sign-in pages and addresses that are keys are not indexed', () => {
		for (const route of [
			'/(app)/home',
			'/(app)/g/[group=uuid]',
			'/(auth)/signin',
			'/(auth)/ask/[group=uuid]',
			'/(auth)/join/[code]',
			'/calendar/[token].ics',
			embed
		]) {
			expect(
				responseHeaders(event('https://kring.example/x', route), page())['x-robots-tag'],
				route
			).toBe('noindex');
		}
		for (const route of ['/(public)', '/(public)/o/[slug]', '/sitemap.xml']) {
			expect(
				responseHeaders(event('https://kring.example/x', route), page())['x-robots-tag'],
				route
			).toBeUndefined();
		}
	});
});
