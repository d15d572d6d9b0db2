import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import {
	addMonths,
	brusselsToInstant,
	brusselsToday,
	nthWeekday,
	weekdayName
} from '../../src/lib/zoned';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { createMeetup, gent, phone, signIn } from './people';
import { signedInClient } from './platform-file';

const title = 'Wandeling in het park';
const place = 'Citadelpark, ingang Kunstlaan, 9000 Gent';

/** Two weeks from today on a Brussels calendar: always in the future, never in the past. */
function firstDate(): string {
	const [y, mo, d] = brusselsToday().split('-').map(Number);
	return new Date(Date.UTC(y, mo - 1, d + 14)).toISOString().slice(0, 10);
}

const ordinals = { 1: '1ste', 2: '2de', 3: '3de', 4: '4de', last: 'laatste' } as const;

test('a moderator makes a weekly meetup, sees who comes with their needs, and checks people in', async ({
	page,
	browser
}) => {
	const date = firstDate();
	await signIn(page, 'moderator@kring.test');
	await page.goto(`/g/${gent}/meetups/new`);
	await expect(page.getByRole('heading', { level: 1, name: 'Nieuwe bijeenkomst' })).toBeVisible();
	await expectNoAxeViolations(page);

	await page.getByLabel('Naam van de bijeenkomst', { exact: true }).fill(title);
	await page
		.getByLabel('Wat gaan we doen?', { exact: true })
		.fill('We wandelen samen en drinken daarna koffie.');
	await page.getByLabel('Datum', { exact: true }).fill(date);
	await page.getByLabel('Van', { exact: true }).fill('14:00');
	// A slip of the finger: the end before the start.
	await page.getByLabel('Tot', { exact: true }).fill('13:00');
	await page.getByLabel('Adres', { exact: true }).fill(place);
	await page.getByLabel('Opvang voor kinderen', { exact: true }).check();
	await page.getByRole('checkbox', { name: 'Nederlands' }).check();
	await page.getByLabel('Andere talen', { exact: true }).fill('Arabisch');
	await page.getByLabel('Hoeveel plaatsen?', { exact: true }).fill('12');
	// The monthly choice names the weekday of the chosen date.
	const { nth } = nthWeekday(date);
	await expect(
		page.getByLabel(`Elke maand op de ${ordinals[nth]} ${weekdayName(date, 'nl')}`)
	).toBeVisible();
	await page.getByLabel('Elke week', { exact: true }).check();
	await page.getByRole('button', { name: 'Bijeenkomst maken' }).click();

	await expect(page.getByText('Het einde moet na het begin komen.')).toBeVisible();
	await expect(page.getByLabel('Tot', { exact: true })).toHaveAttribute('aria-invalid', 'true');
	// Nothing typed is lost.
	await expect(page.getByLabel('Naam van de bijeenkomst', { exact: true })).toHaveValue(title);
	await expect(page.getByLabel('Datum', { exact: true })).toHaveValue(date);
	await expect(page.getByLabel('Adres', { exact: true })).toHaveValue(place);
	await expect(page.getByLabel('Opvang voor kinderen', { exact: true })).toBeChecked();
	await expect(page.getByLabel('Andere talen', { exact: true })).toHaveValue('Arabisch');
	await expect(page.getByLabel('Hoeveel plaatsen?', { exact: true })).toHaveValue('12');
	await expect(page.getByLabel('Elke week', { exact: true })).toBeChecked();
	await expect(page.getByLabel('Tot', { exact: true })).toHaveValue('13:00');
	await expectNoAxeViolations(page);

	await page.getByLabel('Tot', { exact: true }).fill('16:00');
	await page.getByRole('button', { name: 'Bijeenkomst maken' }).click();
	await expect(page).toHaveURL(/\/m\/[0-9a-f-]{36}\/host$/);
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	await expect(
		page.getByText('Niemand vroeg om opvang, vervoer of hulp met de prijs.')
	).toBeVisible();
	await expectNoAxeViolations(page);
	const host = page.url();
	const meetup = new URL(host).pathname.split('/')[2];

	// The edit form shows the meetup as it is, and asks about this time or all the next ones.
	await page.getByRole('link', { name: 'Aanpassen of afgelasten' }).click();
	await expect(page.getByLabel('Naam van de bijeenkomst', { exact: true })).toHaveValue(title);
	await expect(page.getByLabel('Datum', { exact: true })).toHaveValue(date);
	await expect(page.getByLabel('Van', { exact: true })).toHaveValue('14:00');
	await expect(page.getByLabel('Tot', { exact: true })).toHaveValue('16:00');
	await expect(page.getByLabel('Andere talen', { exact: true })).toHaveValue('Arabisch');
	await expect(
		page.getByLabel('Deze en alle volgende keren', { exact: true }).first()
	).toBeVisible();
	await expect(page.getByLabel('Tot en met', { exact: true })).toHaveValue(addMonths(date, 3));
	await expectNoAxeViolations(page);

	// Karim answers on his own phone that he comes, with three children for the childcare.
	const karim = await phone(browser);
	await signIn(karim, 'lid@kring.test');
	await karim.goto(`/m/${meetup}`);
	await karim.getByLabel(/opvang nodig voor/).fill('3');
	await karim.getByRole('button', { name: 'Ik kom' }).click();
	await expect(karim.getByText('Je komt')).toBeVisible();

	// He is not a host: the host screens do not exist for him.
	for (const path of [`/g/${gent}/meetups/new`, `/m/${meetup}/host`, `/m/${meetup}/edit`]) {
		const response = await karim.goto(path);
		expect(response?.status(), path).toBe(404);
		await expect(karim.getByRole('heading', { name: 'Deze pagina bestaat niet.' })).toBeVisible();
		await expect(karim).toHaveTitle('Deze pagina bestaat niet. · Kring');
	}
	await expectNoAxeViolations(karim);

	// Jet has no smartphone: the moderator keeps her in the group, with a link to take over later.
	await page.goto(`/g/${gent}/members`);
	await page.getByRole('button', { name: 'Toevoegen', exact: true }).click();
	await expect(page.getByText('Vul een bijnaam in.')).toBeVisible();
	await expect(page.getByLabel('Bijnaam', { exact: true })).toHaveAttribute('aria-invalid', 'true');
	await page.getByLabel('Bijnaam', { exact: true }).fill('Jet');
	await page.getByRole('button', { name: 'Toevoegen', exact: true }).click();
	await expect(page.getByText('Jet is toegevoegd.')).toBeVisible();
	const jet = page.getByRole('listitem').filter({ hasText: 'Jet' });
	await expect(jet).toContainText('zonder smartphone');
	await jet.getByRole('button', { name: 'Maak een link om de naam Jet over te nemen' }).click();
	await expect(page.getByRole('img', { name: 'QR-code voor Jet' })).toBeVisible();
	await expect(page.getByLabel('Link voor Jet', { exact: true })).toHaveValue(/\/join\/\S{16,}$/);
	await expectNoAxeViolations(page);

	// The host answers for her: she comes, and needs help with transport.
	await page.goto(host);
	// Someone is chosen already: sending the form as it comes answers for them.
	await expect(page.getByLabel('Voor wie?', { exact: true })).not.toHaveValue('');
	await page.getByLabel('Voor wie?', { exact: true }).selectOption({ label: 'Jet' });
	await page.getByLabel('Heeft hulp nodig met vervoer', { exact: true }).check();
	await page.getByRole('button', { name: 'Antwoord bewaren' }).click();
	await expect(page.getByText('Bewaard: Jet, Komt.')).toBeVisible();
	await expect(
		page.getByText('3 kinderen hebben opvang nodig, 1 persoon heeft hulp nodig met vervoer.')
	).toBeVisible();
	const going = page.getByRole('heading', { name: 'Komen: 2' }).locator('..');
	await expect(going).toContainText('Karim');
	await expect(going).toContainText('opvang voor 3');

	// On the day: tap Karim's name, and add someone who came without saying so.
	const checkIn = page.getByRole('region', { name: 'Wie is er?' });
	await checkIn.getByRole('button', { name: 'Karim', exact: true }).click();
	await expect(checkIn.getByRole('listitem').filter({ hasText: 'Karim' })).toContainText('is er');
	await expect(checkIn.getByRole('button', { name: 'Karim', exact: true })).toHaveCount(0);
	await expect(checkIn.getByText('Er zijn: 1')).toBeVisible();
	// The focus stays with Karim: on the button that takes a wrong tap back.
	await expect(checkIn.getByRole('button', { name: 'Toch niet: Karim' })).toBeFocused();
	await checkIn.getByRole('button', { name: 'Toch niet: Karim' }).click();
	await expect(checkIn.getByText('Er zijn: 0')).toBeVisible();
	await expect(checkIn.getByRole('button', { name: 'Karim', exact: true })).toBeFocused();
	await checkIn.getByRole('button', { name: 'Karim', exact: true }).click();
	await expect(checkIn.getByText('Er zijn: 1')).toBeVisible();
	await page.getByLabel('Bijnaam', { exact: true }).fill('Mo');
	await page.getByRole('button', { name: 'Toevoegen als aanwezig' }).click();
	await expect(page.getByText('Mo is er.')).toBeVisible();
	await expect(checkIn.getByRole('listitem').filter({ hasText: 'Mo' })).toContainText('is er');
	await expect(checkIn.getByText('Er zijn: 2')).toBeVisible();
	await expect(page.getByLabel('Bijnaam', { exact: true })).toHaveValue('');
	await expectNoAxeViolations(page);

	// After a reload it is still so: it was saved, not only shown.
	await page.reload();
	await expect(
		page.getByRole('region', { name: 'Wie is er?' }).getByText('Er zijn: 2')
	).toBeVisible();
});

