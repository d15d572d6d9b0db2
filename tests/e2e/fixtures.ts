// Playwright's test with what every journey needs: an accessibility check for each page visited.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

export { expect, test };

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
