// Home says what is new in each group until the member has read it. Reading writes nothing: the
// feed page itself sends "seen" once it showed the newest posts (or, without JavaScript, its
// button does), so a plain look at the feed leaves the news as it was. Counts stop at "20+".
import { randomUUID } from 'node:crypto';
import { devices, type Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { phone, signIn } from './people';
import { signedInClient } from './platform-file';

/** From the seed: the budget group, where Els moderates and Karim is a member. */
const budget = 'aa169ae9-7ef6-505b-8fc7-d9da32fb7857';

async function elsPosts(count: number): Promise<void> {
	const els = await signedInClient('moderator@kring.test');
	for (let i = 1; i <= count; i++) {
		const { error } = await els.rpc('create_post', {
			client_id: randomUUID(),
			target_group: budget,
			kind: 'tip',
			body: `Tip ${i}: de energiepremie aanvragen kan tot het einde van de maand.`,
			anonymous: false
		});
		expect(error).toBeNull();
	}
}

const budgetOnHome = (page: Page) => page.getByRole('link', { name: /^Budgetgroep/ });

test('what is new stays new until the feed was shown, and stops counting at 20+', async ({
	browser
}) => {
	const karim = await phone(browser);
	await signIn(karim, 'lid@kring.test');
	await elsPosts(2);
	await karim.reload();
	await expect(budgetOnHome(karim)).toContainText('2 nieuw');

	// The feed fetched as a plain GET (what a browser without JavaScript does): nothing written.
	const look = await karim.context().request.get(`/g/${budget}`);
	expect(look.status()).toBe(200);
	expect(await look.text()).toContain('Tip 2: de energiepremie');
	await karim.reload();
	await expect(budgetOnHome(karim)).toContainText('2 nieuw');

	// Shown in the browser, the page sends "seen"; its button is only there without JavaScript.
	const seen = karim.waitForResponse(
		(response) => response.url().endsWith('?/seen') && response.request().method() === 'POST'
	);
	await budgetOnHome(karim).click();
	await expect(karim.getByRole('heading', { level: 1, name: 'Budgetgroep' })).toBeVisible();
	expect((await seen).ok()).toBe(true);
	await expect(karim.getByRole('button', { name: 'Ik heb alles gezien' })).toHaveCount(0);
	await karim.getByRole('link', { name: 'Thuis' }).click();
	await expect(budgetOnHome(karim)).toContainText('Niets nieuws');

	await elsPosts(21);
	await karim.reload();
	await expect(budgetOnHome(karim)).toContainText('20+ nieuw');
	// Nothing new of a kind is left out of what a screen reader says.
	await expect(budgetOnHome(karim)).toHaveAccessibleName(
		/20\+ nieuwe berichten sinds je laatste bezoek/
	);
});

test('without JavaScript, the feed has a button that says everything was seen', async ({
	browser
}) => {
	const context = await browser.newContext({
		...devices['Pixel 7'],
		locale: 'nl-BE',
		javaScriptEnabled: false
	});
	const karim = await context.newPage();
	await signIn(karim, 'lid@kring.test');
	await elsPosts(1);
	await karim.goto(`/g/${budget}`);
	await karim.goto('/home');
	await expect(budgetOnHome(karim)).not.toContainText('Niets nieuws');

	await karim.goto(`/g/${budget}`);
	await karim.getByRole('button', { name: 'Ik heb alles gezien' }).click();
	await expect(karim.getByRole('heading', { level: 1, name: 'Budgetgroep' })).toBeVisible();
	await expect(karim.getByRole('button', { name: 'Ik heb alles gezien' })).toHaveCount(0);
	await karim.goto('/home');
	await expect(budgetOnHome(karim)).toContainText('Niets nieuws');
	await context.close();
});
