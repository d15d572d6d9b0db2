// Playwright's test with what every journey needs: an accessibility check for each page visited,
// and, without asking, a check of every page any phone of the test opens: no Content-Security-
// Policy violation, and the security headers present on each document Kring serves.
import AxeBuilder from '@axe-core/playwright';
import {
	expect,
	test as base,
	type BrowserContext,
	type Page,
	type Response
} from '@playwright/test';

/** What a document from Kring carries, header by header (values are checked where they vary). */
const required: Record<string, RegExp> = {
	// A page's own policy names object-src; what is not a page says default-src 'none'.
	'content-security-policy':
		/(?=.*(object|default)-src 'none')(?=.*base-uri 'none')(?=.*frame-ancestors 'none')/,
	'x-content-type-options': /^nosniff$/,
	'referrer-policy': /^(no-referrer|same-origin|strict-origin-when-cross-origin)$/,
	'permissions-policy': /camera=\(\)/,
	'x-request-id': /./
};

/** An organisation's embeddable list, the one document another site may frame: it runs nothing. */
const framable = /^\/o\/[^/]+\/embed$/;
const framablePolicy = /(?=.*default-src 'none')(?=.*base-uri 'none')(?=.*frame-ancestors \*)/;

function checkDocument(response: Response, problems: string[]): void {
	if (!response.request().isNavigationRequest()) return;
	const url = new URL(response.url());
	// Kring's own documents only (the apps under test listen on 127.0.0.1).
	if (url.hostname !== '127.0.0.1') return;
	const headers = response.headers();
	const expected = framable.test(url.pathname)
		? { ...required, 'content-security-policy': framablePolicy }
		: required;
	for (const [name, value] of Object.entries(expected)) {
		if (!value.test(headers[name] ?? '')) {
			problems.push(`${url.pathname}: header ${name} is ${JSON.stringify(headers[name] ?? null)}`);
		}
	}
}

function watchPage(page: Page, problems: string[]): void {
	page.on('console', (message) => {
		if (/content security policy/i.test(message.text())) {
			problems.push(`${page.url()}: ${message.text()}`);
		}
	});
	page.on('response', (response) => checkDocument(response, problems));
}

async function watch(context: BrowserContext, problems: string[]): Promise<void> {
	context.on('page', (page) => watchPage(page, problems));
	for (const page of context.pages()) watchPage(page, problems);
	// The browser's own report of each violation, also of those it does not log.
	await context.exposeBinding('reportCspViolation', ({ page }, violation: string) => {
		problems.push(`${page.url()}: CSP violation: ${violation}`);
	});
	await context.addInitScript(() =>
		document.addEventListener('securitypolicyviolation', (event) =>
			(window as unknown as { reportCspViolation(text: string): void }).reportCspViolation(
				`${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`
			)
		)
	);
}

export const test = base.extend<{ pageChecks: void }>({
	pageChecks: [
		async ({ context, browser }, use) => {
			const problems: string[] = [];
			await watch(context, problems);
			// Journeys with two phones open a context of their own: it is watched the same way.
			const newContext = browser.newContext.bind(browser);
			browser.newContext = async (options) => {
				const opened = await newContext(options);
				await watch(opened, problems);
				return opened;
			};
			try {
				await use();
			} finally {
				browser.newContext = newContext;
			}
			expect(problems, 'CSP violations or missing security headers').toEqual([]);
		},
		{ auto: true }
	]
});

export { expect };

/** Fails the test with the list of problems when axe finds any WCAG 2.1 AA violation on the page. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	const problems = results.violations.map(
		(violation) =>
			`${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`
	);
	expect(problems, `accessibility problems on ${page.url()}`).toEqual([]);
}

/** Fails when the page scrolls sideways as it is shown now, naming the elements that stick out. */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
	const { overflow, widest } = await page.evaluate(() => {
		const width = document.documentElement.clientWidth;
		const widest = [...document.querySelectorAll('body *')]
			.filter((element) => element.getBoundingClientRect().right > width + 0.5)
			.map((element) => `${element.tagName.toLowerCase()}.${element.className}`)
			.slice(0, 5);
		return { overflow: document.documentElement.scrollWidth - width, widest };
	});
	expect(
		overflow,
		`${page.url()} scrolls sideways; too wide: ${widest.join(', ')}`
	).toBeLessThanOrEqual(0);
}

/** The same at 200% zoom, where a 360 px phone is 180 CSS px wide; the phone's size comes back. */
export async function fitsAtDoubleZoom(page: Page): Promise<void> {
	const size = page.viewportSize()!;
	await page.setViewportSize({ width: 180, height: size.height });
	try {
		await expectNoHorizontalScroll(page);
	} finally {
		await page.setViewportSize(size);
	}
}
