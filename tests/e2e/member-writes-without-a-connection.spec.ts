// A member on a bus: what they write without a connection waits on the phone, marked as waiting,
// and goes out once the connection is back, exactly once. What the server refuses meanwhile is
// said in words with the text kept to copy; and another person signing in on the same phone
// never sends or sees it.
import { randomUUID } from 'node:crypto';
import type { BrowserContext, Page } from '@playwright/test';
import pg from 'pg';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { createMeetup, gent, joinGhent, signIn } from './people';
import { outboxItemsOnPhone } from './outbox-on-phone';
import { e2ePlatform, signedInClient } from './platform-file';

async function database() {
	const db = new pg.Client({ connectionString: (await e2ePlatform()).dbUrl });
	await db.connect();
	return db;
}

/** How many times each of these texts is a post in the database. */
async function postsWith(db: pg.Client, bodies: string[]): Promise<number[]> {
	const { rows } = await db.query<{ body: string; n: number }>(
		'select body, count(*)::int as n from public.posts where body = any($1) group by body',
		[bodies]
	);
	return bodies.map((body) => rows.find((row) => row.body === body)?.n ?? 0);
}

/**
 * Once the page's script runs: before that a form would be sent the old way, and fail offline.
 * It has when the network is quiet, or when the feed said "seen" (only its script does, with a
 * keepalive request whose end Playwright never sees, so the network never looks quiet then).
 */
async function open(page: Page, address: string) {
	const seen = page.waitForResponse((response) => response.url().endsWith('?/seen'));
	await page.goto(address);
	await Promise.race([page.waitForLoadState('networkidle'), seen]);
	seen.catch(() => undefined);
}

async function writePost(page: Page, text: string) {
	await page.getByRole('textbox', { name: 'Je bericht' }).fill(text);
	await page.getByRole('button', { name: 'Plaatsen' }).click();
	// Taken (sent, or kept to send): the form is empty and ready for the next one.
	await expect(page.getByRole('textbox', { name: 'Je bericht' })).toHaveValue('');
	await expect(page.getByRole('button', { name: 'Plaatsen' })).toBeEnabled();
}

const waitingPost = (page: Page, text: string) =>
	page.getByRole('article').filter({ hasText: text }).filter({ hasText: 'Wacht om te versturen' });

test('a post and an answer to a meetup made offline arrive once when the connection is back', async ({
	page,
	context
}) => {
	const db = await database();
	try {
		const els = await signedInClient('moderator@kring.test');
		const title = `Fietstocht ${randomUUID().slice(0, 6)}`;
		const meetup = await createMeetup(els, {
			target_group: gent,
			title,
			starts_at: new Date(Date.now() + 2 * 86_400_000).toISOString()
		});
		const nickname = `Bus ${randomUUID().slice(0, 6)}`;
		await joinGhent(page, nickname);
		await open(page, `/g/${gent}`);
		// The meetup in a second tab of the same phone, opened while there was a connection.
		const meetupPage = await context.newPage();
		await open(meetupPage, `/m/${meetup}`);

		await context.setOffline(true);
		const text = `Wie gaat er mee naar de voedselbank? (${randomUUID().slice(0, 6)})`;
		await writePost(page, text);
		await expect(waitingPost(page, text)).toBeVisible();
		await expect(
			page.getByRole('status').filter({ hasText: 'Nog te versturen: 1.' })
		).toBeVisible();
		await expectNoAxeViolations(page);

		await meetupPage.getByRole('button', { name: /Ik kom/ }).click();
		await expect(meetupPage.getByText('Ik kom: Wacht om te versturen')).toBeVisible();

		await context.setOffline(false);
		await expect(page.getByRole('article').filter({ hasText: text })).toBeVisible();
		await expect(waitingPost(page, text)).toHaveCount(0);
		await expect(meetupPage.getByText('Je komt', { exact: true })).toBeVisible();
		await expect(meetupPage.getByText('Wacht om te versturen')).toHaveCount(0);

		// Both tabs flushed what they knew of; the database holds each write once.
		expect(await postsWith(db, [text])).toEqual([1]);
		const { rows } = await db.query(
			`select r.status from public.rsvps r join public.group_members gm on gm.id = r.member_id
			where r.meetup_id = $1 and gm.nickname = $2`,
			[meetup, nickname]
		);
		expect(rows).toEqual([{ status: 'going' }]);
		// Opened again, nothing waits any more.
		await open(page, `/g/${gent}`);
		await expect(page.getByText('Nog te versturen')).toHaveCount(0);
		expect(await postsWith(db, [text])).toEqual([1]);
	} finally {
		await db.end();
	}
});

