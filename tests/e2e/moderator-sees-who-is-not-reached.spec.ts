// Issue 11's journey, on phones: a newcomer's posts go unanswered for days; the moderator opens
// "Hoe gaat het met de groep?", reads that no one reached her, sends a check-in from the group's
// words and asks another member to answer. She receives the message and the answer; once
// answered, she is no longer "not reached" on the moderator's screen. Also: the thresholds and
// the group's words, changed in a plain form.
import { randomUUID } from 'node:crypto';
import { devices, type Page } from '@playwright/test';
import { createClient } from '@supabase/supabase-js';
import pg from 'pg';
import ws from 'ws';
import { expect, expectNoAxeViolations, fitsAtDoubleZoom, test } from './fixtures';
import { gent, ghentInvite, phone, signIn } from './people';
import { e2ePlatform } from './platform-file';

/** Joins Ghent once the join page's scripts run (see moderator-hides-a-reported-answer). */
async function joinGhentOnceLoaded(page: Page, nickname: string) {
	await page.goto(ghentInvite);
	await page.waitForLoadState('networkidle');
	await page.getByLabel('Bijnaam').fill(nickname);
	await page.getByLabel('Ik ga akkoord met deze afspraken').check();
	await page.getByRole('button', { name: 'Ik doe mee' }).click();
	await expect(page).toHaveURL(new RegExp(`/g/${gent}$`));
}

async function post(page: Page, words: string) {
	await page.getByRole('radio', { name: 'Vraag' }).check();
	await page.getByLabel('Je bericht').fill(words);
	await page.getByRole('button', { name: 'Plaatsen' }).click();
	await expect(page.getByRole('article').filter({ hasText: words })).toBeVisible();
}

/** Time moves: the posts were written days ago (a signal waits a day before a post counts). */
async function writtenDaysAgo(bodies: Record<string, number>): Promise<string[]> {
	const db = new pg.Client({ connectionString: (await e2ePlatform()).dbUrl });
	await db.connect();
	try {
		const ids: string[] = [];
		for (const [body, days] of Object.entries(bodies)) {
			const { rows } = await db.query<{ id: string }>(
				`update public.posts set created_at = now() - make_interval(days => $2)
				 where body = $1 returning id`,
				[body, days]
			);
			expect(rows).toHaveLength(1);
			await db.query(
				`update public.post_authors set created_at = now() - make_interval(days => $2)
				 where post_id = $1`,
				[rows[0].id, days]
			);
			ids.push(rows[0].id);
		}
		return ids;
	} finally {
		await db.end();
	}
}

/** A newcomer with a nickname account (made through the API) whose two posts no one answers. */
async function unansweredNewcomer(nickname: string) {
	const { apiUrl, anonKey } = await e2ePlatform();
	const member = createClient(apiUrl, anonKey, {
		auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
		realtime: { transport: ws as never }
	});
	const signedIn = await member.auth.signInAnonymously({ options: { data: { nickname } } });
	expect(signedIn.error).toBeNull();
	const joined = await member.rpc('accept_invite', {
		invite_code: ghentInvite.replace('/join/', ''),
		nickname,
		accept_rules: true
	});
	expect(joined.error).toBeNull();
	for (const words of ['Wie kookt er mee zaterdag?', 'Heeft iemand een kinderfiets over?']) {
		const written = await member.rpc('create_post', {
			client_id: randomUUID(),
			target_group: gent,
			kind: 'question',
			body: `${words} (${nickname})`,
			anonymous: false
		});
		expect(written.error).toBeNull();
	}
	return member;
}

