// The organisation's public calendar read back with an independent parser (node-ical), as a
// phone calendar would, and its embeddable list as another website shows it.
import { createHash } from 'node:crypto';
import ical, { type VEvent } from 'node-ical';
import { describe, expect, test } from 'vitest';
import { embedHtml } from './public-embed';
import {
	activitiesCalendar,
	type PublicActivity,
	type PublicOrganisation
} from './public-organisation';

const origin = 'https://kring.example';

function activity(overrides: Partial<PublicActivity> = {}): PublicActivity {
	return {
		id: '6f1c2b1e-0d7a-4c55-9d8e-2a4b5c6d7e8f',
		title: 'Soep & babbel',
		description: 'We koken samen.',
		starts_at: '2027-03-23T13:00:00Z',
		ends_at: '2027-03-23T15:00:00Z',
		updated_at: '2026-11-25T10:00:00Z',
		place: 'Buurthuis De Sleutel, Gent',
		online_url: null,
		cost: null,
		childcare: true,
		transport_help: false,
		wheelchair_access: true,
		languages: ['nl'],
		capacity: null,
		full: false,
		coming: null,
		places_left: null,
		...overrides
	};
}

function organisation(activities: PublicActivity[]): PublicOrganisation {
	return {
		name: 'Samen Sterk vzw',
		slug: 'samen-sterk',
		description: '',
		address: '',
		contact: '',
		languages: ['nl'],
		colour: '#ffe066',
		initials: 'SS',
		groups: [],
		activities
	};
}

const events = (file: string) =>
	Object.values(ical.sync.parseICS(file)).filter((item): item is VEvent => item?.type === 'VEVENT');

describe("an organisation's public calendar", () => {
	test('holds each open activity with its time, place and a link to the public page', () => {
		const second = activity({
			id: '00000000-0000-4000-8000-000000000002',
			title: 'Wandeling',
			place: null,
			online_url: 'https://meet.example/kring',
			starts_at: '2027-03-30T12:00:00Z',
			ends_at: '2027-03-30T14:00:00Z'
		});
		const file = activitiesCalendar(organisation([activity(), second]), [activity(), second], {
			origin,
			locale: 'nl'
		});
		const [first, other] = events(file);
		expect(first.summary).toBe('Soep & babbel');
		expect(first.start.toISOString()).toBe('2027-03-23T13:00:00.000Z');
		expect(first.end?.toISOString()).toBe('2027-03-23T15:00:00.000Z');
		expect(first.location).toBe('Buurthuis De Sleutel, Gent');
		expect(first.uid).toBe('6f1c2b1e-0d7a-4c55-9d8e-2a4b5c6d7e8f@kring');
		// node-ical gives a URL property as { params, val }.
		const url = first.url as unknown as { val: string };
		expect(url.val).toBe(`${origin}/o/samen-sterk#activity-${activity().id}`);
		expect(first.description).toContain(`${origin}/o/samen-sterk#activity-`);
		expect(first.description).not.toContain('/m/');
		expect(first.status).toBe('CONFIRMED');
		expect(other.location).toBe('https://meet.example/kring');
		expect(file).toContain('X-WR-CALNAME:Samen Sterk vzw');
	});
});

describe("an organisation's embeddable list", () => {
	test('is plain HTML in its colour whose one style sheet matches the hash it is allowed by', () => {
		const { html, styleHash } = embedHtml(
			organisation([activity({ title: '<b>Soep</b>', full: true })]),
			{ origin, locale: 'nl' }
		);
		expect(html).not.toContain('<script');
		expect(html).toContain('&lt;b&gt;Soep&lt;/b&gt;');
		expect(html).toContain('Volzet');
		expect(html).toContain('Kinderopvang');
		expect(html).toContain(`href="${origin}/o/samen-sterk#activity-`);
		const css = /<style>(.*?)<\/style>/.exec(html)![1];
		expect(css).toContain('background:#ffe066;color:#000000');
		expect(styleHash).toBe(`sha256-${createHash('sha256').update(css).digest('base64')}`);
	});

	test('breaks a long unbroken title, place or name instead of running out of the frame', () => {
		const { html, styleHash } = embedHtml(
			organisation([activity({ title: 'Soep'.repeat(40), place: 'Kerkstraat'.repeat(12) })]),
			{ origin, locale: 'nl' }
		);
		const css = /<style>(.*?)<\/style>/.exec(html)![1];
		expect(css).toMatch(/(^|\})body\{[^}]*overflow-wrap:anywhere/);
		expect(styleHash).toBe(`sha256-${createHash('sha256').update(css).digest('base64')}`);
	});

	test('says so when there is nothing open', () => {
		const { html } = embedHtml(organisation([]), { origin, locale: 'fr' });
		expect(html).toContain('<html lang="fr">');
		expect(html).toContain('Il n&#39;y a pas d&#39;activité ouverte pour le moment.');
	});
});
