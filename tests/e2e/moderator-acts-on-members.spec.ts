// A moderator's actions on a member, from the members page: a break from writing (1, 7 or 30
// days) that the database enforces and that can be ended early, and removal from the group, each
// with a reason, each in the group's log. No actions on oneself or another moderator. And a
// request to join refused with a reason the person reads.
import { randomUUID } from 'node:crypto';
import { devices } from '@playwright/test';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import ws from 'ws';
import { expect, expectNoAxeViolations, fitsAtDoubleZoom, test } from './fixtures';
import { gent, phone, signIn } from './people';
import { e2ePlatform, signedInClient } from './platform-file';

/** From the seed: a group whose moderators (Els) decide who joins. */
const brussels = 'cac359ab-41d2-5d55-9e4e-6ff781f9bc4a';

/** Someone new with only a nickname account, on their own supabase-js client. */
async function newcomer(nickname: string): Promise<SupabaseClient> {
	const { apiUrl, anonKey } = await e2ePlatform();
	const client = createClient(apiUrl, anonKey, {
		auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
		realtime: { transport: ws as never }
	});
	const { error } = await client.auth.signInAnonymously({ options: { data: { nickname } } });
	expect(error).toBeNull();
	return client;
}

async function tryToPost(person: SupabaseClient) {
	return person.rpc('create_post', {
		client_id: randomUUID(),
		target_group: gent,
		kind: 'story',
		body: 'Vandaag was een goede dag.',
		anonymous: false
	});
}

test('a moderator gives a member a break, ends it early, then removes them, each with a reason', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const name = `Bram ${randomUUID().slice(0, 4)}`;
	const bram = await newcomer(name);
	const joined = await bram.rpc('accept_invite', {
		invite_code: 'dEmO-k7Qx2LpN9vR4sT8wYz3',
		nickname: name,
		accept_rules: true
	});
	expect(joined.error).toBeNull();

	const els = await phone(browser);
	await signIn(els, 'moderator@kring.test');
	await els.goto(`/g/${gent}/members`);
	const row = els.getByRole('listitem').filter({ hasText: name });
	// No actions on herself (nor on another moderator: the database refuses them anyway).
	const own = els.getByRole('listitem').filter({ has: els.getByText('Els', { exact: true }) });
	await expect(own.getByText('Een bericht sturen aan Els')).toHaveCount(0);
	await expect(own.getByText('Els uit de groep zetten')).toHaveCount(0);
	await expectNoAxeViolations(els);
	await fitsAtDoubleZoom(els);

	// A break of 7 days, in her own words.
	await row.getByText(`${name} even laten pauzeren`).click();
	const muting = row.getByRole('form', { name: `${name} even laten pauzeren` });
	await muting.getByLabel('7 dagen').check();
	await muting.getByLabel('Ik schrijf het zelf').check();
	await muting.getByRole('button', { name: 'Ja, laten pauzeren' }).click();
	await expect(muting.getByText('Schrijf de reden in je eigen woorden.')).toBeVisible();
	await muting.getByLabel('Eigen woorden').fill('We maken eerst een afspraak om te praten.');
	await muting.getByRole('button', { name: 'Ja, laten pauzeren' }).click();
	await expect(row.getByRole('status').filter({ hasText: 'De pauze loopt.' })).toBeVisible();
	// The database holds it, whatever page or call is used.
	const refused = await tryToPost(bram);
	expect(refused.error?.message).toBe('member_muted');

	// Ended early, from the member's own moderation page.
	await row.getByRole('link', { name: `Meer over ${name}` }).click();
	await expect(els.getByText(/^Mag niets schrijven tot /)).toBeVisible();
	await els.getByText(`${name} weer laten schrijven`).click();
	const unmuting = els.getByRole('form', { name: `${name} weer laten schrijven` });
	await unmuting.getByLabel('We hebben erover gepraat. Het is in orde.').check();
	await unmuting.getByRole('button', { name: 'Ja, pauze stoppen' }).click();
	await expect(els.getByRole('status').filter({ hasText: 'De pauze is gestopt.' })).toBeVisible();
	await expectNoAxeViolations(els);
	expect((await tryToPost(bram)).error).toBeNull();

	// Removal asks once more whether she is sure.
	await els.goto(`/g/${gent}/members`);
	await row.getByText(`${name} uit de groep zetten`).click();
	const removing = row.getByRole('form', { name: `${name} uit de groep zetten` });
	await removing.getByLabel('Dit voelt onveilig of bedreigend.').check();
	await removing.getByRole('button', { name: 'Uit de groep zetten' }).click();
	await expect(removing.getByText('Vink aan dat je het zeker weet.')).toBeVisible();
	await removing.getByLabel(`Ja, ik zet ${name} uit de groep.`).check();
	await removing.getByRole('button', { name: 'Uit de groep zetten' }).click();
	await expect(els.getByRole('status').filter({ hasText: 'uit de groep gezet' })).toBeVisible();
	await expect(row).toHaveCount(0);
	expect((await tryToPost(bram)).error).not.toBeNull();

	// The log: newest first, the undo marked as one, every reason kept.
	await els.goto(`/g/${gent}/moderation/log`);
	const entries = els.getByRole('listitem').filter({ hasText: `over ${name}` });
	await expect(entries).toHaveCount(3);
	await expect(entries.nth(0)).toContainText('Uit de groep gezet');
	await expect(entries.nth(0)).toContainText('Dit voelt onveilig of bedreigend.');
	await expect(entries.nth(1)).toContainText('Pauze gestopt');
	await expect(entries.nth(1)).toContainText('maakt iets ongedaan');
	await expect(entries.nth(2)).toContainText(/Pauze om te schrijven tot /);
	await expect(entries.nth(2)).toContainText('We maken eerst een afspraak om te praten.');
	await expectNoAxeViolations(els);
});