test('a member no one answers is seen by the moderator, gets a check-in and, once asked, an answer', async ({
	browser
}) => {
	test.setTimeout(150_000);
	const mark = randomUUID().slice(0, 6);
	const noorName = `Noor ${mark}`;
	const first = `Weet iemand waar ik goedkoop een fiets kan laten maken? (${mark})`;
	const second = `Is er iemand die ook in Ledeberg woont? (${mark})`;
	const checkIn = `Dag Noor, we hoorden je nog niet terug. (${mark})`;
	const answer = `Bij De Fietsambassade op het Sint-Pietersplein, gratis voor kleine dingen. (${mark})`;

	// Noor joins and writes two questions; no one answers or reacts.
	const noor = await phone(browser);
	await joinGhentOnceLoaded(noor, noorName);
	await post(noor, first);
	await post(noor, second);
	const [firstPost] = await writtenDaysAgo({ [first]: 3, [second]: 2 });

	// Karim, a member, has no such page and no link to it.
	const karim = await phone(browser);
	await signIn(karim, 'lid@kring.test');
	await karim.goto(`/g/${gent}`);
	await expect(karim.getByRole('link', { name: 'Hoe gaat het?' })).toHaveCount(0);
	for (const path of ['', '/settings']) {
		const response = await karim.goto(`/g/${gent}/inclusion${path}`);
		expect(response?.status(), `a member opens /inclusion${path}`).toBe(404);
	}

	// Els, the moderator, opens "Hoe gaat het met de groep?" from the group's navigation.
	const els = await phone(browser);
	await signIn(els, 'moderator@kring.test');
	await els.goto(`/g/${gent}`);
	await els.getByRole('link', { name: 'Hoe gaat het?' }).click();
	await expect(
		els.getByRole('heading', { level: 1, name: 'Hoe gaat het met de groep?' })
	).toBeVisible();
	const notReached = els.getByRole('region', { name: 'Niet bereikt' });
	// By its sentence: another member's card names Noor too, in its pickers of members.
	const noorsSignal = notReached
		.getByRole('listitem')
		.filter({ hasText: `${noorName} schreef 2 berichten` });
	await expect(noorsSignal).toContainText(
		`${noorName} schreef 2 berichten in de voorbije 30 dagen; niemand antwoordde of reageerde.`
	);
	await expectNoAxeViolations(els);
	await fitsAtDoubleZoom(els);

	// A check-in from the group's words, which Els makes her own before sending.
	await noorsSignal.getByText('Vragen hoe het gaat').click();
	const writing = noorsSignal.getByRole('form', { name: 'Vragen hoe het gaat' });
	const body = writing.getByLabel('Je bericht');
	await expect(body).toHaveValue(/^Hoi, we dachten aan je\. Hoe gaat het met je\?/);
	await body.fill('');
	await writing.getByRole('button', { name: 'Versturen' }).click();
	await expect(writing.getByText('Schrijf een bericht.')).toBeVisible();
	await body.fill(checkIn);
	await writing.getByRole('button', { name: 'Versturen' }).click();
	await expect(
		els.getByRole('status').filter({ hasText: 'Verstuurd. Het lid leest het' })
	).toBeVisible();
	await expectNoAxeViolations(els);

	// And a personal invitation to the next meetup.
	await noorsSignal.getByText('Uitnodigen voor een bijeenkomst').click();
	const inviting = noorsSignal.getByRole('form', { name: 'Uitnodigen voor een bijeenkomst' });
	await inviting.getByRole('button', { name: 'Uitnodigen' }).click();
	await expect(inviting.getByText('Kies een bijeenkomst.')).toBeVisible();
	await inviting.getByRole('radio').first().check();
	await inviting.getByRole('button', { name: 'Uitnodigen' }).click();
	await expect(
		els.getByRole('status').filter({ hasText: 'Uitgenodigd. Het lid ziet de uitnodiging' })
	).toBeVisible();

	// Her oldest question: Els asks Karim to answer it.
	const unanswered = els
		.getByRole('region', { name: 'Berichten zonder antwoord' })
		.getByRole('listitem')
		.filter({ hasText: `${noorName} schreef 3 dagen geleden een bericht` });
	await expect(unanswered.getByRole('link', { name: 'Het bericht bekijken' })).toHaveAttribute(
		'href',
		`/g/${gent}/p/${firstPost}`
	);
	await unanswered.getByText('Iemand vragen om te antwoorden').click();
	const asking = unanswered.getByRole('form', { name: 'Iemand vragen om te antwoorden' });
	await asking.getByRole('button', { name: 'Vragen' }).click();
	await expect(asking.getByText('Kies een lid.')).toBeVisible();
	await asking.getByLabel('Wie vraag je?').selectOption({ label: 'Karim' });
	await asking.getByRole('button', { name: 'Vragen' }).click();
	await expect(
		els
			.getByRole('status')
			.filter({ hasText: 'Gevraagd. Het lid krijgt de vraag om te antwoorden.' })
	).toBeVisible();
	await fitsAtDoubleZoom(els);

	// Karim is asked, by "the moderators", and answers from the notification.
	await karim.goto('/notifications');
	const asked = karim.getByRole('link', { name: `Wil jij ${noorName} een antwoord geven?` });
	await asked.click();
	await expect(karim.getByText(first)).toBeVisible();
	await karim.getByLabel('Je antwoord').fill(answer);
	await karim.getByRole('button', { name: 'Antwoorden', exact: true }).click();
	await expect(karim.getByText(answer)).toBeVisible();

	// Noor receives the moderators' message, from "the moderators", not from Els, and the answer.
	await noor.goto('/notifications');
	await noor
		.getByRole('link', { name: 'De begeleiders van Praatgroep Gent stuurden je een bericht.' })
		.click();
	await expect(noor.getByText(checkIn, { exact: true })).toBeVisible();
	await expect(noor.locator('main')).not.toContainText('Els');
	await noor.goto(`/g/${gent}/p/${firstPost}`);
	await expect(noor.getByText(answer)).toBeVisible();

	// On "Wat Kring over mij bijhoudt" she sees what was done about her, never by whom.
	await noor.goto('/me/inclusion');
	await expect(noor.locator('main')).toContainText(
		'De begeleiders stuurden je een berichtje om te vragen hoe het gaat.'
	);
	await expect(noor.locator('main')).toContainText(
		'De begeleiders vroegen iemand om op je bericht te antwoorden.'
	);
	await expect(noor.locator('main')).not.toContainText('Els');
	await expect(noor.locator('main')).not.toContainText('Karim');

	// Answered: Noor is no longer "not reached", and that question no longer waits.
	await els.reload();
	await expect(
		els.getByRole('heading', { level: 1, name: 'Hoe gaat het met de groep?' })
	).toBeVisible();
	await expect(els.locator('main')).not.toContainText(
		`${noorName} schreef 2 berichten in de voorbije 30 dagen`
	);
	await expect(els.locator('main')).not.toContainText(`${noorName} schreef 3 dagen geleden`);
	// Her other question still waits; Els marks it handled, with a note only moderators read.
	const waiting = els
		.getByRole('region', { name: 'Berichten zonder antwoord' })
		.getByRole('listitem')
		.filter({ hasText: `${noorName} schreef 2 dagen geleden een bericht` });
	await waiting.getByText('Markeren als afgehandeld').click();
	const handling = waiting.getByRole('form', { name: 'Markeren als afgehandeld' });
	await handling
		.getByLabel('Notitie voor de begeleiders (mag leeg)')
		.fill('Ik spreek haar dinsdag aan.');
	await handling.getByRole('button', { name: 'Afgehandeld' }).click();
	await expect(
		els.getByRole('status').filter({ hasText: 'Afgehandeld. Het signaal komt terug' })
	).toBeVisible();
	await expect(
		els.getByRole('region', { name: 'Berichten zonder antwoord' }).getByText(noorName)
	).toHaveCount(0);
	await els.getByText(/^Afgehandeld \(\d+\)$/).click();
	await expect(els.locator('details.handled')).toContainText(
		`${noorName} schreef 2 dagen geleden een bericht`
	);

	// The group's last 12 weeks: each line an image with words, the same numbers in a table.
	const posts = els.getByRole('img', { name: 'Berichten' });
	await expect(posts).toBeVisible();
	await expect(posts.locator('desc')).toHaveText(
		/^Vanaf de week van .+: van \d+ naar \d+; het hoogst was \d+\.$/
	);
	await els.locator('figure').filter({ has: posts }).getByText('De cijfers').click();
	await expect(els.getByRole('table', { name: 'Berichten' }).getByRole('row')).toHaveCount(13);
	await expectNoAxeViolations(els);
	await fitsAtDoubleZoom(els);
});

