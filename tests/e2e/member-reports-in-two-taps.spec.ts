// Reporting takes two taps: "Melden", then the reason, which sends it. The reporter hears that
// only the moderators see it and that no one else knows who sent it; a second report of the same
// thing is said to be already there. Without JavaScript the same form works, answered on a page.
import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { devices } from '@playwright/test';
import { expect, expectNoAxeViolations, expectNoHorizontalScroll, test } from './fixtures';
import { gent, signIn } from './people';
import { signedInClient } from './platform-file';

const sent = 'De begeleiders zien wat je meldde. Niemand anders weet dat jij het meldde.';

/** A post by Els in the Ghent group, and an answer to it by her, for Karim to report. */
async function postWithAnswer(mark: string) {
	const els = await signedInClient('moderator@kring.test');
	const body = `Wie helpt mee met de soep op dinsdag? (${mark})`;
	const answer = `Ik breng groenten mee. (${mark})`;
	const post = await els.rpc('create_post', {
		client_id: randomUUID(),
		target_group: gent,
		kind: 'question',
		body,
		anonymous: false
	});
	expect(post.error).toBeNull();
	const comment = await els.rpc('create_comment', {
		client_id: randomUUID(),
		post: post.data as string,
		body: answer,
		anonymous: false
	});
	expect(comment.error).toBeNull();
	return { body, answer, path: `/g/${gent}/p/${post.data as string}` };
}

test('a member reports a post in two taps, hears who sees it, and is told when it was already sent', async ({
	page
}) => {
	const { body } = await postWithAnswer(randomUUID().slice(0, 6));
	await signIn(page, 'lid@kring.test');
	await page.goto(`/g/${gent}`);
	const post = page.getByRole('article').filter({ hasText: body });

	// Tap 1: the menu opens with the reasons; words are optional.
	await post.getByText('Melden').click();
	await expect(post.getByRole('group', { name: 'Waarom meld je dit?' })).toBeVisible();
	await expectNoAxeViolations(page);
	// At 200% zoom on a 360 px phone (180 px wide) the open menu fits.
	const size = page.viewportSize()!;
	await page.setViewportSize({ width: 180, height: size.height });
	await expectNoHorizontalScroll(page);
	await page.setViewportSize(size);

	// Tap 2: the reason sends it; the answer is said where the person is.
	await post.getByRole('button', { name: 'Iemand wordt buitengesloten' }).click();
	await expect(post.getByRole('status')).toHaveText(sent);
	await expect(post.getByRole('button', { name: 'Iemand wordt buitengesloten' })).toBeHidden();
	await expectNoAxeViolations(page);

	// Again, with words: it was already sent, and nothing more is counted.
	await page.reload();
	await post.getByText('Melden').click();
	await post.getByLabel('Wil je iets uitleggen?').fill('Het blijft maar duren.');
	await post.getByRole('button', { name: 'Niet respectvol' }).click();
	await expect(post.getByRole('status')).toHaveText(
		'Je had dit al gemeld. De begeleiders zien het.'
	);

	// Karim's own posts and answers have no "Melden".
	const mine = page.getByRole('article').filter({ hasText: 'door jou' });
	for (const own of await mine.all()) await expect(own.getByText('Melden')).toHaveCount(0);
});

test('without JavaScript, an answer is reported with the same two taps and the answer comes on a page', async ({
	browser
}) => {
	const { answer, path } = await postWithAnswer(randomUUID().slice(0, 6));
	const context = await browser.newContext({
		...devices['Pixel 7'],
		locale: 'nl-BE',
		javaScriptEnabled: false
	});
	const page = await context.newPage();
	await signIn(page, 'lid@kring.test');
	await page.goto(path);
	const card = page.getByRole('article').filter({ hasText: answer });
	await card.getByText('Melden').click();
	await card.getByRole('button', { name: 'Verkoop of reclame' }).click();

	await expect(page.getByRole('heading', { level: 1, name: 'Melden' })).toBeVisible();
	await expect(page.getByRole('status').filter({ hasText: sent })).toBeVisible();
	// (No axe here: it runs as a script, and this phone runs none.)
	await page.getByRole('link', { name: 'Terug' }).click();
	await expect(page).toHaveURL(new RegExp(`${path}$`));
	await context.close();
});

