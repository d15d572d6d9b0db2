// "Ik voel me buitengesloten": a private message to one moderator of a group, or to all of them.
// Not a report against anyone. The answer comes on "What the moderators did".
import { m } from '$lib/paraglide/messages';
import { leftOutSchema } from '$lib/schemas/moderation';
import { explainDatabaseError } from '$lib/server/errors';
import { groupModerators, myGroups, sendLeftOut } from '$lib/server/moderation-member';
import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';

const chosen = z.uuid();

export const load: PageServerLoad = async ({ locals, url }) => {
	const asked = chosen.safeParse(url.searchParams.get('group'));
	// The moderators of the group in the address are asked for at the same time as my groups.
	const [groups, askedModerators] = await Promise.all([
		myGroups(locals.supabase),
		asked.success ? groupModerators(locals.supabase, asked.data) : null
	]);
	const only = groups.length === 1 ? groups[0] : undefined;
	const group = asked.success ? groups.find((mine) => mine.group_id === asked.data) : only;
	const moderators = !group
		? null
		: asked.success
			? askedModerators
			: await groupModerators(locals.supabase, group.group_id);
	return {
		groups,
		group: group ?? null,
		moderators: moderators ?? [],
		clientId: crypto.randomUUID()
	};
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const typed = Object.fromEntries(await request.formData());
		const kept = { to: String(typed.to ?? ''), body: String(typed.body ?? '') };
		const parsed = leftOutSchema.safeParse(typed);
		if (!parsed.success) {
			const body = parsed.error.issues.find((issue) => issue.path[0] === 'body');
			return fail(400, { ...kept, problem: body?.message ?? m.error_something_wrong() });
		}
		const { data: thread, error } = await sendLeftOut(locals.supabase, {
			clientId: parsed.data.client_id,
			groupId: parsed.data.group,
			to: parsed.data.to || null,
			body: parsed.data.body
		});
		if (error) return fail(403, { ...kept, problem: explainDatabaseError(error) });
		redirect(303, `/me/moderation?sent=${thread}#thread-${thread}`);
	}
};
