// "Wat Kring over mij bijhoudt": a member reads in kind words what the moderators see about them,
// and can leave the signals (the moderators then see only that they do not want to be in them).
// The monthly climate question is asked once. Kind actions reach the member on home and in the
// notifications: an invitation, a buddy request they accept, a request to answer someone.
import { randomUUID } from 'node:crypto';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import ws from 'ws';
import type { Database } from '../../src/lib/database.types';
import { expect, expectNoAxeViolations, fitsAtDoubleZoom, test } from './fixtures';
import { createMeetup, gent, ghentInvite, joinGhent, phone, rsvp, signIn } from './people';
import { e2ePlatform, signedInClient } from './platform-file';

// From supabase/seed.sql: Karim has been a member of the Budgetgroep for 40 days.
const budget = 'aa169ae9-7ef6-505b-8fc7-d9da32fb7857';

const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

/** A newcomer with a nickname account who joins the Ghent group by its invite, through the API. */
async function newcomer(nickname: string): Promise<SupabaseClient<Database>> {
	const { apiUrl, anonKey } = await e2ePlatform();
	const person = createClient<Database>(apiUrl, anonKey, {
		auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
		realtime: { transport: ws as never }
	});
	const signedIn = await person.auth.signInAnonymously({ options: { data: { nickname } } });
	expect(signedIn.error).toBeNull();
	const joined = await person.rpc('accept_invite', {
		invite_code: ghentInvite.replace('/join/', ''),
		nickname,
		accept_rules: true
	});
	expect(joined.error).toBeNull();
	return person;
}

async function membershipId(person: SupabaseClient, group: string): Promise<string> {
	const { data, error } = await person.rpc('my_membership', { target_group: group });
	expect(error).toBeNull();
	return (data as { id: string }[])[0].id;
}

/** The members the Ghent group's moderator sees in the signals, by membership id. */
async function signalledMembers(els: SupabaseClient): Promise<(string | null)[]> {
	const { data, error } = await els.rpc('inclusion_signals', { target_group: gent });
	expect(error).toBeNull();
	return (data as { member: string | null }[]).map((row) => row.member);
}

