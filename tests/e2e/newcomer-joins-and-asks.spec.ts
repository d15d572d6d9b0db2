import { expect, expectNoAxeViolations, test } from './fixtures';
import { ghentInvite as invite, phone, signIn } from './people';

const question = 'Mag ik vragen hoe jullie rondkomen met de huur? Ik schaam me een beetje.';

test('a newcomer joins with a nickname, asks anonymously, and gets recognition and an answer', async ({
	page,
	browser
}) => {
	// Screen 1: the invite, with the group and its rules in plain words.
	await page.goto(invite);
	await expect(
		page.getByRole('heading', { level: 1, name: 'Welkom bij Praatgroep Gent' })
	).toBeVisible();
	await expect(page.getByText('We luisteren naar elkaar.')).toBeVisible();
	await expectNoAxeViolations(page);
	await page.getByLabel('Bijnaam').fill('Noor');
	await page.getByRole('button', { name: 'Ik doe mee' }).click();
	await expect(page.getByText('Duid aan dat je akkoord gaat met de afspraken.')).toBeVisible();
	await expect(page.getByLabel('Bijnaam')).toHaveValue('Noor');
	await page.getByLabel('Ik ga akkoord met deze afspraken').check();
	await page.getByRole('button', { name: 'Ik doe mee' }).click();

	// Screen 2: the group, where the newcomer asks a question without their name.
	await expect(page.getByRole('heading', { level: 1, name: 'Praatgroep Gent' })).toBeVisible();
	await expectNoAxeViolations(page);
	await page.getByRole('radio', { name: 'Vraag' }).check();
	await page.getByLabel('Je bericht').fill(question);
	await page.getByLabel('Plaats zonder mijn naam').check();
	await expect(
		page.getByText('De begeleiders van de groep kunnen wel zien dat jij het schreef')
	).toBeVisible();
	await page.getByRole('button', { name: 'Plaatsen' }).click();
	const mine = page.getByRole('article').filter({ hasText: question });
	await expect(mine).toContainText('door jou');
	await expect(mine).toContainText('Vraag');

	// Another member sees "a member" asked it, recognises it and answers.
	const karim = await phone(browser);
	await signIn(karim, 'lid@kring.test');
	await karim.getByRole('link', { name: /^Praatgroep Gent(?! ·)/ }).click();
	const seen = karim.getByRole('article').filter({ hasText: question });
	await expect(seen).toContainText('door een lid');
	await expect(seen).not.toContainText('Noor');
	await seen.getByRole('button', { name: 'Herkenbaar: 0' }).click();
	await expect(seen.getByRole('button', { name: 'Herkenbaar: 1' })).toHaveAttribute(
		'aria-pressed',
		'true'
	);
	await expectNoAxeViolations(karim);
	await seen.getByRole('link', { name: /Lees en antwoord/ }).click();
	await karim.getByLabel('Je antwoord').fill('Herkenbaar. Vraag bij het OCMW naar een huurpremie.');
	await karim.getByRole('button', { name: 'Antwoorden', exact: true }).click();
	await expect(karim.getByText('Vraag bij het OCMW naar een huurpremie.')).toBeVisible();
	await expectNoAxeViolations(karim);

	// Karim adds to his answer; an empty answer is refused in words.
	await karim.getByText('Antwoord aanpassen').click();
	const newText = karim.getByLabel('Nieuwe tekst van je antwoord');
	await newText.fill('');
	await karim.getByRole('button', { name: 'Bewaren' }).click();
	await expect(karim.getByText('Schrijf eerst iets.')).toBeVisible();
	await newText.fill('Herkenbaar. Vraag bij het OCMW naar een huurpremie. Dat hielp mij.');
	await karim.getByRole('button', { name: 'Bewaren' }).click();
	await expect(karim.getByText('Dat hielp mij.')).toBeVisible();
	await expectNoAxeViolations(karim);

	// The moderator sees who wrote it, and that only moderators see this.
	const els = await phone(browser);
	await signIn(els, 'moderator@kring.test');
	await els.getByRole('link', { name: /^Praatgroep Gent(?! ·)/ }).click();
	await expect(els.getByRole('article').filter({ hasText: question })).toContainText(
		'Noor (zonder naam geplaatst, alleen begeleiders zien dit)'
	);

	// Back home, the newcomer sees the answer.
	await page.goto('/home');
	await expect(
		page.getByRole('heading', { name: 'Nieuwe antwoorden op jouw berichten' })
	).toBeVisible();
	await expect(page.getByText('Vraag bij het OCMW naar een huurpremie.')).toBeVisible();
	await expect(page.getByText('door Karim')).toBeVisible();
	await expectNoAxeViolations(page);
});

