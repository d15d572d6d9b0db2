// The "Melden" menu's form (ReportForm.svelte) is in the HTML of every page that has the menu, so
// that it works before the page's scripts arrive and without them; the browser only needs it when
// a member opens the menu (issue 13: 0.5 KB gzipped less on the feed and the post page).
// `import.meta.env.SSR` is false in the browser's build, which then keeps only the loader.
import type ReportForm from './ReportForm.svelte';

/** What is reported: a post, an answer or a member, by id. */
export type ReportTarget = { post: string } | { comment: string } | { member: string };

export const loadReportForm = () => import('./ReportForm.svelte');

/** The form, for the server's render only. */
export const serverReportForm: typeof ReportForm | undefined = import.meta.env.SSR
	? (await loadReportForm()).default
	: undefined;
