// "Melden" in the installed app (service worker on): the menu opens offline, since the phone
// keeps its form, but a report cannot go without a connection (it waits in no outbox). Tapped
// offline, the member hears there is no connection (not "something went wrong") and their words
// stay; once the connection is back the reason sends it, and the database holds it once.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { gent, signIn } from './people';
import { e2ePlatform, signedInClient } from './platform-file';

test.use({ serviceWorkers: 'allow' });

test('a report tapped offline says there is no connection, keeps the words, and goes once when back', async ({
	page,
	context
}) => {
	const els = await signedInClient('moderator@kring.test');
	const body = `Wie wil mijn oude telefoon kopen? (${randomUUID().slice(0, 6)})`;
	const posted = await els.rpc('create_post', {
		client_id: randomUUID(),
		target_group: gent,
		kind: 'offering',
		body,
		anonymous: false
	});
	expect(posted.error).toBeNull();
	const db = new pg.Client({ connectionString: (await e2ePlatform()).dbUrl });
	await db.connect();
	const reports = async () =>
		(
			await db.query<{ body: string }>('select body from public.reports where post_id = $1', [
				posted.data
			])
		).rows;
	try {
		await signIn(page, 'lid@kring.test');
		const seen = page.waitForResponse((response) => response.url().endsWith('?/seen'));
		await page.goto(`/g/${gent}`);
		await seen;
		await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
		const post = page.getByRole('article').filter({ hasText: body });
		const words = post.getByLabel('Wil je iets uitleggen?');
		const reason = post.getByRole('button', { name: 'Verkoop of reclame' });

		await context.setOffline(true);
		await post.getByText('Melden').click();
		await words.fill('Hij verkoopt hier telefoons.');
		await reason.click();
		await expect(post.getByRole('alert')).toHaveText(
			'Je hebt nu geen verbinding. Melden kan weer zodra je verbinding hebt.'
		);
		await expect(words).toHaveValue('Hij verkoopt hier telefoons.');
		await expectNoAxeViolations(page);
		expect(await reports()).toEqual([]);

		// Back online: the old warning goes, the words are still there, one tap sends them.
		await context.setOffline(false);
		await expect(post.getByRole('alert')).toBeHidden();
		await reason.click();
		await expect(post.getByRole('status')).toHaveText(
			'De begeleiders zien wat je meldde. Niemand anders weet dat jij het meldde.'
		);
		expect(await reports()).toEqual([{ body: 'Hij verkoopt hier telefoons.' }]);
	} finally {
		await db.end();
	}
});