test('a moderator refuses a request to join with a reason the person reads', async ({
	browser
}) => {
	const name = `Lena ${randomUUID().slice(0, 4)}`;
	const lena = await newcomer(name);
	const asked = await lena.rpc('request_to_join', {
		target_group: brussels,
		nickname: name,
		accept_rules: true
	});
	expect(asked.error).toBeNull();

	const els = await phone(browser);
	await signIn(els, 'moderator@kring.test');
	await els.goto(`/g/${brussels}/manage`);
	await els.locator('summary', { hasText: `${name} weigeren` }).click();
	await els
		.getByLabel(`Waarom weiger je ${name}? (mag leeg blijven)`)
		.fill('Le groupe est complet.');
	await els.locator('form[action="?/refuse"]').getByRole('button').click();
	await expect(els.locator('main').getByRole('status')).toContainText('De aanvraag is geweigerd.');
	await expect(els.locator('summary', { hasText: `${name} weigeren` })).toHaveCount(0);
	await expectNoAxeViolations(els);

	const { data, error } = await lena.rpc('join_request_status', { target_group: brussels });
	expect(error).toBeNull();
	expect(data).toMatchObject({ status: 'refused', refused_reason: 'Le groupe est complet.' });
});

test('a moderator reads a "left out" message at the top of the queue and answers as the moderators', async ({
	browser
}) => {
	const name = `Mila ${randomUUID().slice(0, 4)}`;
	const mila = await newcomer(name);
	const joined = await mila.rpc('accept_invite', {
		invite_code: 'dEmO-k7Qx2LpN9vR4sT8wYz3',
		nickname: name,
		accept_rules: true
	});
	expect(joined.error).toBeNull();
	const words = 'Op de bijeenkomst zit ik altijd alleen aan tafel.';
	const sent = await mila.rpc('send_left_out_message', {
		client_id: randomUUID(),
		target_group: gent,
		body: words
	});
	expect(sent.error).toBeNull();

	const els = await phone(browser);
	await signIn(els, 'moderator@kring.test');
	await els.goto(`/g/${gent}/moderation`);
	const messages = els.getByRole('region', { name: 'Berichten aan de begeleiders' });
	const thread = messages.getByRole('listitem').filter({ hasText: words });
	await expect(thread).toContainText(`${name} voelt zich buitengesloten`);
	await expect(thread).toContainText('aan alle begeleiders');
	await expect(thread).toContainText('nog geen antwoord');
	await thread.getByRole('link', { name: `Lezen en antwoorden aan ${name}` }).click();

	await expect(els.getByRole('heading', { level: 1, name: `Gesprek met ${name}` })).toBeVisible();
	await els.getByRole('button', { name: 'Antwoord sturen' }).click();
	await expect(els.getByText('Schrijf eerst je bericht.')).toBeVisible();
	await els
		.getByLabel(`Je antwoord aan ${name}`)
		.fill('Fijn dat je het zegt. Kom dinsdag bij ons zitten.');
	await els.getByRole('button', { name: 'Antwoord sturen' }).click();
	await expect(els.locator('main').getByRole('status')).toContainText('Je antwoord is verstuurd.');
	await expect(
		els.getByRole('listitem').filter({ hasText: 'Kom dinsdag bij ons zitten.' })
	).toContainText('De begeleiders (Els)');
	await expectNoAxeViolations(els);
	await fitsAtDoubleZoom(els);

	// Answered, it is no longer waiting in the queue.
	await els.goto(`/g/${gent}/moderation`);
	await expect(
		els.getByRole('listitem').filter({ hasText: 'Kom dinsdag bij ons zitten.' })
	).not.toContainText('nog geen antwoord');

	// Mila reads it from "the moderators", without a name.
	const { data, error } = await mila.rpc('page_my_moderation');
	expect(error).toBeNull();
	const mine = data as { threads: { messages: { body: string; from_moderators: boolean }[] }[] };
	expect(mine.threads[0].messages).toEqual([
		expect.objectContaining({ body: words, from_moderators: false }),
		expect.objectContaining({
			body: 'Fijn dat je het zegt. Kom dinsdag bij ons zitten.',
			from_moderators: true
		})
	]);
	expect(JSON.stringify(mine)).not.toContain('Els');
});

