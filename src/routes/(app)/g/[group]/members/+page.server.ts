import { m } from '$lib/paraglide/messages';
import { explainDatabaseError } from '$lib/server/errors';
import { leaveGroup, members, setRole } from '$lib/server/groups';
import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => ({
	members: await members(locals.supabase, params.group)
});

const roleChange = z.object({ member: z.uuid(), role: z.enum(['member', 'host', 'moderator']) });

export const actions: Actions = {
	role: async ({ request, locals }) => {
		const parsed = roleChange.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { problem: m.error_something_wrong() });
		const { error } = await setRole(locals.supabase, parsed.data.member, parsed.data.role);
		if (error) return fail(403, { problem: explainDatabaseError(error) });
	},
	leave: async ({ locals, params }) => {
		const { error } = await leaveGroup(locals.supabase, params.group);
		if (error) return fail(403, { problem: explainDatabaseError(error) });
		redirect(303, '/home');
	}
};
