// A low-vision reader zooms their 360 px phone to 200%: the pages are 180 CSS px wide. Nothing
// may push a page sideways, and the words of the main buttons stay whole (try-out 16: F14, F15,
// F24, F25).
import type { Page } from '@playwright/test';
import { expect, expectNoHorizontalScroll, test } from './fixtures';
import { createMeetup, gent, phone, signIn } from './people';
import { signedInClient } from './platform-file';

async function atDoubleZoom(page: Page) {
	await page.setViewportSize({ width: 180, height: 370 });
}

/** Each word of the element's text is on one line: no line starts or ends inside a word. */
async function wordsAreWhole(page: Page, selector: string) {
	return page.locator(selector).evaluateAll((elements) =>
		elements.map((element) => {
			const words: string[] = [];
			const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
			for (let node = walker.nextNode(); node; node = walker.nextNode()) {
				const text = node.textContent ?? '';
				for (const match of text.matchAll(/\S+/g)) {
					const range = document.createRange();
					range.setStart(node, match.index);
					range.setEnd(node, match.index + match[0].length);
					// A word broken over lines has one box per line.
					const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
					if (lines.size > 1) words.push(match[0]);
				}
			}
			return words;
		})
	);
}

/** Karim reads in the given language for the time of the test (his saved language, nl). */
async function karimSpeaks(language: string) {
	const karim = await signedInClient('lid@kring.test');
	const me = (await karim.auth.getUser()).data.user!.id;
	const { error } = await karim.from('profiles').update({ language }).eq('id', me);
	expect(error).toBeNull();
}

/** From the seed: Marie reads French, in the Brussels group. */
const bruxelles = 'cac359ab-41d2-5d55-9e4e-6ff781f9bc4a';

test('at 200% zoom the answer buttons of a meetup keep their words whole, in Dutch and French', async ({
	browser
}) => {
	const els = await signedInClient('moderator@kring.test');
	const meetup = await createMeetup(els, {
		target_group: gent,
		title: 'Koffieochtend',
		starts_at: new Date(Date.now() + 3 * 24 * 3600_000).toISOString(),
		transport_help: true
	});
	for (const [language, going] of [
		['nl', 'Ik kom'],
		['fr', 'Je viens']
	]) {
		await karimSpeaks(language);
		try {
			const page = await phone(browser);
			await signIn(page, 'lid@kring.test');
			await atDoubleZoom(page);
			await page.goto(`/m/${meetup}`);
			await expect(page.getByRole('button', { name: going })).toBeVisible();
			expect(await wordsAreWhole(page, 'button.answer')).toEqual([[], [], []]);
			// The needs, each a checkbox with its words, keep their words whole too.
			expect((await wordsAreWhole(page, '.check label')).flat()).toEqual([]);
			await expectNoHorizontalScroll(page);
			await page.context().close();
		} finally {
			await karimSpeaks('nl');
		}
	}
});

test("at 200% zoom no page scrolls sideways: the public page, and a French member's pages", async ({
	page
}) => {
	await atDoubleZoom(page);
	// The public page of an organisation, with its agenda's chips ("Rolstoeltoegankelijk").
	await page.goto('/o/samen-sterk');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expectNoHorizontalScroll(page);

	await signIn(page, 'marie@kring.test');
	for (const path of ['/home', '/o/new', `/g/${bruxelles}`, '/me', '/notifications']) {
		await page.goto(path);
		await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
		await expectNoHorizontalScroll(page);
	}
	// The bottom bar's labels stay apart ("AccueilNotifications" ran together).
	const labels = await page
		.getByRole('navigation', { name: 'Menu principal' })
		.locator('a > span:not(.icon):not(.visually-hidden)')
		.evaluateAll((spans) => spans.map((span) => span.getBoundingClientRect().toJSON()));
	expect(labels).toHaveLength(3);
	for (let i = 1; i < labels.length; i++) {
		expect(labels[i].left).toBeGreaterThan(labels[i - 1].right);
	}
});
test("at 200% zoom a group's tabs are one strip, every tab still there", async ({ page }) => {
	await signIn(page, 'moderator@kring.test');
	await atDoubleZoom(page);
	await page.goto(`/g/${gent}`);
	const tabs = page.getByRole('navigation', { name: 'Praatgroep Gent' });
	const links = tabs.getByRole('link');
	await expect(links.first()).toBeVisible();
	const tops = await links.evaluateAll((all) =>
		all.map((link) => Math.round(link.getBoundingClientRect().top))
	);
	expect(new Set(tops).size, 'the tabs are on one line').toBe(1);
	// Every tab is still there for a screen reader, the current one marked.
	await expect(tabs.getByRole('link', { name: 'Hoe gaat het?' })).toHaveCount(1);
	await expect(tabs.locator('[aria-current="page"]')).toHaveCount(1);
	await expectNoHorizontalScroll(page);
});