test("a moderator changes when a signal appears and the group's words, and is told in words what cannot be", async ({
	page
}) => {
	await signIn(page, 'moderator@kring.test');
	await page.goto(`/g/${gent}/inclusion`);
	await page.getByRole('link', { name: 'Drempels en berichten aanpassen' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Drempels en berichten' })
	).toBeVisible();
	await expectNoAxeViolations(page);
	await fitsAtDoubleZoom(page);

	// A number out of range is refused beside its field, with what was typed kept.
	const hours = page.getByLabel('Na hoeveel uren zonder antwoord verschijnt een bericht?');
	await expect(hours).toHaveValue('24');
	await hours.fill('1000');
	const save = page.getByRole('button', { name: 'Bewaren', exact: true });
	await save.click();
	await expect(page.getByText('Kies een getal van 1 tot 720.')).toBeVisible();
	await expect(hours).toHaveValue('1000');
	await expect(hours).toHaveAttribute('aria-invalid', 'true');
	await expectNoAxeViolations(page);

	// A share is a percentage on the page; saved, it stays, and it is put back after.
	const top = page.getByLabel("Welk deel van de leden telt als 'meest actief'?");
	await hours.fill('24');
	await top.fill('25');
	await save.click();
	await expect(
		page.getByRole('status').filter({ hasText: 'Bewaard. De signalen volgen de nieuwe waarden.' })
	).toBeVisible();
	await page.reload();
	await expect(top).toHaveValue('25');
	await top.fill('20');
	await save.click();
	await expect(page.getByRole('status').filter({ hasText: 'Bewaard.' })).toBeVisible();

	// The group's words for a check-in: its own, then Kring's again when left empty.
	const words = page.getByRole('textbox', { name: 'Vragen hoe het gaat' });
	await expect(words).toHaveValue(/^Hoi, we dachten aan je\./);
	await words.fill('Dag! Hoe gaat het met je? Koffie staat klaar op dinsdag.');
	const saveWords = page
		.getByRole('form', { name: 'Vragen hoe het gaat' })
		.getByRole('button', { name: 'Woorden bewaren' });
	await saveWords.click();
	await expect(
		page.getByRole('status').filter({ hasText: 'Nieuwe berichten beginnen met deze woorden.' })
	).toBeVisible();
	await page.reload();
	await expect(words).toHaveValue('Dag! Hoe gaat het met je? Koffie staat klaar op dinsdag.');
	await words.fill('');
	await saveWords.click();
	await expect(
		page.getByRole('status').filter({ hasText: 'Nieuwe berichten beginnen met deze woorden.' })
	).toBeVisible();
	await page.reload();
	await expect(words).toHaveValue(/^Hoi, we dachten aan je\./);
});

test('who does not want to be in the signals is named to the moderators, never why, and is in no signal', async ({
	page
}) => {
	// Lotte joins with a nickname only, writes twice and, from her own account, steps out of
	// the signals.
	const lotteName = `Lotte ${randomUUID().slice(0, 6)}`;
	const lotte = await unansweredNewcomer(lotteName);
	const optedOut = await lotte.rpc('set_signals_opt_out', { target_group: gent, opt_out: true });
	expect(optedOut.error).toBeNull();

	await signIn(page, 'moderator@kring.test');
	await page.goto(`/g/${gent}/inclusion`);
	const optOuts = page.getByRole('region', { name: 'Wie niet in de signalen wil staan' });
	await expect(optOuts).toContainText(`${lotteName} wil niet in de signalen staan.`);
	// Her two posts no one answered would make her "not reached": she is named in no sentence
	// (she can still be picked as a buddy, or be written to).
	await expect(page.getByText(`${lotteName} schreef`)).toHaveCount(0);
	await expectNoAxeViolations(page);
});

test('without JavaScript, a moderator marks a signal handled with a note and it folds away', async ({
	browser
}) => {
	const name = `Ilias ${randomUUID().slice(0, 6)}`;
	await unansweredNewcomer(name);
	const context = await browser.newContext({
		...devices['Pixel 7'],
		locale: 'nl-BE',
		javaScriptEnabled: false
	});
	const els = await context.newPage();
	await signIn(els, 'moderator@kring.test');
	await els.goto(`/g/${gent}/inclusion`);
	const signal = els
		.getByRole('region', { name: 'Niet bereikt' })
		.getByRole('listitem')
		.filter({ hasText: `${name} schreef 2 berichten` });
	await signal.getByText('Markeren als afgehandeld').click();
	const handling = signal.getByRole('form', { name: 'Markeren als afgehandeld' });
	await handling.getByLabel('Notitie voor de begeleiders (mag leeg)').fill('Gebeld, alles goed.');
	await handling.getByRole('button', { name: 'Afgehandeld' }).click();
	await expect(els).toHaveURL(new RegExp(`/g/${gent}/inclusion`));
	await expect(
		els.getByRole('status').filter({ hasText: 'Afgehandeld. Het signaal komt terug' })
	).toBeVisible();
	await expect(
		els.getByRole('region', { name: 'Niet bereikt' }).getByText(`${name} schreef`)
	).toHaveCount(0);
	await els.getByText(/^Afgehandeld \(\d+\)$/).click();
	await expect(els.locator('details.handled')).toContainText(`${name} schreef 2 berichten`);
	await context.close();
});
