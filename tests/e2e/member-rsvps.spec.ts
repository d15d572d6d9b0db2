import { randomUUID } from 'node:crypto';
import { expect, expectNoAxeViolations, expectNoHorizontalScroll, test } from './fixtures';
import { createMeetup, gent, joinGhent, rsvp, signIn } from './people';
import { signedInClient } from './platform-file';

/** A meetup in the Ghent group with childcare, transport help and two languages, by Els. */
async function meetupInGent(
	title: string,
	options: { inMinutes?: number; capacity?: number; cancelled?: boolean; cost?: string } = {}
): Promise<string> {
	const els = await signedInClient('moderator@kring.test');
	const starts = Date.now() + (options.inMinutes ?? 3 * 24 * 60) * 60_000;
	const meetup = await createMeetup(els, {
		target_group: gent,
		title,
		starts_at: new Date(starts).toISOString(),
		childcare: true,
		transport_help: true,
		languages: ['nl', 'fr'],
		...(options.cost ? { cost: options.cost } : {}),
		...(options.capacity ? { capacity: options.capacity } : {})
	});
	if (options.cancelled) {
		expect((await els.rpc('cancel_meetup', { meetup })).error).toBeNull();
	}
	return meetup;
}

test('a member sees a meetup on the group page and home, and comes with childcare for two children', async ({
	page
}) => {
	// Soon: before the seed's weekly praatcafé, so it is first in the group's strip.
	const title = `Wandeling ${randomUUID().slice(0, 6)}`;
	const meetup = await meetupInGent(title, { inMinutes: 20 });

	await signIn(page, 'lid@kring.test');
	const home = page.getByRole('region', { name: 'Mijn volgende bijeenkomsten' });
	await expect(home.getByRole('link', { name: new RegExp(title) })).toContainText(
		'Nog niet geantwoord'
	);
	await expect(home.getByRole('link', { name: new RegExp(title) })).toContainText(
		'Praatgroep Gent'
	);
	await expectNoAxeViolations(page);

	await page
		.getByRole('region', { name: 'Mijn groepen' })
		.getByRole('link', { name: /Praatgroep Gent/ })
		.click();
	const strip = page.getByRole('region', { name: 'Volgende bijeenkomsten' });
	await expect(strip.getByRole('link', { name: new RegExp(title) })).toBeVisible();
	await expect(strip.getByRole('link', { name: 'Alle bijeenkomsten' })).toBeVisible();
	await expectNoAxeViolations(page);

	await strip.getByRole('link', { name: 'Alle bijeenkomsten' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Bijeenkomsten van Praatgroep Gent'
	);
	// Karim is a member, not a host: no link to make one.
	await expect(page.getByRole('link', { name: /Nieuwe bijeenkomst/ })).toHaveCount(0);
	await expectNoAxeViolations(page);
	await page.getByRole('link', { name: new RegExp(title) }).click();

	await expect(page).toHaveURL(new RegExp(`/m/${meetup}$`));
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	await expect(page.getByText('Citadelpark, ingang Kunstlaan, 9000 Gent')).toBeVisible();
	const facts = page.getByRole('region', { name: 'Goed om te weten' });
	for (const fact of ['Gratis', 'Kinderopvang', 'Hulp bij vervoer', 'Rolstoeltoegankelijk']) {
		await expect(facts.getByRole('listitem').filter({ hasText: fact })).toBeVisible();
	}
	await expect(facts).toContainText('Talen: Nederlands, Frans');
	await expect(
		page.getByText('Dit zien alleen jij, de gastheer of gastvrouw en de begeleiders')
	).toBeVisible();
	await expect(page.getByRole('link', { name: 'Zet in mijn agenda' })).toHaveAttribute(
		'href',
		`/m/${meetup}/calendar.ics`
	);
	await expect(page.getByRole('link', { name: 'Aanpassen' })).toHaveCount(0);
	await expectNoAxeViolations(page);

	await page.getByLabel('Ik heb opvang nodig voor').fill('2');
	await page
		.getByLabel('Een kort bericht voor de gastheer of gastvrouw')
		.fill('Ik kom met de tram.');
	await page.getByRole('button', { name: 'Ik kom' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Je komt' })).toBeVisible();
	await expect(page.getByText('Komen: 1')).toBeVisible();
	await expectNoAxeViolations(page);

	// What I answered is still there when I come back, and home says I come.
	await page.reload();
	await expect(page.getByLabel('Ik heb opvang nodig voor')).toHaveValue('2');
	await expect(page.getByLabel('Een kort bericht voor de gastheer of gastvrouw')).toHaveValue(
		'Ik kom met de tram.'
	);
	await page.goto('/home');
	await expect(home.getByRole('link', { name: new RegExp(title) })).toContainText('Je komt');

	// At 200% zoom (half the width), nothing needs scrolling sideways.
	await page.goto(`/m/${meetup}`);
	const size = page.viewportSize()!;
	await page.setViewportSize({ width: Math.floor(size.width / 2), height: size.height });
	await expectNoHorizontalScroll(page);
	// Nor at home, where each group says what is new beside (or under) its name.
	await page.goto('/home');
	await expect(
		page.getByRole('region', { name: 'Mijn groepen' }).getByRole('link').first()
	).toBeVisible();
	await expectNoHorizontalScroll(page);
});

test('on a full meetup a second member lands on the waiting list and sees their place', async ({
	page
}) => {
	const title = `Kookles ${randomUUID().slice(0, 6)}`;
	// Not free: a free meetup asks nothing about the price, and this one is ticked.
	const meetup = await meetupInGent(title, { capacity: 1, cost: '2 euro' });
	const karim = await signedInClient('lid@kring.test');
	expect(await rsvp(karim, meetup, 'going')).toBe('going');

	// A newcomer joins the group with a nickname and opens the meetup.
	await joinGhent(page, 'Nour');
	await expect(page).toHaveURL(new RegExp(`/g/${gent}`));
	await page.goto(`/m/${meetup}`);
	await expect(page.getByText('Volzet.')).toBeVisible();
	await expect(page.getByText('Komen: 1')).toBeVisible();
	await expectNoAxeViolations(page);

	await page.getByLabel('De prijs is een probleem voor mij').check();
	await page.getByRole('button', { name: 'Ik kom' }).click();
	await expect(
		page.getByRole('status').filter({ hasText: 'Je staat op de wachtlijst (plaats 1)' })
	).toBeVisible();
	await expect(page.getByText('Op de wachtlijst: 1')).toBeVisible();
	// Already waiting: no warning that choosing "Ik kom" puts her on the waiting list.
	await expect(page.getByText('Volzet.')).toHaveCount(0);
	await expect(page.getByLabel('De prijs is een probleem voor mij')).toBeChecked();
	await expectNoAxeViolations(page);

	// Too many children is refused in words, and what was typed stays.
	await page.getByLabel('Ik heb opvang nodig voor').fill('25');
	await page.getByRole('button', { name: 'Misschien' }).click();
	await expect(page.getByText('Schrijf een aantal kinderen van 0 tot 20.')).toBeVisible();
	await expect(page.getByLabel('Ik heb opvang nodig voor')).toHaveValue('25');
	await expect(page.getByLabel('De prijs is een probleem voor mij')).toBeChecked();
	await expectNoAxeViolations(page);
});

test('a free meetup asks nothing about the price', async ({ page }) => {
	const els = await signedInClient('moderator@kring.test');
	const free = await createMeetup(els, {
		target_group: gent,
		title: `Gratis soep ${randomUUID().slice(0, 6)}`,
		// No cost given: what the page shows as "Gratis".
		starts_at: new Date(Date.now() + 3 * 24 * 3_600_000).toISOString()
	});
	await signIn(page, 'lid@kring.test');
	await page.goto(`/m/${free}`);
	await expect(page.getByRole('button', { name: 'Ik kom' })).toBeVisible();
	await expect(page.getByLabel('De prijs is een probleem voor mij')).toHaveCount(0);
});

test('once a meetup has started, someone still on the waiting list is no longer promised a place', async ({
	page
}) => {
	test.setTimeout(120_000);
	// It starts in half a minute, with one place: Els takes it, Karim waits.
	const meetup = await meetupInGent(`Kort ${randomUUID().slice(0, 6)}`, {
		inMinutes: 0.5,
		capacity: 1
	});
	expect(await rsvp(await signedInClient('moderator@kring.test'), meetup, 'going')).toBe('going');
	expect(await rsvp(await signedInClient('lid@kring.test'), meetup, 'going')).toBe('waiting');

	await signIn(page, 'lid@kring.test');
	await page.goto(`/m/${meetup}`);
	const promise = page.getByText('Komt er een plaats vrij, dan krijg jij ze.');
	await expect(promise).toBeVisible();
	await expect(async () => {
		await page.reload();
		await expect(page.getByText('De bijeenkomst is begonnen.')).toBeVisible({ timeout: 1_000 });
	}).toPass({ timeout: 60_000 });
	await expect(page.getByText('Je staat op de wachtlijst (plaats 1)')).toBeVisible();
	await expect(promise).toHaveCount(0);
});

test('a cancelled meetup says so and offers no answer buttons', async ({ page }) => {
	const title = `Uitstap ${randomUUID().slice(0, 6)}`;
	const meetup = await meetupInGent(title, { cancelled: true });
	await signIn(page, 'lid@kring.test');
	await page.goto(`/m/${meetup}`);
	await expect(page.getByText('Deze bijeenkomst is afgelast. Ze gaat niet door.')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Ik kom' })).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Misschien' })).toHaveCount(0);
	// Nothing to add to a calendar, and no empty list left for a screen reader to announce.
	await expect(page.getByRole('link', { name: 'Zet in mijn agenda' })).toHaveCount(0);
	await expect(
		page
			.getByRole('main')
			.getByRole('list')
			.filter({ hasNot: page.getByRole('listitem') })
	).toHaveCount(0);
	await expectNoAxeViolations(page);

	await page.goto(`/g/${gent}/meetups`);
	await expect(page.getByRole('link', { name: new RegExp(title) })).toContainText('Afgelast');
	await expectNoAxeViolations(page);
});

test("a member of another group cannot open a group's own meetup", async ({ page }) => {
	const meetup = await meetupInGent(`Alleen Gent ${randomUUID().slice(0, 6)}`);
	// Marie is only in the Brussels group.
	await signIn(page, 'marie@kring.test');
	const response = await page.goto(`/m/${meetup}`);
	expect(response?.status()).toBe(404);
	await expectNoAxeViolations(page);
});
