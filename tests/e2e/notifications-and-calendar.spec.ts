// A member sees what happened to their meetups (a waiting-list place, a change, tomorrow's
// meetup) with the count in the navigation, and puts their meetups in their phone's calendar
// with a link they can stop. The calendar files are read back with node-ical, as a phone would.
import { randomUUID } from 'node:crypto';
import ical, { type VEvent } from 'node-ical';
import { devices } from '@playwright/test';
import { shownCount } from '../../src/lib/counts';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { createMeetup, gent, rsvp, signIn } from './people';
import { signedInClient } from './platform-file';

// From supabase/seed.sql: Els moderates Praatgroep Gent and the Brussels group; Karim is a
// member of Praatgroep Gent only.
const brussels = 'cac359ab-41d2-5d55-9e4e-6ff781f9bc4a';

const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

function events(body: string): VEvent[] {
	return Object.values(ical.sync.parseICS(body)).filter(
		(item): item is VEvent => item?.type === 'VEVENT'
	);
}

const brusselsTime = (when: Date | undefined) =>
	new Intl.DateTimeFormat('nl-BE', {
		hour: '2-digit',
		minute: '2-digit',
		timeZone: 'Europe/Brussels'
	}).format(when ?? new Date(Number.NaN));

test('a member reads what happened to their meetups and subscribes their calendar', async ({
	page
}) => {
	const els = await signedInClient('moderator@kring.test');
	const karim = await signedInClient('lid@kring.test');
	const tag = randomUUID().slice(0, 6);

	// A place frees up for Karim on the waiting list.
	const full = await createMeetup(els, {
		target_group: gent,
		title: `Soep en babbel ${tag}`,
		starts_at: inHours(72),
		capacity: 1
	});
	await rsvp(els, full, 'going');
	await rsvp(karim, full, 'going');
	await rsvp(els, full, 'not_going');
	// A meetup Karim goes to starts in three hours: today's (or tomorrow's) reminder.
	const soonStarts = inHours(3);
	const soon = await createMeetup(els, {
		target_group: gent,
		title: `Praatgroep ${tag}`,
		starts_at: soonStarts
	});
	await rsvp(karim, soon, 'going');
	// A meetup in a group Karim is not in.
	const elsewhere = await createMeetup(els, {
		target_group: brussels,
		title: `Ailleurs ${tag}`,
		starts_at: inHours(48)
	});
	// The count every page shows: the reminder counts before anything wrote it.
	const { data: shell, error } = await karim.rpc('app_shell', {});
	expect(error).toBeNull();
	const unread = shell.unread as number;
	expect(unread).toBeGreaterThanOrEqual(2);

	await signIn(page, 'lid@kring.test');
	const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
	await nav.getByRole('link', { name: `Meldingen, ${shownCount(unread)} nieuw` }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Meldingen' })).toBeVisible();
	const promoted = page.getByRole('link', {
		name: new RegExp(
			`^Nieuw:\\s*Je bent van de wachtlijst: je hebt een plaats voor Soep en babbel ${tag} op`
		)
	});
	await expect(promoted).toBeVisible();
	await expect(
		page.getByRole('link', {
			name: new RegExp(`^Nieuw:\\s*(Vandaag|Morgen): Praatgroep ${tag} op`)
		})
	).toBeVisible();
	await expectNoAxeViolations(page);
	// Opening the list read them (the page says so once shown, no button to press): the count
	// is gone, and next time they are no longer new.
	await expect(nav.getByRole('link', { name: 'Meldingen', exact: true })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Markeer als gelezen' })).toHaveCount(0);
	await page.reload();
	await expect(
		page.getByRole('link', {
			name: new RegExp(`^Je bent van de wachtlijst: je hebt een plaats voor Soep en babbel ${tag}`)
		})
	).toBeVisible();
	await expect(page.getByText('Nieuw', { exact: true })).toHaveCount(0);
	expect(
		await page
			.getByRole('link', { name: /Soep en babbel/ })
			.first()
			.getAttribute('href')
	).toBe(`/m/${full}`);

	// "Add to my calendar" for one meetup: only for a meetup Karim may see.
	const one = await page.request.get(`/m/${soon}/calendar.ics`);
	expect(one.status()).toBe(200);
	expect(one.headers()['content-type']).toBe('text/calendar; charset=utf-8');
	const [event] = events(await one.text());
	expect(event.summary).toBe(`Praatgroep ${tag}`);
	expect(event.uid).toBe(`${soon}@kring`);
	expect((await page.request.get(`/m/${elsewhere}/calendar.ics`)).status()).toBe(404);

	// The calendar link, from "Ik".
	await nav.getByRole('link', { name: 'Ik' }).click();
	await page.getByRole('link', { name: 'Bijeenkomsten in de agenda van je telefoon' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Mijn agenda-link' })).toBeVisible();
	await expect(page.getByText('Iedereen die deze link heeft')).toBeVisible();
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Maak een link' }).click();
	await expect(page.getByText('Je link is klaar.')).toBeVisible();
	const link = await page.getByRole('textbox', { name: 'Je agenda-link' }).inputValue();
	expect(link).toMatch(/\/calendar\/[A-Za-z0-9_-]{43}\.ics\?lang=nl$/);
	await expect(page.getByRole('link', { name: 'Open in mijn agenda-app' })).toHaveAttribute(
		'href',
		link.replace(/^https?:/, 'webcal:')
	);
	await expectNoAxeViolations(page);

	// What a phone calendar subscribed to the link gets, without any session.
	const feed = await fetch(link);
	expect(feed.status).toBe(200);
	const mine = events(await feed.text());
	const titles = mine.map((item) => item.summary);
	expect(titles).toContain(`Praatgroep ${tag}`);
	expect(titles).toContain(`Soep en babbel ${tag}`);
	expect(titles).not.toContain(`Ailleurs ${tag}`);
	const soonEvent = mine.find((item) => item.summary === `Praatgroep ${tag}`);
	expect(brusselsTime(soonEvent?.start)).toBe(brusselsTime(new Date(soonStarts)));

	// A cancelled meetup stays in the feed, marked cancelled.
	expect((await els.rpc('cancel_meetup', { meetup: soon })).error).toBeNull();
	const cancelled = events(await (await fetch(link)).text()).find(
		(item) => item.uid === `${soon}@kring`
	);
	expect(cancelled?.status).toBe('CANCELLED');
	expect(cancelled?.summary).toBe(`Afgelast: Praatgroep ${tag}`);

	// Stopping the link: the address no longer answers, and says nothing about why.
	await page.reload();
	await page.getByRole('button', { name: 'Stop deze link' }).click();
	await expect(page.getByText('Je link werkt niet meer.')).toBeVisible();
	const stopped = await fetch(link);
	expect(stopped.status).toBe(404);
	expect(await stopped.text()).not.toContain('calendar_feed');
	await expectNoAxeViolations(page);
});

test('without JavaScript, the button marks what the list showed as read', async ({ browser }) => {
	const els = await signedInClient('moderator@kring.test');
	const karim = await signedInClient('lid@kring.test');
	const title = `Buurtfeest ${randomUUID().slice(0, 6)}`;
	const meetup = await createMeetup(els, { target_group: gent, title, starts_at: inHours(96) });
	await rsvp(karim, meetup, 'going');
	// Els calls it off: Karim is told.
	const { error } = await els.rpc('cancel_meetup', { meetup });
	expect(error).toBeNull();

	const context = await browser.newContext({
		...devices['Pixel 7'],
		locale: 'nl-BE',
		javaScriptEnabled: false
	});
	const page = await context.newPage();
	await signIn(page, 'lid@kring.test');
	await page.goto('/notifications');
	const cancelled = page.getByRole('link', { name: new RegExp(`Afgelast: ${title} op`) });
	await expect(cancelled).toHaveAccessibleName(/^Nieuw:/);
	// (No axe check here: it runs as a script in the page, which this phone does not allow.)
	// Looking wrote nothing: it is still new after a reload.
	await page.reload();
	await expect(cancelled).toHaveAccessibleName(/^Nieuw:/);

	await page.getByRole('button', { name: 'Markeer als gelezen' }).click();
	await expect(page).toHaveURL(/\/notifications$/);
	await expect(cancelled).toHaveAccessibleName(/^Afgelast:/);
	await expect(
		page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', {
			name: 'Meldingen',
			exact: true
		})
	).toBeVisible();
	await expect(page.getByRole('button', { name: 'Markeer als gelezen' })).toHaveCount(0);
	await context.close();
});

test("a French-speaking member's calendar feed is in French, though the calendar app sends no cookie", async ({
	page
}) => {
	const els = await signedInClient('moderator@kring.test');
	const marie = await signedInClient('marie@kring.test');
	const title = `Pique-nique ${randomUUID().slice(0, 6)}`;
	const meetup = await createMeetup(els, { target_group: brussels, title, starts_at: inHours(48) });
	await rsvp(marie, meetup, 'maybe');

	// Marie's profile says French.
	await signIn(page, 'marie@kring.test');
	await page.goto('/me/calendar');
	await page.getByRole('button', { name: 'Créer un lien' }).click();
	const link = await page.getByRole('textbox', { name: "Ton lien d'agenda" }).inputValue();
	const feed = await (await fetch(link)).text();
	expect(feed).toContain('X-WR-CALNAME:Kring : mes rencontres');
	expect(events(feed).map((item) => item.summary)).toContain(`Peut-être : ${title}`);
	await page.getByRole('button', { name: 'Arrêter ce lien' }).click();
	await expect(page.getByText('Ton lien ne marche plus.')).toBeVisible();
});