test('twenty posts while the connection comes and goes twenty times: all arrive, none twice', async ({
	page,
	context
}) => {
	test.setTimeout(120_000);
	const db = await database();
	try {
		await joinGhent(page, `Trein ${randomUUID().slice(0, 6)}`);
		await open(page, `/g/${gent}`);
		const tag = randomUUID().slice(0, 6);
		const texts = Array.from({ length: 20 }, (_, i) => `Bericht ${i + 1} van de trein (${tag})`);
		for (const [i, text] of texts.entries()) {
			await page.getByRole('textbox', { name: 'Je bericht' }).fill(text);
			await page.getByRole('button', { name: 'Plaatsen' }).click();
			// The connection flips right after the tap: some posts leave and lose their answer.
			await context.setOffline(i % 2 === 0);
			await expect(page.getByRole('textbox', { name: 'Je bericht' })).toHaveValue('');
			await expect(page.getByRole('button', { name: 'Plaatsen' })).toBeEnabled();
		}
		await context.setOffline(false);
		await expect.poll(() => postsWith(db, texts), { timeout: 60_000 }).toEqual(texts.map(() => 1));
		await expect(page.getByText('Nog te versturen')).toHaveCount(0);
		await expect(page.getByText('is niet verstuurd')).toHaveCount(0);
		expect(await postsWith(db, texts)).toEqual(texts.map(() => 1));
	} finally {
		await db.end();
	}
});

test('the connection dropping as the page loads afresh after a post went out keeps what is being typed', async ({
	page,
	context
}) => {
	const db = await database();
	try {
		await joinGhent(page, `Tunnel ${randomUUID().slice(0, 6)}`);
		await open(page, `/g/${gent}`);
		await context.setOffline(true);
		const text = `Wie heeft er een fietspomp? (${randomUUID().slice(0, 6)})`;
		await writePost(page, text);
		// The member types the next one while the first waits.
		const next = `En wie gaat er zaterdag mee? (${randomUUID().slice(0, 6)})`;
		await page.getByRole('textbox', { name: 'Je bericht' }).fill(next);

		// The connection comes back, the post goes out, and the connection drops again just as the
		// page loads afresh to show it: the page stays as it is, with the words being typed.
		const dropped = new Promise<void>((resolve) => {
			void page.route(
				'**/__data.json*',
				async (route) => {
					await context.setOffline(true);
					await route.abort('internetdisconnected');
					resolve();
				},
				{ times: 1 }
			);
		});
		await context.setOffline(false);
		await dropped;
		await expect.poll(() => postsWith(db, [text])).toEqual([1]);
		await expect(page.getByRole('textbox', { name: 'Je bericht' })).toHaveValue(next);

		// Back again: the post shows as arrived, and the words are still there to send.
		await context.setOffline(false);
		await expect(page.getByRole('article').filter({ hasText: text })).toBeVisible();
		await expect(waitingPost(page, text)).toHaveCount(0);
		await expect(page.getByRole('textbox', { name: 'Je bericht' })).toHaveValue(next);
		await page.getByRole('button', { name: 'Plaatsen' }).click();
		await expect.poll(() => postsWith(db, [text, next])).toEqual([1, 1]);
	} finally {
		await db.end();
	}
});

test('a post the group refuses meanwhile is said in words, its text kept until dismissed', async ({
	page,
	context
}) => {
	const db = await database();
	try {
		const nickname = `Pauze ${randomUUID().slice(0, 6)}`;
		await joinGhent(page, nickname);
		await open(page, `/g/${gent}`);
		await context.setOffline(true);
		const text = `Ik ben boos op de gemeente (${randomUUID().slice(0, 6)})`;
		await writePost(page, text);
		await expect(waitingPost(page, text)).toBeVisible();

		// Meanwhile the moderators give this member a break.
		const { rows } = await db.query<{ id: string }>(
			'select id from public.group_members where group_id = $1 and nickname = $2',
			[gent, nickname]
		);
		const els = await signedInClient('moderator@kring.test');
		const muted = await els.rpc('mute_member', {
			member: rows[0].id,
			days: 1,
			reason: 'Even rust.'
		});
		expect(muted.error).toBeNull();

		await context.setOffline(false);
		const refused = page.getByRole('region', {
			name: 'Je bericht in Praatgroep Gent is niet verstuurd.'
		});
		await expect(refused).toBeVisible();
		await expect(refused.getByText(/^Je hebt een pauze/)).toBeVisible();
		await expect(refused.getByLabel('Wat je schreef')).toHaveValue(text);
		await expect(waitingPost(page, text)).toHaveCount(0);
		expect(await postsWith(db, [text])).toEqual([0]);
		await expectNoAxeViolations(page);

		// Still there on the next visit, until the member dismisses it.
		await open(page, '/home');
		await expect(refused).toBeVisible();
		await refused.getByRole('button', { name: 'Wissen' }).click();
		await expect(refused).toHaveCount(0);
		await open(page, '/home');
		await expect(refused).toHaveCount(0);
		expect(await postsWith(db, [text])).toEqual([0]);
	} finally {
		await db.end();
	}
});

