// The tap on "vernieuwen" reloads the page (issue 13, attack review 21): every word being typed
// must still be there after it, in the form it was typed in, also words for the "Melden" menu,
// whose form the browser loads only when the menu opens. The app is served by this spec itself,
// as in app-updates-on-tap.spec.ts, so the next build can replace it on the same address.
import { randomUUID } from 'node:crypto';
import { expect, test } from './fixtures';
import { gent, signIn } from './people';
import { signedInClient } from './platform-file';
import { forgetNextBuild, nextBuild, ownApp } from './own-app';

const app = await ownApp();

test.use({ serviceWorkers: 'allow', baseURL: app.origin });

let next = '';

test.beforeAll(async () => {
	next = await nextBuild();
});

test.afterAll(async () => {
	await app.stop();
	await forgetNextBuild(next);
});

test('an update keeps the words of an open "Melden" menu and an answer typed below it', async ({
	page
}) => {
	await app.start('build');
	await signIn(page, 'lid@kring.test');
	await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
	// A post by Els, with an answer, for Karim to read.
	const els = await signedInClient('moderator@kring.test');
	const post = await els.rpc('create_post', {
		client_id: randomUUID(),
		target_group: gent,
		kind: 'question',
		body: `Wie kent een goede huisarts? (${randomUUID().slice(0, 6)})`,
		anonymous: false
	});
	expect(post.error).toBeNull();
	const comment = await els.rpc('create_comment', {
		client_id: randomUUID(),
		post: post.data as string,
		body: 'Ik vraag het na.',
		anonymous: false
	});
	expect(comment.error).toBeNull();
	await page.goto(`/g/${gent}/p/${post.data as string}`);
	await page.waitForLoadState('networkidle');

	// The post's "Melden" menu open, words typed in it; an answer typed further down.
	const menu = page.locator('main details').filter({ hasText: 'Melden' }).first();
	await menu.locator('summary').click();
	const reportWords = menu.getByLabel('Wil je iets uitleggen? Dat mag, het hoeft niet.');
	await reportWords.fill('Dit gaat over mijn buurvrouw, met haar naam erbij');
	const answer = page.getByLabel('Je antwoord', { exact: true });
	await answer.fill('Half geschreven antwoord, niet weggooien');

	await app.stop();
	await app.start(next);
	await page.evaluate(() =>
		navigator.serviceWorker.getRegistration().then((registration) => registration?.update())
	);
	const offer = page.getByRole('button', { name: 'vernieuwen' });
	await expect(offer).toBeVisible();
	await Promise.all([page.waitForEvent('load'), offer.click()]);
	await expect(offer).toHaveCount(0);

	await expect(answer).toHaveValue('Half geschreven antwoord, niet weggooien');
	await expect(menu).toHaveAttribute('open', '');
	await expect(reportWords).toHaveValue('Dit gaat over mijn buurvrouw, met haar naam erbij');
	// Nowhere else: no other field holds the words.
	const holding = await page.evaluate(
		() =>
			[...document.querySelectorAll('textarea')].filter((t) => t.value.includes('buurvrouw')).length
	);
	expect(holding).toBe(1);
});
