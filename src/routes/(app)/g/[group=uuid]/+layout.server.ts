import { m } from '$lib/paraglide/messages';
import { shellComesWithPage, type ShellGroup } from '$lib/server/shell';
import { error } from '@sveltejs/kit';
import type { LayoutServerLoad } from './$types';

// The group comes with the signed-in area's one call (app_shell); null when I am not an active
// member of it, or it does not exist. Page loads below do not wait for this. The feed and a
// post bring the group with their own call and say 404 themselves; their `group` is the one the
// pages below see (a page's keys win), so the layouts read page.data.group.
export const load: LayoutServerLoad = async ({ parent, route }) => {
	const { group } = await parent();
	if (shellComesWithPage.has(route.id)) return { group: group as ShellGroup };
	if (!group) error(404, m.page_not_found());
	return { group };
};
