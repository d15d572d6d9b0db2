// A new version of Kring reaches a member's phone (issue 13): the page offers it and applies it
// only when they tap "vernieuwen"; what they were typing is still there after it.
// The app is served here by this spec itself (the same platform as the other journeys), so that
// it can be replaced by the next build on the same address while the phone keeps its worker.
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, readdir, rm, writeFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { secretKey } from '../../local-supabase/keys';
import { freePort } from '../../local-supabase/ports';
import { expect, test } from './fixtures';
import { signIn } from './people';
import { e2ePlatform } from './platform-file';

const port = await freePort();
const origin = `http://127.0.0.1:${port}`;

test.use({ serviceWorkers: 'allow', baseURL: origin });

let next: string;
let app: ChildProcess | undefined;

/**
 * The next build: this one with a service worker that differs (and says so when asked), as any
 * new build's does (its precache list names the new files).
 */
test.beforeAll(async () => {
	// Beside build/, so that it finds the app's node_modules as build/ does.
	next = await mkdtemp('build-next-');
	await cp('build', next, { recursive: true });
	const worker = path.join(next, 'client', 'service-worker.js');
	const marker = `\nself.addEventListener('message', (event) => { if (event.data === 'which-build') event.ports[0].postMessage('next'); });\n`;
	await writeFile(worker, (await readFile(worker, 'utf8')) + marker);
	// The compressed copies would still be the old worker.
	for (const name of await readdir(path.join(next, 'client'))) {
		if (/^service-worker\.js\.(gz|br)$/.test(name)) await rm(path.join(next, 'client', name));
	}
});

test.afterAll(async () => {
	await stopApp();
	await rm(next, { recursive: true, force: true });
});

async function startApp(build: string) {
	const { apiUrl, anonKey } = await e2ePlatform();
	app = spawn(process.execPath, [build], {
		stdio: ['ignore', 'ignore', 'inherit'],
		env: {
			...process.env,
			HOST: '127.0.0.1',
			PORT: String(port),
			ORIGIN: origin,
			PUBLIC_SUPABASE_URL: apiUrl,
			PUBLIC_SUPABASE_ANON_KEY: anonKey,
			SUPABASE_SECRET_KEY: secretKey
		}
	});
	await expect
		.poll(
			() =>
				fetch(`${origin}/healthz`).then(
					(response) => response.status,
					() => 0
				),
			{
				timeout: 30_000
			}
		)
		.toBe(200);
}

async function stopApp() {
	const running = app;
	app = undefined;
	if (!running || running.exitCode !== null) return;
	await new Promise<void>((resolve) => {
		running.once('exit', () => resolve());
		running.kill('SIGTERM');
	});
}

test('a new version is offered, waits for the tap, and keeps what was being typed', async ({
	page
}) => {
	await startApp('build');
	await signIn(page, 'lid@kring.test');
	await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
	await page.locator('main a[href^="/g/"]').first().click();
	await expect(page).toHaveURL(/\/g\/[0-9a-f-]{36}$/);
	const composer = page.locator('main textarea[name=body]').first();
	await composer.fill('Half geschreven, niet weggooien');
	await page.evaluate(() => ((window as unknown as { sameLoad: boolean }).sameLoad = true));

	await stopApp();
	await startApp(next);
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
