// Issue 10's first journey, on phones: a member reports an answer because someone is being left
// out; the moderator finds it in the queue with the answer in its place under the post, hides it
// with a reason and writes to its author. The author sees the answer marked hidden with the
// reason, and the message; the reporter learns nothing about what happened to the author; another
// member no longer sees the answer.
import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, expectNoHorizontalScroll, test } from './fixtures';
import { gent, ghentInvite, phone, signIn } from './people';
import { signedInClient } from './platform-file';

/**
 * Joins Ghent once the join page's scripts run: its address is a key, sent with no referrer, so
 * a form sent before then goes out with "Origin: null" and is refused as cross-site (403).
 */
async function joinGhentOnceLoaded(page: Page, nickname: string) {
	await page.goto(ghentInvite);
	await page.waitForLoadState('networkidle');
	await page.getByLabel('Bijnaam').fill(nickname);
	await page.getByLabel('Ik ga akkoord met deze afspraken').check();
	await page.getByRole('button', { name: 'Ik doe mee' }).click();
	await expect(page).toHaveURL(new RegExp(`/g/${gent}$`));
}

/** At 200% zoom a 360 px phone is 180 px wide. */
async function atDoubleZoom(page: Page, check: () => Promise<void>) {
	const size = page.viewportSize()!;
	await page.setViewportSize({ width: 180, height: size.height });
	await check();
	await page.setViewportSize(size);
}