test('a moderator changes all the next times of a series, then cancels one time after confirming', async ({
	page
}) => {
	const date = firstDate();
	await signIn(page, 'moderator@kring.test');
	await page.goto(`/g/${gent}/meetups/new`);
	await page.getByLabel('Naam van de bijeenkomst', { exact: true }).fill('Koffie-uurtje');
	await page.getByLabel('Datum', { exact: true }).fill(date);
	await page.getByLabel('Van', { exact: true }).fill('10:00');
	await page.getByLabel('Tot', { exact: true }).fill('11:00');
	await page
		.getByLabel('Link om online mee te doen', { exact: true })
		.fill('https://meet.example/koffie');
	await page.getByLabel('Om de twee weken', { exact: true }).check();
	await page.getByRole('button', { name: 'Bijeenkomst maken' }).click();
	await expect(page).toHaveURL(/\/m\/[0-9a-f-]{36}\/host$/);
	const host = page.url();

	// For all the next times the day stays: the database says so, next to the date.
	await page.getByRole('link', { name: 'Aanpassen of afgelasten' }).click();
	await page.getByLabel('Deze en alle volgende keren', { exact: true }).first().check();
	const [y, mo, d] = date.split('-').map(Number);
	const dayLater = new Date(Date.UTC(y, mo - 1, d + 1)).toISOString().slice(0, 10);
	await page.getByLabel('Datum', { exact: true }).fill(dayLater);
	await page.getByRole('button', { name: 'Opslaan' }).click();
	await expect(
		page.getByText('Voor alle volgende keren kan de dag niet veranderen.')
	).toBeVisible();
	await expect(page.getByLabel('Datum', { exact: true })).toHaveValue(dayLater);
	await expectNoAxeViolations(page);

	await page.getByLabel('Datum', { exact: true }).fill(date);
	await page.getByLabel('Van', { exact: true }).fill('10:30');
	await page.getByLabel('Tot', { exact: true }).fill('11:30');
	await page.getByRole('button', { name: 'Opslaan' }).click();
	await expect(page).toHaveURL(host);
	await expect(
		page.getByRole('status').filter({ hasText: 'Je wijzigingen zijn bewaard.' })
	).toBeVisible();
	await expect(page.getByText(/10:30/)).toBeVisible();
	await expect(page.getByRole('link', { name: 'Online meedoen' })).toHaveAttribute(
		'href',
		'https://meet.example/koffie'
	);

	// Cancelling asks to confirm and says who gets a message.
	await page.getByRole('link', { name: 'Aanpassen of afgelasten' }).click();
	const cancel = page.getByRole('region', { name: 'Afgelasten' });
	await expect(cancel).toContainText('krijgt een bericht');
	await cancel.getByRole('button', { name: 'Afgelasten' }).click();
	await expect(cancel.getByText('Duid aan dat je zeker bent.')).toBeVisible();
	await expectNoAxeViolations(page);
	await cancel.getByLabel('Alleen deze keer', { exact: true }).check();
	await cancel.getByLabel('Ja, ik wil afgelasten', { exact: true }).check();
	await cancel.getByRole('button', { name: 'Afgelasten' }).click();
	await expect(page).toHaveURL(host);
	await expect(page.getByText('Deze bijeenkomst is afgelast.')).toBeVisible();
	await expect(page.getByRole('link', { name: 'Aanpassen of afgelasten' })).toHaveCount(0);
	await expectNoAxeViolations(page);
});

