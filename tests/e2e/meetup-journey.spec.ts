// The meetup journey of the issue, on phones: a moderator makes a weekly meetup with two
// places; three members answer and the third waits; one cancels; the third moves up and sees
// the notification; the host checks the two who came in.
import { expect, expectNoAxeViolations, test } from './fixtures';
import { joinGhent, phone, signIn } from './people';

/** Tomorrow's date in Brussels, as a date input holds it (YYYY-MM-DD). */
const tomorrow = () =>
	new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(Date.now() + 86_400_000);

test('two places, three people: the third waits, moves up when one cancels, and is checked in', async ({
	browser
}) => {
	// Four phones and a dozen pages: longer than one page's journey.
	test.setTimeout(90_000);
	const title = `Wandeling ${Math.random().toString(36).slice(2, 7)}`;

	// The moderator makes the meetup from the group's list of meetups.
	const els = await phone(browser);
	await signIn(els, 'moderator@kring.test');
	await els.getByRole('link', { name: /^Praatgroep Gent(?! ·)/ }).click();
	await els.getByRole('link', { name: 'Alle bijeenkomsten' }).click();
	await els.getByRole('link', { name: 'Nieuwe bijeenkomst' }).click();
	await expectNoAxeViolations(els);
	await els.getByLabel('Naam van de bijeenkomst').fill(title);
	await els.getByLabel('Datum').fill(tomorrow());
	await els.getByLabel('Van', { exact: true }).fill('10:00');
	await els.getByLabel('Tot', { exact: true }).fill('12:00');
	await els.getByLabel('Adres').fill('Citadelpark, ingang Charles de Kerchovelaan, Gent');
	await els.getByLabel('Hoeveel plaatsen?').fill('2');
	await els.getByRole('radio', { name: 'Elke week' }).check();
	await els.getByRole('button', { name: 'Bijeenkomst maken' }).click();
	await expect(els.getByRole('heading', { level: 1, name: title })).toBeVisible();
	await expect(
		els.getByRole('status').filter({ hasText: 'De bijeenkomst is gemaakt.' })
	).toBeVisible();
	// Said once: not again when the page is loaded anew.
	await els.reload();
	await expect(els.getByRole('heading', { level: 1, name: title })).toBeVisible();
	await expect(els.getByText('De bijeenkomst is gemaakt.')).toHaveCount(0);
	await expect(els.getByRole('region', { name: 'Wie komt' })).toContainText(
		'0 van 2 plaatsen bezet'
	);
	const meetupPage = new URL(els.url()).pathname.replace(/\/host$/, '');
	expect(meetupPage).toMatch(/^\/m\/[0-9a-f-]{36}$/);

	// Three members answer "I'm coming"; the third lands on the waiting list.
	const karim = await phone(browser);
	await signIn(karim, 'lid@kring.test');
	const lotte = await phone(browser);
	await joinGhent(lotte, 'Lotte');
	const youssef = await phone(browser);
	await joinGhent(youssef, 'Youssef');

	for (const person of [karim, lotte]) {
		await person.goto(meetupPage);
		await expect(person.getByRole('heading', { level: 1, name: title })).toBeVisible();
		await person.getByRole('button', { name: 'Ik kom' }).click();
		await expect(person.getByText('Je komt', { exact: true })).toBeVisible();
	}
	await expectNoAxeViolations(lotte);
	await youssef.goto(meetupPage);
	await youssef.getByRole('button', { name: 'Ik kom' }).click();
	await expect(youssef.getByText('Je staat op de wachtlijst (plaats 1)')).toBeVisible();

	// Karim can't come after all: Youssef gets his place and is told.
	await karim.getByRole('button', { name: 'Ik kan niet' }).click();
	await expect(karim.getByText('Je komt niet', { exact: true })).toBeVisible();

	// Two new: the promotion, and the reminder that is due because the meetup is tomorrow.
	await youssef.goto('/home');
	await youssef.getByRole('link', { name: 'Meldingen, 2 nieuw' }).click();
	await expect(
		youssef.getByText(`Je bent van de wachtlijst: je hebt een plaats voor ${title}`)
	).toBeVisible();
	await expect(youssef.getByText(`Morgen: ${title}`)).toBeVisible();
	await expectNoAxeViolations(youssef);
	await youssef.goto(meetupPage);
	await expect(youssef.getByText('Je komt', { exact: true })).toBeVisible();

	// On the day the host checks in the two who came.
	await els.reload();
	await expectNoAxeViolations(els);
	const checkIn = els.getByRole('region', { name: 'Wie is er?' });
	await expect(checkIn.getByText('Er zijn: 0')).toBeVisible();
	for (const name of ['Lotte', 'Youssef']) {
		await checkIn.getByRole('button', { name: new RegExp(`^${name}`) }).click();
		await expect(checkIn.getByRole('listitem').filter({ hasText: name })).toContainText('is er');
	}
	await expect(checkIn.getByText('Er zijn: 2')).toBeVisible();
	await expect(checkIn.getByRole('button', { name: /^Karim/ })).toBeVisible();
	await expectNoAxeViolations(els);
});
