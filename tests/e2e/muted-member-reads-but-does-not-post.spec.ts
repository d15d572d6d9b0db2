// A member the moderators gave a break (a mute) reads what the screen says instead of the
// composer and the answer form: until when, and what still works. A post sent from a page opened
// before the break is refused in those words.
import { randomUUID } from 'node:crypto';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { signIn } from './people';
import { signedInClient } from './platform-file';

/** From the seed: the Budgetgroep, where Els moderates and Karim is a member. */
const budget = 'aa169ae9-7ef6-505b-8fc7-d9da32fb7857';
const reason = 'We vroegen je drie keer om niemand uit te lachen.';

test('a member on a break reads until when, cannot post or answer, and can still react', async ({
	page
}) => {
	const els = await signedInClient('moderator@kring.test');
	const karimClient = await signedInClient('lid@kring.test');
	const membership = await karimClient.rpc('my_membership', { target_group: budget });
	expect(membership.error).toBeNull();
	const karim = membership.data![0].id as string;

	await signIn(page, 'lid@kring.test');
	await page.goto(`/g/${budget}`);
	const typed = `Wie weet waar je gratis schoolboeken krijgt? (${randomUUID().slice(0, 6)})`;
	await page.getByLabel('Je bericht').fill(typed);

	// Els gives Karim a break of one day while his page is open.
	const muted = await els.rpc('mute_member', { member: karim, days: 1, reason });
	expect(muted.error).toBeNull();
	try {
		// The database refuses it (member_muted); the page says why in words: the refusal beside
		// the message once the page runs its script, the explanation below when it came back whole.
		await page.getByRole('button', { name: 'Plaatsen' }).click();
		await expect(page.getByText(/^Je hebt een pauze (van de begeleiders\.|tot )/)).toBeVisible();
		await expect(page.getByRole('article').filter({ hasText: typed })).toHaveCount(0);

		// Opened again, the page says so instead of offering the composer.
		await page.goto(`/g/${budget}`);
		await expect(page.getByRole('heading', { name: /^Je hebt een pauze tot / })).toBeVisible();
		await expect(
			page.getByText('Je kan wel lezen, reageren met een woord en naar bijeenkomsten komen.')
		).toBeVisible();
		await expect(page.getByLabel('Je bericht')).toHaveCount(0);
		await expectNoAxeViolations(page);
		// At 200% zoom on a 360 px phone (180 px wide) the explanation fits.
		const size = page.viewportSize()!;
		await page.setViewportSize({ width: 180, height: size.height });
		expect(
			await page.evaluate(
				() => document.documentElement.scrollWidth - document.documentElement.clientWidth
			)
		).toBeLessThanOrEqual(0);
		await page.setViewportSize(size);

		// A post: no answer form, but reacting still works. (Its own post: the demo's posts may be
		// below the first page by now, after the other journeys.)
		const body = `Wie kent een goedkope fietsenmaker? (${randomUUID().slice(0, 6)})`;
		const created = await els.rpc('create_post', {
			client_id: randomUUID(),
			target_group: budget,
			kind: 'question',
			body,
			anonymous: false
		});
		expect(created.error).toBeNull();
		await page.reload();
		const post = page.getByRole('article').filter({ hasText: body });
		await post.getByRole('link', { name: /Lees en antwoord/ }).click();
		await expect(page.getByRole('heading', { name: /^Je hebt een pauze tot / })).toBeVisible();
		await expect(page.getByLabel('Je antwoord')).toHaveCount(0);
		const support = page.getByRole('button', { name: /^Steun: \d+$/ }).first();
		const before = await support.getAttribute('aria-pressed');
		await support.click();
		await expect(support).not.toHaveAttribute('aria-pressed', before ?? 'false');
		await expectNoAxeViolations(page);

		// Why, on "What the moderators did", by role.
		await page.getByRole('link', { name: /Lees waarom/ }).click();
		await expect(page.getByText(/^De begeleiders gaven je een pauze tot /)).toBeVisible();
		await expect(page.getByText(`Waarom: ${reason}`)).toBeVisible();
		await expect(page.locator('main')).not.toContainText('Els');
		await expectNoAxeViolations(page);
	} finally {
		const unmuted = await els.rpc('unmute_member', { member: karim, reason: 'Einde van de test.' });
		expect(unmuted.error).toBeNull();
	}
});
