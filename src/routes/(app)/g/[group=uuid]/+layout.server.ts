import { m } from '$lib/paraglide/messages';
import { error } from '@sveltejs/kit';
import type { LayoutServerLoad } from './$types';

// The group comes with the signed-in area's one call (app_shell); null when I am not an active
// member of it, or it does not exist. Page loads below do not wait for this.
export const load: LayoutServerLoad = async ({ parent }) => {
	const { group } = await parent();
	if (!group) error(404, m.page_not_found());
	return { group };
};
