import type { RequestEvent } from '@sveltejs/kit';
import { describe, expect, test } from 'vitest';
import { offlineHeaders, personKey } from './offline-headers';

function event(route: string | null, method = 'GET', isDataRequest = false): RequestEvent {
	return { route: { id: route }, request: { method }, isDataRequest } as unknown as RequestEvent;
}
const page = (status = 200) =>
	new Response('<!doctype html>', { status, headers: { 'content-type': 'text/html' } });
const person = '6f1c2a8e-1111-4222-8333-944455556666';

describe('what the service worker is told', () => {
	test('a signed-in page may be kept for its own person, under a key that is not their id', () => {
		const headers = offlineHeaders(event('/(app)/g/[group=uuid]'), page(), person, 'nl');
		expect(headers['x-kring-offline']).toBe('person');
		expect(headers['x-kring-person']).toBe(personKey(person));
		expect(headers['x-kring-person']).not.toContain(person.slice(0, 8));
		expect(headers['content-language']).toBe('nl');
	});

	test('when Auth could not say who is signed in, a page names no one and is not kept', () => {
		for (const user of [person, null]) {
			const headers = offlineHeaders(event('/(app)/home'), page(), user, 'nl', true);
			expect(headers).toEqual({ 'content-language': 'nl' });
		}
		expect(offlineHeaders(event('/'), page(), null, 'nl', true)).toEqual({
			'content-language': 'nl'
		});
	});

	test('only what a member reads offline is kept: never invite links, moderation, admin pages', () => {
		const kept = [
			'/(app)/home',
			'/(app)/g/[group=uuid]',
			'/(app)/g/[group=uuid]/p/[post=uuid]',
			'/(app)/g/[group=uuid]/meetups',
			'/(app)/m/[meetup=uuid]',
			'/(app)/notifications',
			'/(app)/me'
		];
		for (const route of kept) {
			expect(offlineHeaders(event(route), page(), person, 'nl')['x-kring-offline'], route).toBe(
				'person'
			);
		}
		const never = [
			'/(app)/g/[group=uuid]/manage',
			'/(app)/g/[group=uuid]/members',
			'/(app)/g/[group=uuid]/moderation',
			'/(app)/g/[group=uuid]/moderation/item',
			'/(app)/g/[group=uuid]/moderation/log',
			'/(app)/g/[group=uuid]/moderation/thread/[thread=uuid]',
			'/(app)/g/[group=uuid]/inclusion',
			'/(app)/g/[group=uuid]/report',
			'/(app)/m/[meetup=uuid]/host',
			'/(app)/m/[meetup=uuid]/edit',
			'/(app)/o/[slug]/admin',
			'/(app)/o/[slug]/admin/report',
			'/(app)/o/[slug]/admin-invite/[code]',
			'/(app)/me/data',
			'/(app)/me/moderation'
		];
		for (const route of never) {
			expect(offlineHeaders(event(route), page(), person, 'nl'), route).not.toHaveProperty(
				'x-kring-offline'
			);
		}
	});

	test('signing in, joining and asking to join are never kept', () => {
		for (const route of ['/(auth)/signin', '/(auth)/join/[code]', '/(auth)/ask/[group=uuid]']) {
			expect(offlineHeaders(event(route), page(), null, 'nl')['x-kring-offline'], route).toBe(
				undefined
			);
		}
	});

	test('no answer to a POST, an error, or a data request is kept', () => {
		const route = '/(app)/home';
		expect(offlineHeaders(event(route, 'POST'), page(), person, 'nl')).not.toHaveProperty(
			'x-kring-offline'
		);
		expect(offlineHeaders(event(route), page(503), person, 'nl')).not.toHaveProperty(
			'x-kring-offline'
		);
		expect(offlineHeaders(event(route, 'GET', true), page(), person, 'nl')).not.toHaveProperty(
			'x-kring-offline'
		);
	});

	test('signed out, the server says so, and the landing may be kept for everyone', () => {
		const headers = offlineHeaders(event('/(public)'), page(), null, 'fr');
		expect(headers['x-kring-person']).toBe('none');
		expect(headers['x-kring-offline']).toBe('public');
	});
});