test("a newcomer cannot take the moderator's name, and sees who moderates", async ({ page }) => {
	await page.goto(invite);
	await page.getByLabel('Bijnaam').fill('ÉLS');
	await page.getByLabel('Ik ga akkoord met deze afspraken').check();
	await page.getByRole('button', { name: 'Ik doe mee' }).click();
	await expect(
		page.getByText('Zo heet al een begeleider of gastheer of gastvrouw van deze groep.')
	).toBeVisible();
	await expect(page.getByLabel('Bijnaam')).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByLabel('Bijnaam')).toHaveValue('ÉLS');
	// The refused name made no account: no session, and the signed-in pages ask to sign in.
	const sessionCookies = async () =>
		(await page.context().cookies()).filter((cookie) => cookie.name.startsWith('sb-'));
	expect(await sessionCookies()).toEqual([]);
	await expectNoAxeViolations(page);
	await page.getByLabel('Bijnaam').fill('Elsje');
	await page.getByRole('button', { name: 'Ik doe mee' }).click();

	await expect(
		page.getByRole('heading', { level: 1, name: 'Praatgroep Gent', exact: true })
	).toBeVisible();
	expect(await sessionCookies()).not.toEqual([]);
	const byEls = page.getByRole('article').filter({ hasText: 'door Els' }).first();
	await expect(byEls.getByText('Begeleider', { exact: true })).toBeVisible();
	await expect(byEls.locator('.meta')).toContainText('door Els, Begeleider');
	await expect(byEls.getByRole('heading')).toHaveText('door Els, Begeleider');
	await expectNoAxeViolations(page);
});

test('a bad or used-up invite link explains what to do', async ({ page }) => {
	await page.goto('/join/this-code-does-not-exist-at-all');
	await expect(
		page.getByRole('heading', { level: 1, name: 'Deze uitnodiging werkt niet' })
	).toBeVisible();
	await expect(page.getByText('Vraag je begeleider om een nieuwe link.')).toBeVisible();
	await expectNoAxeViolations(page);
});

test('a moderator makes an invite with a QR code and stops it', async ({ page }) => {
	await signIn(page, 'moderator@kring.test');
	await page.getByRole('link', { name: /^Praatgroep Gent(?! ·)/ }).click();
	await page.getByRole('link', { name: 'Beheer' }).click();
	await expectNoAxeViolations(page);
	const before = await page.getByRole('img', { name: 'QR-code voor Praatgroep Gent' }).count();
	await page.getByLabel('Voor hoeveel mensen?').fill('3');
	// On a slow line a second tap, while the page has not yet shown the new link, makes no second.
	await page.route('**/__data.json*', async (route) => {
		await new Promise((resolve) => setTimeout(resolve, 1500));
		await route.continue();
	});
	const make = page.getByRole('button', { name: 'Nieuwe uitnodiging maken' });
	const made = page.waitForResponse((response) => response.url().includes('?/invite'));
	await make.click();
	await made;
	await make.click({ force: true });
	await expect(page.getByRole('img', { name: 'QR-code voor Praatgroep Gent' })).toHaveCount(
		before + 1
	);
	await page.unrouteAll();
	await page.reload();
	await expect(page.getByRole('img', { name: 'QR-code voor Praatgroep Gent' })).toHaveCount(
		before + 1
	);
	await expect(page.getByText(/0 van 3 gebruikt/)).toBeVisible();
	const link = await page.getByLabel('Link om te delen').first().inputValue();
	expect(link).toMatch(/\/join\/[A-Za-z0-9_-]{22,}$/);
	await page
		.getByText(/0 van 3 gebruikt/)
		.locator('..')
		.getByRole('button', { name: 'Stopzetten' })
		.click();
	await expect(page.getByText(/0 van 3 gebruikt/)).toHaveCount(0);
});
