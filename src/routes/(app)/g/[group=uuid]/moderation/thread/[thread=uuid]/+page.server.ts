import { m } from '$lib/paraglide/messages';
import { moderatorReplySchema } from '$lib/schemas/moderator';
import { explainDatabaseError } from '$lib/server/errors';
import { replyAsModerators, threadPage } from '$lib/server/moderation';
import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const thread = await threadPage(locals.supabase, params.thread);
	if (!thread || thread.group_id !== params.group) error(404, m.page_not_found());
	return { thread, clientId: crypto.randomUUID() };
};

export const actions: Actions = {
	reply: async ({ request, locals, params }) => {
		const typed = Object.fromEntries(await request.formData());
		const body = String(typed.body ?? '');
		const parsed = moderatorReplySchema.safeParse(typed);
		if (!parsed.success)
			return fail(400, { reply: { body, problem: parsed.error.issues[0].message } });
		const { error: refused } = await replyAsModerators(
			locals.supabase,
			parsed.data.client_id,
			params.thread,
			parsed.data.body
		);
		if (refused) return fail(403, { reply: { body, problem: explainDatabaseError(refused) } });
		return { sent: m.mod_reply_sent() };
	}
};
