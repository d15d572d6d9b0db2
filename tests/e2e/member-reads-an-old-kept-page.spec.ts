// A page kept on the phone and read days later without a connection (issue 13): its words for
// moments are written for now, not for when it was kept. A post that was "zonet" is not "zonet"
// three days on, a meetup that was "morgen" is not "morgen" any more, and the banner says on which
// day the page was kept (review 22, the tester's French try-out).
import { randomUUID } from 'node:crypto';
import { meetupWhen, timeAgo } from '../../src/lib/time';
import { expect, test } from './fixtures';
import { createMeetup, gent, signIn } from './people';
import { signedInClient } from './platform-file';

test.use({ serviceWorkers: 'allow' });

const day = 24 * 60 * 60 * 1000;
const hour = 60 * 60 * 1000;

test('days later, offline, a kept feed says how long ago and when for now, and since which day', async ({
	page,
	context
}) => {
	// A meetup a day and a bit from now, on the hour, for the feed's strip.
	const els = await signedInClient('moderator@kring.test');
	const startsAt = new Date(Math.ceil((Date.now() + 30 * hour) / hour) * hour);
	const title = `Wandeling ${randomUUID().slice(0, 6)}`;
	await createMeetup(els, { target_group: gent, title, starts_at: startsAt.toISOString() });
	const endsAt = new Date(startsAt.getTime() + 2 * hour);

	await signIn(page, 'lid@kring.test');
	await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
	await page.goto(`/g/${gent}`);
	const text = `Net geschreven (${randomUUID().slice(0, 6)})`;
	await page.getByRole('textbox', { name: 'Je bericht' }).fill(text);
	await page.getByRole('button', { name: 'Plaatsen' }).click();
	const post = page.getByRole('article').filter({ hasText: text });
	await expect(post).toBeVisible();
	// Opened once more with a connection: kept with the post and the meetup.
	await page.goto(`/g/${gent}`);
	await expect
		.poll(() =>
			page.evaluate(async (text) => {
				for (const name of await caches.keys()) {
					if (!name.startsWith('kring-person-')) continue;
					const kept = await (await caches.open(name)).match(location.href);
					if (kept && (await kept.text()).includes(text)) return true;
				}
				return false;
			}, text)
		)
		.toBe(true);
	const meetup = page.getByRole('link').filter({ hasText: title });
	const keptWhen = meetupWhen(startsAt, endsAt, 'nl', new Date());
	await expect(post.locator('time')).toHaveText('zonet');
	await expect(meetup.locator('.when')).toHaveText(keptWhen);
	const createdAt = await post.locator('time').getAttribute('datetime');

	// Three days later, still without a connection, the member opens the kept feed.
	const later = new Date(Date.now() + 3 * day);
	await context.setOffline(true);
	await page.clock.install({ time: later });
	await page.reload();
	await expect(
		page.getByText(
			/^Geen verbinding — je ziet wat je het laatst zag \(\S+dag \d+ \S+ om \d{2}:\d{2}\)$/
		)
	).toBeVisible();
	await expect(post.locator('time')).toHaveText(timeAgo(createdAt ?? '', 'nl', later));
	await expect(post.locator('time')).not.toHaveText('zonet');
	const now = meetupWhen(startsAt, endsAt, 'nl', later);
	expect(now).not.toBe(keptWhen);
	await expect(meetup.locator('.when')).toHaveText(now);
});
