// The tap on "vernieuwen" reloads the page (issue 13, attack review 21): every word being typed
// must still be there after it, in the form it was typed in, also words for the "Melden" menu,
// whose form the browser loads only when the menu opens. The app is served by this spec itself,
// as in app-updates-on-tap.spec.ts, so the next build can replace it on the same address.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cp, mkdtemp, readdir, rm, writeFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { secretKey } from '../../local-supabase/keys';
import { freePort } from '../../local-supabase/ports';
import { expect, test } from './fixtures';
import { gent, signIn } from './people';
import { e2ePlatform, signedInClient } from './platform-file';

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

test('an update keeps the words of an open "Melden" menu and an answer typed below it', async ({
	page
}) => {
	await startApp('build');
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

	await stopApp();
	await startApp(next);
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
