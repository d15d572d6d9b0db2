// The admin of Samen Sterk reads the quarter's impact report, prints it and downloads it as CSV;
// a member who is not an admin is refused the page and the file.
import { readFile } from 'node:fs/promises';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { brusselsToday } from '../../src/lib/zoned';
import { phone, signIn } from './people';

test('the admin reads the quarter, picks a year and downloads the CSV', async ({ page }) => {
	await signIn(page, 'moderator@kring.test');
	await page.goto('/o/samen-sterk/admin/report');
	await expect(page.getByRole('heading', { level: 1, name: 'Impactrapport' })).toBeVisible();
	await expect(page.getByText('Samen Sterk vzw', { exact: true })).toBeVisible();
	await expect(page.getByRole('table').first()).toContainText('Activiteiten gehouden');
	// The demo has few people: small figures are words, never numbers under 5.
	await expect(page.getByRole('cell', { name: 'minder dan 5' }).first()).toBeVisible();
	await expectNoAxeViolations(page);

	await page.getByRole('radio', { name: 'Jaar' }).check();
	await page.getByRole('button', { name: 'Toon het rapport' }).click();
	await expect(page).toHaveURL(/period=year/);
	// The report counts months that are over: the year runs to the end of last month, in Brussels.
	const today = brusselsToday();
	const lastDay = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 1, 0));
	const year = lastDay.getUTCFullYear();
	const to = lastDay.toISOString().slice(0, 10);
	const words = new Intl.DateTimeFormat('nl', { dateStyle: 'long', timeZone: 'UTC' }).format(
		lastDay
	);
	await expect(page.getByText(`Van 1 januari ${year} tot en met ${words}`)).toBeVisible();
	await expect(
		page.getByText(`alleen maanden die voorbij zijn: tot en met ${words}`)
	).toBeVisible();

	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: /Download als CSV/ }).click()
	]);
	expect(download.suggestedFilename()).toBe(`impact-samen-sterk-${year}-01-01-${to}.csv`);
	const csv = await readFile((await download.path())!, 'utf8');
	const [header, ...rows] = csv.trim().split('\r\n');
	expect(header.split(',')[0]).toBe('Groep');
	expect(rows.at(-1)?.startsWith('Totaal,')).toBe(true);
	for (const row of rows) {
		for (const cell of row.split(',').slice(1)) {
			if (/^\d+$/.test(cell)) expect(Number(cell)).toBeGreaterThanOrEqual(5);
		}
	}

	// The print stylesheet shows the report alone.
	await page.emulateMedia({ media: 'print' });
	await expect(page.getByRole('button', { name: 'Toon het rapport' })).toBeHidden();
	await expect(page.getByRole('heading', { level: 1, name: 'Impactrapport' })).toBeVisible();
});

test('a member who is not an admin is refused the report and its CSV', async ({ browser }) => {
	const page = await phone(browser);
	await signIn(page, 'lid@kring.test');
	const response = await page.goto('/o/samen-sterk/admin/report');
	expect(response?.status()).toBe(403);
	// The error page says only that something went wrong: no figure, no organisation's report.
	await expect(page.getByRole('table')).toHaveCount(0);
	await expect(page.getByRole('heading', { level: 1, name: 'Impactrapport' })).toHaveCount(0);
	const csv = await page.request.get('/o/samen-sterk/admin/report.csv');
	expect(csv.status()).toBe(403);
});