test('offline without the service worker, "Melden" says there is no connection, and works once it is back', async ({
	page,
	context
}) => {
	const { body } = await postWithAnswer(randomUUID().slice(0, 6));
	await signIn(page, 'lid@kring.test');
	// Once the page's script runs (the feed then says "seen"): the menu's form is loaded at the
	// first tap, and offline with no service worker it cannot come.
	const seen = page.waitForResponse((response) => response.url().endsWith('?/seen'));
	await page.goto(`/g/${gent}`);
	await seen;
	const post = page.getByRole('article').filter({ hasText: body });
	const reasons = post.getByRole('group', { name: 'Waarom meld je dit?' });

	await context.setOffline(true);
	await post.getByText('Melden').click();
	await expect(post.getByRole('alert')).toHaveText(
		'Je hebt nu geen verbinding. Melden kan weer zodra je verbinding hebt.'
	);
	await expect(reasons).toBeHidden();
	await expectNoAxeViolations(page);
	// Still offline, trying again says the same.
	await post.getByRole('button', { name: 'Opnieuw proberen' }).click();
	await expect(post.getByRole('alert')).toHaveText(/geen verbinding/);

	// The connection is back: the menu gets its form by itself, and the report goes.
	await context.setOffline(false);
	await expect(reasons).toBeVisible();
	await expect(post.getByRole('alert')).toBeHidden();
	await post.getByRole('button', { name: 'Iemand wordt buitengesloten' }).click();
	await expect(post.getByRole('status')).toHaveText(sent);
});

test('a moderator has no "Melden" on what members wrote: they act on it themselves', async ({
	page
}) => {
	const reportMenus = (on: Page) => on.locator('main summary').filter({ hasText: /^Melden/ });
	await signIn(page, 'moderator@kring.test');
	await page.goto(`/g/${gent}`);
	const byGrace = page.getByRole('article').filter({ hasText: 'door Grace' }).first();
	await expect(byGrace).toBeVisible();
	await expect(page.getByRole('article').first()).toBeVisible();
	await expect(reportMenus(page)).toHaveCount(0);
	await byGrace.getByRole('link', { name: /Lees en antwoord/ }).click();
	await expect(page.getByText('I can help you on Tuesday after the meeting.')).toBeVisible();
	await expect(reportMenus(page)).toHaveCount(0);
});

test("the moderators' queue and item read as sentences, with spaces between their parts", async ({
	page
}) => {
	const mark = randomUUID().slice(0, 6);
	const karim = await signedInClient('lid@kring.test');
	const els = await signedInClient('moderator@kring.test');
	const posted = await karim.rpc('create_post', {
		client_id: randomUUID(),
		target_group: gent,
		kind: 'story',
		body: `Iets om te melden (${mark}).`,
		anonymous: false
	});
	expect(posted.error).toBeNull();
	const reported = await els.rpc('create_report', {
		client_id: randomUUID(),
		reason: 'spam',
		post: posted.data as string
	});
	expect(reported.error).toBeNull();
	await signIn(page, 'moderator@kring.test');
	await page.goto(`/g/${gent}/moderation`);
	const item = page.getByRole('listitem').filter({ hasText: mark });
	await expect(item.locator('.what')).toHaveText(/^Een bericht dat gemeld werd · van Karim\s*$/);

	const hidden = await els.rpc('hide_post', { post: posted.data as string, reason: 'Reclame.' });
	expect(hidden.error).toBeNull();
	await page.goto(`/g/${gent}/moderation/item?post=${posted.data}`);
	await expect(page.locator('main .hidden').first()).toHaveText(
		/^\s*Verborgen voor de leden\. Reden: Reclame\.\s*$/
	);
});

test("the moderators' entry with its count fits 200% zoom in French", async ({ page }) => {
	const els = await signedInClient('moderator@kring.test');
	const me = (await els.auth.getUser()).data.user!.id;
	const speak = async (language: string) => {
		const { error } = await els.from('profiles').update({ language }).eq('id', me);
		expect(error).toBeNull();
	};
	const karim = await signedInClient('lid@kring.test');
	const posted = await karim.rpc('create_post', {
		client_id: randomUUID(),
		target_group: gent,
		kind: 'story',
		body: 'Nog iets om te melden.',
		anonymous: false
	});
	expect(posted.error).toBeNull();
	const reported = await els.rpc('create_report', {
		client_id: randomUUID(),
		reason: 'other',
		post: posted.data as string
	});
	expect(reported.error).toBeNull();
	await speak('fr');
	try {
		await signIn(page, 'moderator@kring.test');
		await page.goto(`/g/${gent}/moderation`);
		const entry = page.getByRole('link', { name: /^Signalements pour l'équipe d'animation : \d+/ });
		await expect(entry).toBeVisible();
		await page.setViewportSize({ width: 180, height: 800 });
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
		expect(overflow, 'the page scrolls sideways at 200% zoom').toBeLessThanOrEqual(0);
	} finally {
		await speak('nl');
	}
});
