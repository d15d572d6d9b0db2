// A person with an email account registers their organisation in three screens, makes its first
// group and leaves with the group's invite link, makes a meetup open to anyone that a visitor then
// finds on the public page and in its calendar; then invites a second admin, who accepts (and who
// first finds the admin screens closed to them), and the first admin is told.
import { randomUUID } from 'node:crypto';
import ical, { type VEvent } from 'node-ical';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { phone, signIn } from './people';

test('a person registers an organisation, makes its first group and gets its invite link', async ({
	page,
	browser
}) => {
	test.setTimeout(180_000);
	const suffix = randomUUID()
		.slice(0, 6)
		.replace(/[^a-z]/g, 'x');
	const name = `Buurtwerk De Brug ${suffix}`;
	const slug = `buurtwerk-de-brug-${suffix}`;

	await page.goto('/signup');
	await page.getByLabel('Bijnaam').fill('Nadia');
	await page.getByLabel('E-mailadres').fill(`${randomUUID()}@kring.test`);
	await page.getByLabel('Wachtwoord').fill('een-goed-wachtwoord');
	await page.getByRole('button', { name: 'Account maken' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Hallo Nadia' })).toBeVisible();

	await page.goto('/me');
	await page.getByRole('link', { name: 'Organisaties die ik beheer' }).click();
	await expect(page.getByText('Je beheert nog geen organisatie.')).toBeVisible();
	await expectNoAxeViolations(page);
	await page.getByRole('link', { name: 'Een organisatie registreren' }).click();

	// Screen 1: who they are. Sent empty, it says what to fix.
	await expect(page.getByText('Stap 1 van 3')).toBeVisible();
	await expect(page.getByRole('heading', { level: 2, name: 'Wie zijn jullie?' })).toBeVisible();
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Verder' }).click();
	await expect(page.getByText('Geef een naam van 1 tot 120 tekens.')).toBeVisible();
	await expectNoAxeViolations(page);
	await page.getByLabel('Naam van de organisatie').fill(name);
	await page
		.getByLabel('Wat doen jullie? (kort)')
		.fill('Samen koken, praten en rechten uitzoeken.');
	await page.getByLabel('Frans').check();
	await page.getByRole('button', { name: 'Verder' }).click();

	// Screen 2: how people find them. Back and forth keeps what was typed.
	await expect(page.getByText('Stap 2 van 3')).toBeVisible();
	await expect(
		page.getByRole('heading', { level: 2, name: 'Hoe vinden mensen jullie?' })
	).toBeVisible();
	await page.getByLabel('Adres').fill('Brugstraat 3, 2000 Antwerpen');
	await page.getByLabel('Contact').fill('03 123 45 67');
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Terug' }).click();
	await expect(page.getByLabel('Naam van de organisatie')).toHaveValue(name);
	await expect(page.getByLabel('Adres op Kring')).toHaveValue(slug);
	await expect(page.getByLabel('Frans')).toBeChecked();
	await page.getByRole('button', { name: 'Verder' }).click();
	await expect(page.getByLabel('Adres', { exact: true })).toHaveValue(
		'Brugstraat 3, 2000 Antwerpen'
	);
	await page.getByRole('button', { name: 'Verder' }).click();

	// Screen 3: a colour and letters instead of a logo; the letters come from the name.
	await expect(page.getByText('Stap 3 van 3')).toBeVisible();
	await expect(page.getByLabel('Letters (1 tot 3)')).toHaveValue('BDB');
	await expectNoAxeViolations(page);
	await page.getByLabel('Letters (1 tot 3)').fill('DB');
	await page.getByRole('button', { name: 'Registreren' }).click();

	// Then the first group, and its invite link.
	await expect(page).toHaveURL(new RegExp(`/o/${slug}/admin/groups/new\\?first`));
	await expect(page.getByRole('heading', { level: 1, name: 'Maak je eerste groep' })).toBeVisible();
	await expect(page.getByLabel('Jouw naam in deze groep')).toHaveValue('Nadia');
	await expectNoAxeViolations(page);
	await page.getByLabel('Naam van de groep').fill('Kookgroep');
	await page.getByLabel('Afspraken').fill('We luisteren naar elkaar.');
	await page.getByRole('button', { name: 'Groep maken' }).click();

	await expect(page.getByRole('heading', { level: 1, name: 'Kookgroep beheren' })).toBeVisible();
	await expect(page.getByText('De groep is klaar.')).toBeVisible();
	const link = await page.getByLabel('Link om te delen').inputValue();
	expect(link).toMatch(/\/join\/[A-Za-z0-9_-]{22,}$/);
	await expectNoAxeViolations(page);

	// The link works: a newcomer reads the group's name and rules.
	const newcomer = await phone(browser);
	await newcomer.goto(new URL(link).pathname);
	await expect(newcomer.getByText('We luisteren naar elkaar.')).toBeVisible();
	await newcomer.context().close();
	const group = new URL(page.url()).pathname.split('/').pop();

	await page
		.getByRole('navigation', { name: 'Beheer van de organisatie' })
		.getByRole('link', {
			name: 'Groepen'
		})
		.click();
	await expect(page.getByRole('heading', { level: 1, name: `${name} beheren` })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Kookgroep' })).toBeVisible();
	await expectNoAxeViolations(page);

	await page.getByRole('link', { name: 'Gegevens' }).click();
	await expect(page.getByLabel('Adres', { exact: true })).toHaveValue(
		'Brugstraat 3, 2000 Antwerpen'
	);
	await expectNoAxeViolations(page);

	// A second admin, by link. Alone, Nadia cannot leave.
	await page.getByRole('link', { name: 'Beheerders' }).click();
	await page.getByRole('button', { name: 'Zelf stoppen als beheerder' }).click();
	await expect(page.getByRole('alert')).toContainText('altijd minstens één beheerder');
	await page.getByRole('button', { name: 'Een link maken' }).click();
	const adminLink = await page.getByLabel('Link om te delen').inputValue();
	await expectNoAxeViolations(page);

	const els = await phone(browser);
	await signIn(els, 'moderator@kring.test');
	// Not an admin yet: the admin screens say so in plain words, with a way back.
	await els.goto(`/o/${slug}/admin`);
	await expect(els.getByRole('heading', { level: 1, name: 'Geen beheerder' })).toBeVisible();
	await expectNoAxeViolations(els);
	await expect(els.getByRole('link', { name: 'Naar mijn organisaties' })).toBeVisible();
	// The link shown under another organisation's address does not work: the code decides.
	const adminPath = new URL(adminLink).pathname;
	await els.goto(adminPath.replace(`/o/${slug}/`, '/o/samen-sterk/'));
	await expect(els.getByText('Deze link werkt niet.')).toBeVisible();
	await els.goto(adminPath);
	await expect(
		els.getByRole('heading', { level: 1, name: `Beheerder worden van ${name}` })
	).toBeVisible();
	await expectNoAxeViolations(els);
	await els.getByRole('button', { name: 'Ja, ik word beheerder' }).click();
	await expect(els.getByRole('heading', { level: 1, name: `${name} beheren` })).toBeVisible();
	// New, beside an older admin: told before typing that for a week others' pages stay as they are.
	await expect(
		els.getByText(
			/^Je bent nog geen week beheerder\. Tot \S+ \d+ \S+ om \d\d:\d\d kan je niets veranderen/
		)
	).toBeVisible();
	await els.context().close();

	await page.reload();
	await expect(page.getByText('Els', { exact: true })).toBeVisible();
	await expect(page.getByLabel('Link om te delen')).toHaveCount(0);

	// Nadia is told who became admin (with the start of their e-mail address), and with whose link.
	await page.goto('/notifications');
	await expect(
		page.getByText(`Els (m…@kring.test) is nu beheerder van ${name}, met een link van Nadia.`)
	).toBeVisible();

	// Nadia moderates the new group: she makes a meetup open to anyone.
	const meetup = `Open kookavond ${suffix}`;
	const inTwoWeeks = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
	await page.goto(`/g/${group}/meetups/new`);
	await page.getByLabel('Naam van de bijeenkomst', { exact: true }).fill(meetup);
	await page.getByLabel('Datum', { exact: true }).fill(inTwoWeeks);
	await page.getByLabel('Van', { exact: true }).fill('18:00');
	await page.getByLabel('Tot', { exact: true }).fill('20:00');
	await page.getByLabel('Adres', { exact: true }).fill('Brugstraat 3, 2000 Antwerpen');
	await page.getByLabel('Iedereen', { exact: true }).check();
	await page.getByRole('button', { name: 'Bijeenkomst maken' }).click();
	await expect(page.getByRole('heading', { level: 1, name: meetup })).toBeVisible();

	// A visitor without an account and without JavaScript finds it on the public page, and the
	// public calendar has it.
	const visitor = await browser.newContext({ javaScriptEnabled: false, locale: 'nl-BE' });
	const publicPage = await visitor.newPage();
	await publicPage.goto(`/o/${slug}`);
	await expect(publicPage.getByRole('heading', { level: 1, name })).toBeVisible();
	const activity = publicPage.getByRole('listitem').filter({
		has: publicPage.getByRole('heading', { level: 3, name: meetup })
	});
	await expect(activity).toContainText('Brugstraat 3, 2000 Antwerpen');
	await expect(activity).toContainText('18:00–20:00');
	await expect(publicPage.getByText('Nadia')).toHaveCount(0);
	const calendar = await visitor.request.get(
		new URL(`/o/${slug}/activities.ics`, publicPage.url()).href
	);
	const events = Object.values(ical.sync.parseICS(await calendar.text())).filter(
		(item): item is VEvent => item?.type === 'VEVENT'
	);
	expect(events.map((event) => event.summary)).toEqual([meetup]);
	await visitor.close();
});