test("someone else signing in on the same phone neither sees nor sends the first person's post", async ({
	page,
	context
}) => {
	const db = await database();
	try {
		await signIn(page, 'lid@kring.test');
		await open(page, `/g/${gent}`);
		await context.setOffline(true);
		const text = `Karim schreef dit op de bus (${randomUUID().slice(0, 6)})`;
		await writePost(page, text);
		await expect(waitingPost(page, text)).toBeVisible();

		// Karim's session ends and Els signs in on the same phone, with Karim's tab still open.
		await context.clearCookies();
		await context.setOffline(false);
		const els = await context.newPage();
		await signIn(els, 'moderator@kring.test');
		await open(els, `/g/${gent}`);
		await expect(els.getByText(text)).toHaveCount(0);
		await expect(els.getByText('Nog te versturen')).toHaveCount(0);
		// Karim's tab tries again (as when the connection comes back), as Karim: the server turns it
		// away, for Els is signed in now.
		const turnedAway = page.waitForResponse(
			(response) => response.url().endsWith('?/post') && response.status() === 409
		);
		await page.evaluate(() => dispatchEvent(new Event('online')));
		await turnedAway;
		expect(await postsWith(db, [text])).toEqual([0]);
		await signOut(els, context);

		// Karim signs in again: his post goes out, as his, once.
		await signIn(els, 'lid@kring.test');
		await expect.poll(() => postsWith(db, [text]), { timeout: 30_000 }).toEqual([1]);
		const { rows } = await db.query(
			`select u.email from public.posts p join public.post_authors a on a.post_id = p.id
			join auth.users u on u.id = a.author_id where p.body = $1`,
			[text]
		);
		expect(rows).toEqual([{ email: 'lid@kring.test' }]);
	} finally {
		await db.end();
	}
});

test('signing out with a write still on the phone: told first, and it leaves with the person', async ({
	page,
	context
}) => {
	const db = await database();
	try {
		const nickname = `Gedeeld ${randomUUID().slice(0, 6)}`;
		await joinGhent(page, nickname);
		await open(page, `/g/${gent}`);
		await context.setOffline(true);
		const text = `Dit blijft op de telefoon (${randomUUID().slice(0, 6)})`;
		await writePost(page, text);
		// Refused, so it stays: the moderators gave a break meanwhile.
		const { rows } = await db.query<{ id: string }>(
			'select id from public.group_members where group_id = $1 and nickname = $2',
			[gent, nickname]
		);
		const els = await signedInClient('moderator@kring.test');
		expect(
			(await els.rpc('mute_member', { member: rows[0].id, days: 1, reason: 'Even rust.' })).error
		).toBeNull();
		await context.setOffline(false);
		await expect(page.getByLabel('Wat je schreef')).toHaveValue(text);

		await open(page, '/me');
		await page.getByRole('button', { name: 'Afmelden' }).click();
		await expect(
			page.getByRole('alert').filter({
				hasText: 'Nog niet verstuurd: 1. Als je nu afmeldt, wordt dat van deze telefoon gewist.'
			})
		).toBeVisible();
		await expect(page).toHaveURL(/\/me$/);
		await expectNoAxeViolations(page);
		await page.getByRole('button', { name: 'Toch afmelden' }).click();
		await expect(page).toHaveURL(/\/$/);
		expect(await outboxItemsOnPhone(page)).toBe(0);
	} finally {
		await db.end();
	}
});

async function signOut(page: Page, context: BrowserContext) {
	await open(page, '/me');
	await page.getByRole('button', { name: 'Afmelden' }).click();
	await expect(page).toHaveURL(/\/$/);
	expect((await context.cookies()).filter((cookie) => cookie.name.includes('auth'))).toEqual([]);
}