/** Reads the app in another language from now on, without changing the person's profile. */
async function readIn(page: Page, language: 'fr' | 'en') {
	const url = new URL(page.url()).origin;
	// After what signing in sends (it sets the profile's language), or ours would be overwritten.
	await page.waitForLoadState('networkidle');
	await page.context().addCookies([{ name: 'PARAGLIDE_LOCALE', value: language, url }]);
}

test('in French the host screens say "tu", as the rest of the app does', async ({ page }) => {
	const els = await signedInClient('moderator@kring.test');
	const karim = await signedInClient('lid@kring.test');
	const meetup = await createMeetup(els, {
		target_group: gent,
		title: `Café ${randomUUID().slice(0, 6)}`,
		starts_at: brusselsToInstant(firstDate(), '14:00')!.toISOString()
	});
	const { error } = await karim.rpc('rsvp', {
		client_id: randomUUID(),
		meetup,
		status: 'going',
		childcare_children: 0,
		transport_help: false,
		cost_is_a_problem: false,
		note: 'Ik kom met de tram.'
	});
	expect(error).toBeNull();

	await signIn(page, 'moderator@kring.test');
	await readIn(page, 'fr');
	await page.goto(`/g/${gent}/meetups`);
	await page.getByRole('link', { name: 'Nouvelle rencontre' }).click();
	await expect(page).toHaveURL(new RegExp(`/g/${gent}/meetups/new$`));
	await expect(page.getByText("Laisse vide si c'est gratuit.")).toBeVisible();
	await page.getByRole('button', { name: 'Créer la rencontre' }).click();
	await expect(page.getByText('Vérifie les champs avec une erreur.')).toBeVisible();
	await expect(page.getByText('Donne un nom à la rencontre.')).toBeVisible();
	await expectNoAxeViolations(page);

	await page.goto(`/m/${meetup}/host`);
	await expect(page.getByText('Touche un nom quand cette personne est là.')).toBeVisible();
	// French puts a space before a colon.
	await expect(page.getByText('Karim : Ik kom met de tram.')).toBeVisible();
	await expectNoAxeViolations(page);
});

test('in English the host screens read naturally and give the date as in Belgium, on a 24-hour clock', async ({
	page
}) => {
	const els = await signedInClient('moderator@kring.test');
	const meetup = await createMeetup(els, {
		target_group: gent,
		title: `Walk ${randomUUID().slice(0, 6)}`,
		starts_at: brusselsToInstant(firstDate(), '14:00')!.toISOString()
	});
	await signIn(page, 'moderator@kring.test');
	await readIn(page, 'en');
	await page.goto(`/m/${meetup}/host`);
	await expect(page.getByRole('heading', { level: 2, name: 'Who is coming' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Add and mark as here' })).toBeVisible();
	// "Saturday 12 December, 14:00–16:00", not "Saturday, December 12, 2:00 – 4:00 PM".
	await expect(page.getByText(/^[A-Z][a-z]+day \d{1,2} [A-Z][a-z]+, 14:00–16:00$/)).toBeVisible();
	await expectNoAxeViolations(page);

	// The member view, in plain English too.
	await page.getByRole('link', { name: 'See what members see' }).click();
	await expect(page.getByRole('link', { name: 'Go to Praatgroep Gent' })).toBeVisible();
});
