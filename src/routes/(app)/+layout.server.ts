import { appShell, shellComesWithPage, shellData, shellFromSession } from '$lib/server/shell';
import { signInAddress } from '$lib/server/sign-in-first';
import { redirect } from '@sveltejs/kit';
import type { LayoutServerLoad } from './$types';

// The one guard of the signed-in area, and what every layout in it shows (app_shell: my name,
// unread count, the page's group). The most-visited pages bring it with their own call, and
// their keys win in page.data, so for them this makes no call and only stands in. For the
// others the page's own call starts at the same time. Reading url makes SvelteKit run this again
// on every navigation, so the unread count is fresh on each page; the call is read only.
export const load: LayoutServerLoad = async ({ locals, url, params, route, depends }) => {
	// The notifications page asks for the count again once it marked what it showed as read.
	depends('kring:unread');
	const signin = signInAddress(url);
	const { user } = await locals.safeGetSession();
	if (!user) redirect(303, signin);
	if (shellComesWithPage.has(route.id)) return shellData(shellFromSession(user), user, null);
	const shell = await appShell(locals.supabase, params.group);
	if (!shell) redirect(303, signin);
	return shellData(shell, user, shell.group);
};
