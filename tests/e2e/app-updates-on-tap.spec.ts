// A new version of Kring reaches a member's phone (issue 13): the page offers it and applies it
// only when they tap "vernieuwen"; what they were typing is still there after it.
// The app is served here by this spec itself (the same platform as the other journeys), so that
// it can be replaced by the next build on the same address while the phone keeps its worker.
import { expect, test } from './fixtures';
import { signIn } from './people';
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

test('a new version is offered, waits for the tap, and keeps what was being typed', async ({
	page
}) => {
	await app.start('build');
	await signIn(page, 'lid@kring.test');
	await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
	await page.locator('main a[href^="/g/"]').first().click();
	await expect(page).toHaveURL(/\/g\/[0-9a-f-]{36}$/);
	const composer = page.locator('main textarea[name=body]').first();
	await composer.fill('Half geschreven, niet weggooien');
	await page.evaluate(() => ((window as unknown as { sameLoad: boolean }).sameLoad = true));

	await app.stop();
	await app.start(next);
	// What the browser does by itself now and then (and Kring when the app comes back to the front).
	await page.evaluate(() =>
		navigator.serviceWorker.getRegistration().then((registration) => registration?.update())
	);

	const offer = page.getByRole('button', { name: 'vernieuwen' });
	await expect(offer).toBeVisible();
	await expect(page.getByText('Er is een nieuwe versie')).toBeVisible();
	// Nothing happens without the tap: the same page, the text as typed.
	expect(await page.evaluate(() => (window as unknown as { sameLoad?: boolean }).sameLoad)).toBe(
		true
	);
	await expect(composer).toHaveValue('Half geschreven, niet weggooien');

	await Promise.all([page.waitForEvent('load'), offer.click()]);
	expect(
		await page.evaluate(() => (window as unknown as { sameLoad?: boolean }).sameLoad)
	).toBeUndefined();
	await expect(offer).toHaveCount(0);
	const build = await page.evaluate(
		() =>
			new Promise<string>((resolve) => {
				const channel = new MessageChannel();
				channel.port1.onmessage = (event) => resolve(event.data as string);
				navigator.serviceWorker.controller?.postMessage('which-build', [channel.port2]);
			})
	);
	expect(build).toBe('next');
	await expect(composer).toHaveValue('Half geschreven, niet weggooien');
});
