import { appShell } from '$lib/server/shell';
import { signInAddress } from '$lib/server/sign-in-first';
import { redirect } from '@sveltejs/kit';
import type { LayoutServerLoad } from './$types';

// The one guard of the signed-in area, and the one call for what every layout in it shows
// (app_shell: my name, unread count, the page's group). Pages do not wait for it: their own
// call starts at the same time. Reading url makes SvelteKit run this again on every navigation,
// so the unread count is fresh on each page; the call is read only.
export const load: LayoutServerLoad = async ({ locals, url, params, depends }) => {
	// The notifications page asks for the count again once it marked what it showed as read.
	depends('kring:unread');
	const signin = signInAddress(url);
	const { user } = await locals.safeGetSession();
	if (!user) redirect(303, signin);
	const shell = await appShell(locals.supabase, params.group);
	if (!shell) redirect(303, signin);
	return {
		person: {
			// Their own id, for their own page only: the outbox keeps and sends their writes by it.
			id: user.id,
			name: shell.person.name,
			anonymous: user.is_anonymous ?? false,
			email: user.email ?? null
		},
		notificationsUnread: shell.unread,
		group: shell.group
	};
};