test('a reported answer that leaves someone out is hidden with a reason, and its author hears why', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const mark = randomUUID().slice(0, 6);
	const question = `Wie gaat er zaterdag mee naar de markt? (${mark})`;
	const answer = `Alleen wie een auto heeft mag mee, de anderen niet. (${mark})`;
	const reason = 'Iedereen mag mee, ook zonder auto.';
	const message = 'Dag Ruben, we vragen je om iedereen mee te laten doen. Wil je erover praten?';

	// Els, the group's moderator, asks; Ruben, new in the group, answers in a way that leaves
	// people out.
	const elsClient = await signedInClient('moderator@kring.test');
	const { data: post, error } = await elsClient.rpc('create_post', {
		client_id: randomUUID(),
		target_group: gent,
		kind: 'question',
		body: question,
		anonymous: false
	});
	expect(error).toBeNull();
	const postPage = `/g/${gent}/p/${post as string}`;
	// Els answers first herself: an answer no one reports.
	const elsAnswer = await elsClient.rpc('create_comment', {
		client_id: randomUUID(),
		post: post as string,
		body: `Ik ga zeker mee. (${mark})`,
		anonymous: false
	});
	expect(elsAnswer.error).toBeNull();

	const ruben = await phone(browser);
	await joinGhentOnceLoaded(ruben, `Ruben ${mark}`);
	await ruben.goto(postPage);
	await ruben.getByLabel('Je antwoord').fill(answer);
	await ruben.getByRole('button', { name: 'Antwoorden' }).click();
	await expect(ruben.getByText(answer)).toBeVisible();

	// Fien, another member, sees the answer for now.
	const fien = await phone(browser);
	await joinGhentOnceLoaded(fien, `Fien ${mark}`);
	await fien.goto(postPage);
	await expect(fien.getByText(answer)).toBeVisible();

	// Karim reports it in two taps: "Melden", then the reason.
	const karim = await phone(browser);
	await signIn(karim, 'lid@kring.test');
	await karim.goto(postPage);
	const answerCard = karim.getByRole('article').filter({ hasText: answer });
	await answerCard.getByText('Melden').click();
	await answerCard.getByRole('button', { name: 'Iemand wordt buitengesloten' }).click();
	await expect(karim.getByText('De begeleiders zien wat je meldde.')).toBeVisible();

	// Els sees it in the queue, counted in the group's navigation; only moderators have it.
	await expect(fien.getByRole('link', { name: /Gemeld aan de begeleiders/ })).toHaveCount(0);
	for (const path of ['', '/log', `/item?comment=${post as string}`]) {
		const response = await fien.goto(`/g/${gent}/moderation${path}`);
		expect(response?.status(), `a member opens /moderation${path}`).toBe(404);
	}
	const els = await phone(browser);
	await signIn(els, 'moderator@kring.test');
	await els.goto(`/g/${gent}`);
	await els.getByRole('link', { name: /^Gemeld aan de begeleiders: \d+ open$/ }).click();
	await expect(
		els.getByRole('heading', { level: 1, name: 'Gemeld aan de begeleiders' })
	).toBeVisible();
	const reported = els.getByRole('listitem').filter({ hasText: answer });
	await expect(reported).toContainText('Een antwoord dat gemeld werd');
	await expect(reported).toContainText(`van Ruben ${mark}`);
	await expect(reported).toContainText('Aantal mensen die dit meldden: 1');
	await expect(reported).toContainText('Iemand wordt buitengesloten');
	// Who reported is shown to no one, not even the moderators. (Karim may be named above it, in a
	// thread where he wrote to the moderators himself.)
	await expect(reported).not.toContainText('Karim');
	await expectNoAxeViolations(els);
	await atDoubleZoom(els, () => expectNoHorizontalScroll(els));

	// The answer in its place: under the question, marked as the one reported.
	await reported.getByRole('link', { name: /Bekijken en beslissen/ }).click();
	await expect(els.getByText(question)).toBeVisible();
	const marked = els.getByRole('article').filter({ hasText: 'Dit antwoord werd gemeld' });
	await expect(marked).toContainText(answer);
	// Screen readers hear "gemeld" only on what was reported, as the eye sees the flag only there.
	await expect(els.getByRole('article', { name: 'Een antwoord dat gemeld werd' })).toHaveCount(1);
	await expect(els.getByRole('article', { name: /^Antwoord, door / })).toHaveCount(1);
	await expect(els.getByRole('article', { name: 'Het bericht', exact: true })).toHaveCount(1);
	await expectNoAxeViolations(els);

	// Hiding asks why; without a reason nothing happens and Els is told so.
	await els.getByText('Verbergen voor de leden').click();
	const hiding = els.getByRole('form', { name: 'Verbergen voor de leden' });
	await hiding.getByRole('button', { name: 'Ja, verbergen' }).click();
	await expect(hiding.getByText("Kies een reden, of kies 'Ik schrijf het zelf'.")).toBeVisible();
	await hiding.getByLabel('Hierdoor voelt iemand zich buitengesloten.').check();
	await hiding.getByLabel('Eigen woorden').fill(reason);
	await hiding.getByRole('button', { name: 'Ja, verbergen' }).click();
	await expect(
		els.getByRole('status').filter({ hasText: 'Verborgen. De leden zien het niet meer.' })
	).toBeVisible();
	await expect(marked).toContainText('Verborgen voor de leden.');
	await expect(marked).toContainText(reason);

	// And a private message to Ruben, from "the moderators".
	const writing = `Een bericht sturen aan Ruben ${mark}`;
	await els.getByText(writing).click();
	await els.getByRole('form', { name: writing }).getByLabel('Je bericht').fill(message);
	await els
		.getByRole('form', { name: writing })
		.getByRole('button', { name: 'Bericht sturen' })
		.click();
	await expect(
		els.getByRole('status').filter({ hasText: 'Je bericht is verstuurd' })
	).toBeVisible();
	await expectNoAxeViolations(els);
	await atDoubleZoom(els, () => expectNoHorizontalScroll(els));

	// The log says who did what and why.
	await els.goto(`/g/${gent}/moderation/log`);
	const logged = els.getByRole('listitem').filter({ hasText: 'Verborgen voor de leden' }).first();
	await expect(logged).toContainText('door Els');
	await expect(logged).toContainText(reason);
	await expectNoAxeViolations(els);

	// Ruben still sees his answer, marked hidden, with the reason; and the message on his page
	// of what the moderators did, from "the moderators", not from Els.
	await ruben.goto(postPage);
	const own = ruben.getByRole('article').filter({ hasText: answer });
	await expect(own).toContainText('Verborgen door de begeleiders');
	await expect(own).toContainText(reason);
	await ruben.goto('/me/moderation');
	await expect(ruben.getByText(message, { exact: true })).toBeVisible();
	await expect(ruben.getByText(reason).first()).toBeVisible();
	await expect(ruben.locator('main')).not.toContainText('Els');

	// Karim, who reported it, and Fien no longer see the answer; nothing tells Karim what was
	// done to Ruben.
	for (const member of [karim, fien]) {
		await member.goto(postPage);
		await expect(member.getByText(question)).toBeVisible();
		await expect(member.getByText(answer)).toHaveCount(0);
		await expect(member.locator('main')).not.toContainText(reason);
		await expect(member.locator('main')).not.toContainText('Verborgen');
	}
	await karim.goto('/me/moderation');
	await expect(karim.locator('main')).not.toContainText(reason);
	await expect(karim.locator('main')).not.toContainText('Ruben');
});
