// "Ik voel me buitengesloten": a member writes to one moderator of the group, not to all of them.
// Only that moderator reads it and answers as "the moderators"; the member reads the answer in
// Kring, on "What the moderators did", without a moderator's name.
import { randomUUID } from 'node:crypto';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import ws from 'ws';
import type { Database } from '../../src/lib/database.types';
import { expect, expectNoAxeViolations, fitsAtDoubleZoom, test } from './fixtures';
import { gent, ghentInvite, joinGhent, phone, signIn } from './people';
import { e2ePlatform, signedInClient } from './platform-file';

/**
 * A second moderator of the Ghent group: a newcomer with a nickname account who joins by the
 * invite and whom Els makes moderator (through the database functions the app uses).
 */
async function secondModerator(nickname: string): Promise<SupabaseClient<Database>> {
	const { apiUrl, anonKey } = await e2ePlatform();
	const lotte = createClient<Database>(apiUrl, anonKey, {
		auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
		realtime: { transport: ws as never }
	});
	const signedIn = await lotte.auth.signInAnonymously({ options: { data: { nickname } } });
	expect(signedIn.error).toBeNull();
	const joined = await lotte.rpc('accept_invite', {
		invite_code: ghentInvite.replace('/join/', ''),
		nickname,
		accept_rules: true
	});
	expect(joined.error).toBeNull();
	const membership = await lotte.rpc('my_membership', { target_group: gent });
	expect(membership.error).toBeNull();
	const els = await signedInClient('moderator@kring.test');
	const promoted = await els.rpc('set_member_role', {
		member: membership.data![0].id,
		new_role: 'moderator'
	});
	expect(promoted.error).toBeNull();
	return lotte;
}

/** The words of every left-out thread in a moderator's queue of the Ghent group. */
async function leftOutWords(moderator: SupabaseClient): Promise<string[]> {
	const { data, error } = await moderator.rpc('page_moderation_queue', { target_group: gent });
	expect(error).toBeNull();
	const queue = data as { threads: { kind: string; messages: { body: string }[] }[] };
	return queue.threads
		.filter((thread) => thread.kind === 'left_out')
		.flatMap((thread) => thread.messages.map((message) => message.body));
}

test('a member tells one moderator they feel left out; only that moderator reads it and answers, and the member reads the answer', async ({
	page,
	browser
}) => {
	const lotte = await secondModerator(`Lotte ${randomUUID().slice(0, 4)}`);
	const words = `Niemand praat met mij na de bijeenkomst (${randomUUID().slice(0, 6)}).`;
	const answer = 'Dank je dat je het zegt. Zullen we dinsdag samen koffie drinken voor het begint?';

	// Karim, from home: he is in two groups, so he first says which one.
	await signIn(page, 'lid@kring.test');
	await page.getByRole('link', { name: 'Ik voel me buitengesloten' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Ik voel me buitengesloten' })
	).toBeVisible();
	await expectNoAxeViolations(page);
	await page.getByRole('link', { name: 'Praatgroep Gent' }).click();

	// One moderator, chosen by name; the sentence the page offers, with his own words added.
	await page.getByRole('radio', { name: 'Els' }).check();
	const message = page.getByLabel('Wat wil je zeggen?');
	await expect(message).toHaveValue(
		'Ik voel me buitengesloten in de groep. Kunnen we daarover praten?'
	);
	await message.fill(words);
	await expectNoAxeViolations(page);
	await fitsAtDoubleZoom(page);
	await page.getByRole('button', { name: 'Versturen' }).click();

	await expect(
		page.getByRole('heading', { level: 1, name: 'Wat de begeleiders deden' })
	).toBeVisible();
	await expect(
		page.getByRole('status').filter({ hasText: 'Je bericht is verstuurd.' })
	).toBeVisible();
	const thread = page.getByRole('article').filter({ hasText: words });
	await expect(thread.getByRole('heading')).toContainText('Je voelde je buitengesloten');
	await expect(thread).toContainText('De begeleiders hebben nog niet geantwoord.');
	await expectNoAxeViolations(page);
	await fitsAtDoubleZoom(page);

	// The other moderator of the group does not see it; Els does, at the top of her queue.
	expect(await leftOutWords(lotte)).not.toContain(words);
	expect(await leftOutWords(await signedInClient('moderator@kring.test'))).toContain(words);

	const els = await phone(browser);
	await signIn(els, 'moderator@kring.test');
	await els.getByRole('link', { name: /^Praatgroep Gent(?! ·)/ }).click();
	await els.getByRole('link', { name: /^Gemeld aan de begeleiders/ }).click();
	const inQueue = els.getByRole('listitem').filter({ hasText: words });
	await expect(inQueue).toContainText('Karim voelt zich buitengesloten');
	await expect(inQueue).toContainText('alleen aan jou');
	await inQueue.getByRole('link', { name: 'Lezen en antwoorden aan Karim' }).click();
	await els.getByLabel('Je antwoord aan Karim').fill(answer);
	await els.getByRole('button', { name: 'Antwoord sturen' }).click();
	await expect(els.getByText(answer)).toBeVisible();

	// Karim reads the answer from "the moderators", without a name, and answers back.
	await page.goto('/me');
	await page.getByRole('link', { name: 'Wat de begeleiders deden' }).click();
	const answered = page.getByRole('article').filter({ hasText: words });
	const fromModerators = answered.getByRole('listitem').filter({ hasText: answer });
	await expect(fromModerators).toContainText('De begeleiders');
	await expect(answered).not.toContainText('Els');
	await expect(answered).not.toContainText('nog niet geantwoord');
	await answered.getByLabel('Je antwoord aan de begeleiders').fill('Graag, tot dinsdag.');
	await answered.getByRole('button', { name: 'Antwoord sturen' }).click();
	await expect(
		answered.getByRole('status').filter({ hasText: 'Je antwoord is verstuurd.' })
	).toBeVisible();
	await expect(
		answered.getByRole('listitem').filter({ hasText: 'Graag, tot dinsdag.' })
	).toContainText('Jij');
	await expectNoAxeViolations(page);

	// Still none of it for the other moderator.
	expect(await leftOutWords(lotte)).not.toContain(words);
});

test('a message to a moderator who is made member again is not left waiting: the member may send it again', async ({
	page
}) => {
	const vera = `Vera ${randomUUID().slice(0, 4)}`;
	const veraClient = await secondModerator(vera);
	const membership = await veraClient.rpc('my_membership', { target_group: gent });
	expect(membership.error).toBeNull();
	await joinGhent(page, `Nieuw ${randomUUID().slice(0, 4)}`);
	await page.goto('/me/left-out');
	await page.getByRole('radio', { name: vera }).check();
	await page.getByRole('button', { name: 'Versturen' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Wat de begeleiders deden' })
	).toBeVisible();
	await expect(page.getByLabel('Je antwoord aan de begeleiders')).toBeVisible();

	const els = await signedInClient('moderator@kring.test');
	const demoted = await els.rpc('set_member_role', {
		member: membership.data![0].id,
		new_role: 'member'
	});
	expect(demoted.error).toBeNull();
	await page.reload();
	await expect(
		page.getByText('Wie je dit stuurde, is geen begeleider meer in deze groep.')
	).toBeVisible();
	await expect(page.getByLabel('Je antwoord aan de begeleiders')).toHaveCount(0);
	await expectNoAxeViolations(page);
	await page.getByRole('link', { name: 'Opnieuw sturen' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Ik voel me buitengesloten' })
	).toBeVisible();
	await expect(page.getByRole('radio', { name: vera })).toHaveCount(0);
});
