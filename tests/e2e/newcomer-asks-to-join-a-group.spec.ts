// A group whose moderators decide who joins (join_policy 'request'): a person asks on its page,
// sees that the request waits, and, once refused, reads why and from when they may ask again.
// A newcomer without an account reads the group first; the account comes from the nickname, and
// only for a name the group takes.
import { devices } from '@playwright/test';
import pg from 'pg';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { signIn } from './people';
import { e2ePlatform, signedInClient } from './platform-file';

/** From the seed: Groupe de parole Bruxelles asks its moderators (Els) before anyone joins. */
const brussels = 'cac359ab-41d2-5d55-9e4e-6ff781f9bc4a';
const reason = 'Le groupe est complet pour le moment. Essaie le groupe de Gand.';

test('a member asks to join, waits, and once refused reads why and when they may ask again', async ({
	page
}) => {
	await signIn(page, 'lid@kring.test');
	await page.goto(`/ask/${brussels}`);
	await expect(
		page.getByRole('heading', {
			level: 1,
			name: 'Vragen om mee te doen met Groupe de parole Bruxelles'
		})
	).toBeVisible();
	await expect(page.getByText("On s'écoute.")).toBeVisible();
	await expect(page.getByLabel('Bijnaam')).toHaveValue('Karim');
	await expectNoAxeViolations(page);

	// Agreeing to the rules is asked for, as on the join page; what was typed stays.
	await page.getByRole('button', { name: 'Vraag versturen' }).click();
	await expect(page.getByText('Duid aan dat je akkoord gaat met de afspraken.')).toBeVisible();
	await page.getByLabel('Ik ga akkoord met deze afspraken').check();
	await page.getByRole('button', { name: 'Vraag versturen' }).click();
	await expect(page.locator('main').getByRole('status')).toContainText('Je vraag is verstuurd.');
	await expect(page.getByRole('button', { name: 'Vraag versturen' })).toHaveCount(0);
	await expectNoAxeViolations(page);

	// Els says no, with a reason.
	const els = await signedInClient('moderator@kring.test');
	const { data: asked, error } = await els
		.from('group_members')
		.select('id')
		.eq('group_id', brussels)
		.eq('nickname', 'Karim')
		.eq('status', 'pending');
	expect(error).toBeNull();
	const refused = await els.rpc('refuse_join_request', { member: asked![0].id, reason });
	expect(refused.error).toBeNull();

	await page.reload();
	const answer = page.getByRole('region', { name: 'De begeleiders zeiden nee op je vraag.' });
	await expect(answer).toContainText(`Waarom: ${reason}`);
	await expect(answer).toContainText(/Je kan opnieuw vragen vanaf \S+/);
	await expect(page.getByRole('button', { name: 'Vraag versturen' })).toHaveCount(0);
	await expect(page.locator('main')).not.toContainText('Els');
	await expectNoAxeViolations(page);
});

test('a newcomer without an account reads the group and its rules, and asks with a nickname', async ({
	browser
}) => {
	const context = await browser.newContext({ ...devices['Pixel 7'], locale: 'nl-BE' });
	const page = await context.newPage();
	await page.goto(`/ask/${brussels}`);
	await expect(
		page.getByRole('heading', {
			level: 1,
			name: 'Vragen om mee te doen met Groupe de parole Bruxelles'
		})
	).toBeVisible();
	await expect(page.getByText("On s'écoute.")).toBeVisible();
	await expect(
		page.getByRole('link', { name: 'Heb je al een account? Meld je eerst aan.' })
	).toBeVisible();
	await expectNoAxeViolations(page);
	await page.getByLabel('Bijnaam').fill('Awa');
	await page.getByLabel('Ik ga akkoord met deze afspraken').check();
	await page.getByRole('button', { name: 'Vraag versturen' }).click();
	await expect(page.locator('main').getByRole('status')).toContainText('Je vraag is verstuurd.');
	await expectNoAxeViolations(page);
	await context.close();
});

test('a refused name leaves no account behind; the typed name stays, and the person can choose another (in French)', async ({
	browser
}) => {
	const db = new pg.Client({ connectionString: (await e2ePlatform()).dbUrl });
	await db.connect();
	const accounts = async () =>
		Number((await db.query('select count(*) from auth.users')).rows[0].count);
	const context = await browser.newContext({ ...devices['Pixel 7'], locale: 'fr-BE' });
	const page = await context.newPage();
	const sessionCookies = async () =>
		(await context.cookies()).filter((cookie) => cookie.name.startsWith('sb-'));
	try {
		await page.goto(`/ask/${brussels}`);
		await expect(
			page.getByRole('heading', {
				level: 1,
				name: 'Demander à rejoindre Groupe de parole Bruxelles'
			})
		).toBeVisible();
		const before = await accounts();
		await page.getByLabel('Pseudo').fill('ÉLS');
		await page.getByLabel("Je suis d'accord avec ces règles").check();
		await page.getByRole('button', { name: 'Envoyer ma demande' }).click();
		await expect(
			page.getByText('Une personne qui anime ou accueille ce groupe porte déjà ce nom.')
		).toBeVisible();
		await expect(page.getByLabel('Pseudo')).toHaveValue('ÉLS');
		await expect(page.getByLabel('Pseudo')).toHaveAttribute('aria-invalid', 'true');
		expect(await accounts()).toBe(before);
		expect(await sessionCookies()).toEqual([]);
		await expectNoAxeViolations(page);

		// A member's name (Marie) is not told before asking: the account made to ask goes again.
		await page.getByLabel('Pseudo').fill('Marie');
		await page.getByRole('button', { name: 'Envoyer ma demande' }).click();
		await expect(page.getByLabel('Pseudo')).toHaveAttribute('aria-invalid', 'true');
		await expect(page.getByLabel('Pseudo')).toHaveValue('Marie');
		await expect(page.getByText("Quelqu'un dans ce groupe porte déjà ce nom.")).toBeVisible();
		expect(await accounts()).toBe(before);
		expect(await sessionCookies()).toEqual([]);

		await page.getByLabel('Pseudo').fill('Elsa');
		await page.getByRole('button', { name: 'Envoyer ma demande' }).click();
		await expect(page.locator('main').getByRole('status')).toContainText('Ta demande est envoyée.');
		expect(await accounts()).toBe(before + 1);
		// The account carries the name the group took, not the refused one.
		await expect(page.getByRole('banner')).toContainText('Elsa');
		await expect(page.getByRole('banner')).not.toContainText('ÉLS');
		// At 200% zoom (180 px wide) "Se déconnecter" on /me wraps instead of pushing the page sideways.
		await page.goto('/me');
		await page.setViewportSize({ width: 180, height: 800 });
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
		expect(overflow, 'the page scrolls sideways at 200% zoom').toBeLessThanOrEqual(0);
	} finally {
		await db.end();
		await context.close();
	}
});