test('the group log shows 50 actions a page, newest first, and a link to older ones', async ({
	browser
}) => {
	const moderator = await signedInClient('moderator@kring.test');
	const karim = await signedInClient('lid@kring.test');
	const { data: post, error } = await karim.rpc('create_post', {
		client_id: randomUUID(),
		target_group: gent,
		kind: 'tip',
		body: 'De bibliotheek heeft gratis wifi.',
		anonymous: false
	});
	expect(error).toBeNull();
	// 52 actions: hidden and put back 26 times.
	for (let round = 1; round <= 26; round++) {
		const hidden = await moderator.rpc('hide_post', {
			post: post as string,
			reason: `Ronde ${round}`
		});
		expect(hidden.error).toBeNull();
		const back = await moderator.rpc('restore_post', {
			post: post as string,
			reason: `Terug ${round}`
		});
		expect(back.error).toBeNull();
	}

	const els = await phone(browser);
	await signIn(els, 'moderator@kring.test');
	await els.goto(`/g/${gent}/moderation/log`);
	const entries = els.getByRole('main').getByRole('listitem');
	await expect(entries).toHaveCount(50);
	await expect(entries.first()).toContainText('Reden: Terug 26');
	await expect(entries.last()).toContainText('Reden: Ronde 2');
	await els.getByRole('link', { name: 'Oudere' }).click();
	await expect(entries.first()).toContainText('Reden: Terug 1');
	await expect(entries.nth(1)).toContainText('Reden: Ronde 1');
});

test('without JavaScript, an action on the member page comes back to the same member', async ({
	browser
}) => {
	const name = `Joke ${randomUUID().slice(0, 4)}`;
	const joke = await newcomer(name);
	const joined = await joke.rpc('accept_invite', {
		invite_code: 'dEmO-k7Qx2LpN9vR4sT8wYz3',
		nickname: name,
		accept_rules: true
	});
	expect(joined.error).toBeNull();

	const context = await browser.newContext({
		...devices['Pixel 7'],
		locale: 'nl-BE',
		javaScriptEnabled: false
	});
	const els = await context.newPage();
	await signIn(els, 'moderator@kring.test');
	await els.goto(`/g/${gent}/members`);
	await els.getByRole('link', { name: `Meer over ${name}` }).click();
	await els.getByText(`${name} even laten pauzeren`).click();
	const muting = els.getByRole('form', { name: `${name} even laten pauzeren` });
	await muting.getByLabel('1 dag').check();
	await muting.getByLabel('Dit past niet bij de afspraken van de groep.').check();
	await muting.getByRole('button', { name: 'Ja, laten pauzeren' }).click();
	await expect(els.getByRole('status').filter({ hasText: 'De pauze loopt.' })).toBeVisible();
	await expect(els.getByText(/^Mag niets schrijven tot /)).toBeVisible();
	await expect(els.getByText(`${name} weer laten schrijven`)).toBeVisible();
});