test('a member reads in kind words what the moderators see about them and leaves the signals', async ({
	page,
	browser
}) => {
	const nickname = `Noor ${randomUUID().slice(0, 4)}`;
	const els = await signedInClient('moderator@kring.test');

	// Noor joins and writes twice; no one answers or reacts.
	await joinGhent(page, nickname);
	for (const words of ['Weet iemand een goedkope kapper?', 'Ik zoek een fiets voor mijn zoon.']) {
		await page.getByRole('radio', { name: 'Vraag' }).check();
		await page.getByLabel('Je bericht').fill(words);
		await page.getByRole('button', { name: 'Plaatsen' }).click();
		await expect(page.getByRole('article').filter({ hasText: words })).toBeVisible();
	}
	const { data: noorRow, error } = await els
		.from('group_members')
		.select('id')
		.eq('group_id', gent)
		.eq('nickname', nickname)
		.single();
	expect(error).toBeNull();
	const noor = noorRow!.id as string;
	expect(await signalledMembers(els)).toContain(noor);

	// From "Over mij": what the moderators see, in kind words, with no name of a moderator.
	await page.goto('/me');
	await page.getByRole('link', { name: 'Wat Kring over mij bijhoudt' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Wat Kring over mij bijhoudt' })
	).toBeVisible();
	const ghent = page.getByRole('region', { name: 'Praatgroep Gent' });
	await expect(ghent).toContainText(
		'De begeleiders zien dat niemand reageerde op wat je de laatste 30 dagen schreef.'
	);
	await expect(ghent).toContainText(
		'De begeleiders zien dat je in de groep nog met niemand contact had.'
	);
	await expect(ghent).not.toContainText('Els');
	await expect(ghent).toContainText('Je telt dan alleen nog mee in de cijfers van de groep.');
	await expect(page.getByText('Wat andere leden nooit zien')).toBeVisible();
	await expectNoAxeViolations(page);
	await fitsAtDoubleZoom(page);

	// Noor leaves the signals of the group.
	await ghent.getByRole('button', { name: 'Nee, liever niet' }).click();
	await expect(
		ghent.getByRole('status').filter({
			hasText: 'De begeleiders van Praatgroep Gent zien dit niet meer over jou.'
		})
	).toBeVisible();
	await expect(ghent).toContainText(
		'De begeleiders zien hier niets over jou. Zo heb je het gekozen.'
	);
	await expect(ghent).not.toContainText('niemand reageerde');
	await expect(ghent.getByRole('button', { name: 'Ja, dat mag weer' })).toBeVisible();
	await expectNoAxeViolations(page);

	// The moderator no longer sees her in the signals, only that she does not want to be in them.
	expect(await signalledMembers(els)).not.toContain(noor);
	const moderator = await phone(browser);
	await signIn(moderator, 'moderator@kring.test');
	await moderator.goto(`/g/${gent}/inclusion`);
	await expect(moderator.getByText(`${nickname} wil niet in de signalen staan.`)).toBeVisible();
	await expect(moderator.getByText(`${nickname} schreef`)).toHaveCount(0);
});

test('a member is asked how they feel in the group once a month, and not again', async ({
	page
}) => {
	const els = await signedInClient('moderator@kring.test');
	const answersThisMonth = async () => {
		const { data, error } = await els.rpc('climate_summary', { target_group: budget });
		expect(error).toBeNull();
		const months = data as { answers: number }[];
		return months[months.length - 1].answers;
	};
	const before = await answersThisMonth();

	await signIn(page, 'lid@kring.test');
	await page.goto(`/g/${budget}`);
	const question = page.getByRole('region', {
		name: 'Hoe voel je je de laatste tijd in deze groep?'
	});
	await expect(question).toBeVisible();
	for (const face of ['Heel slecht', 'Niet goed', 'Gaat wel', 'Goed', 'Heel goed', 'Niet nu']) {
		await expect(question.getByRole('button', { name: face, exact: true })).toBeVisible();
	}
	await expect(question).toContainText(
		'De begeleiders zien alleen hoeveel mensen elk gezicht kozen, en pas als 5 of meer mensen antwoordden'
	);
	await expectNoAxeViolations(page);
	await fitsAtDoubleZoom(page);

	await question.getByRole('button', { name: 'Goed', exact: true }).click();
	await expect(
		page.getByRole('status').filter({ hasText: 'Dank je. Je antwoord is bewaard, zonder je naam.' })
	).toBeVisible();
	await expect(question).toHaveCount(0);
	expect(await answersThisMonth()).toBe(before + 1);

	// Not asked again this month.
	await page.reload();
	await expect(page.getByRole('heading', { level: 1, name: 'Budgetgroep' })).toBeVisible();
	await expect(
		page.getByRole('region', { name: 'Hoe voel je je de laatste tijd in deze groep?' })
	).toHaveCount(0);
});

test('a member finds an invitation and a buddy request on home, accepts it, and is asked to answer someone', async ({
	page
}) => {
	const tag = randomUUID().slice(0, 4);
	const newcomerName = `Sam ${tag}`;
	const els = await signedInClient('moderator@kring.test');
	const karim = await signedInClient('lid@kring.test');
	const sam = await newcomer(newcomerName);
	const karimInGhent = await membershipId(karim, gent);

	const title = `Koffie en koekjes ${tag}`;
	const meetup = await createMeetup(els, { target_group: gent, title, starts_at: inHours(50) });
	const invited = await els.rpc('invite_to_meetup', {
		client_id: randomUUID(),
		meetup,
		member: karimInGhent
	});
	expect(invited.error).toBeNull();
	const asked = await els.rpc('ask_buddy', {
		client_id: randomUUID(),
		target_group: gent,
		newcomer: await membershipId(sam, gent),
		buddy: karimInGhent
	});
	expect(asked.error).toBeNull();
	const post = await sam.rpc('create_post', {
		client_id: randomUUID(),
		target_group: gent,
		kind: 'question',
		body: `Waar kan ik gratis wifi vinden? (${tag})`,
		anonymous: false
	});
	expect(post.error).toBeNull();
	const nudged = await els.rpc('ask_to_answer', {
		client_id: randomUUID(),
		post: post.data as string,
		member: karimInGhent
	});
	expect(nudged.error).toBeNull();

	await signIn(page, 'lid@kring.test');
	const invitations = page.getByRole('region', { name: 'Uitnodigingen voor jou' });
	await expect(invitations).toContainText(`De begeleiders nodigen je uit voor ${title} op`);
	const buddy = page.getByRole('form', { name: new RegExp(newcomerName) });
	await expect(buddy).toContainText(
		`De begeleiders vragen of jij het maatje wil zijn van ${newcomerName} in Praatgroep Gent.`
	);
	await expectNoAxeViolations(page);
	await fitsAtDoubleZoom(page);

	await buddy.getByRole('button', { name: 'Ja, graag' }).click();
	await expect(
		page.getByRole('status').filter({ hasText: 'Dank je! Je bent nu een maatje.' })
	).toBeVisible();
	await expect(buddy).toHaveCount(0);
	const told = await sam.rpc('page_notifications', {});
	expect(told.error).toBeNull();
	expect(told.data!.map((row) => row.kind)).toContain('buddy_accepted');

	// The invitation leads to the meetup, where the answer is.
	await invitations.getByRole('link').filter({ hasText: title }).click();
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();

	// In the notifications: the moderators ask him to answer Sam, and the link leads to the post.
	// Opening the list marks what it shows as read, once.
	let marked = 0;
	page.on('request', (request) => {
		if (request.method() === 'POST' && request.url().endsWith('/notifications?/read')) marked++;
	});
	await page.goto('/notifications');
	await expect(page.getByRole('link', { name: 'Meldingen', exact: true })).toBeVisible();
	await expect(page.getByText(`De begeleiders nodigen je uit voor ${title}`)).toBeVisible();
	await expect(
		page.getByText(`De begeleiders vragen of jij het maatje wil zijn van ${newcomerName}.`)
	).toBeVisible();
	await expectNoAxeViolations(page);
	expect(marked).toBe(1);
	await page.getByRole('link', { name: `Wil jij ${newcomerName} een antwoord geven?` }).click();
	await expect(page.getByText(`Waar kan ik gratis wifi vinden? (${tag})`)).toBeVisible();

	// What Kring keeps about him says the moderators invited him, and not which moderator.
	await page.goto('/me/inclusion');
	const ghent = page.getByRole('region', { name: 'Praatgroep Gent' });
	const invitation = ghent.getByRole('listitem').filter({
		hasText: `De begeleiders nodigden je uit voor ${title}.`
	});
	await expect(invitation.getByRole('link', { name: 'Naar de bijeenkomst' })).toBeVisible();
	await expect(ghent).not.toContainText('Els');
	await expectNoAxeViolations(page);

	// Answering the meetup answers the invitation: home no longer shows it.
	await rsvp(karim, meetup, 'not_going');
	await page.goto('/home');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expect(page.getByRole('region', { name: 'Uitnodigingen voor jou' })).toHaveCount(0);
});
