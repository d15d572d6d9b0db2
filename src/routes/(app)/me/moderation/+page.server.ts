// "Wat de begeleiders deden": every action about me and my content, by role and never by name,
// and my threads with the moderators, each with a reply.
import { m } from '$lib/paraglide/messages';
import { replySchema } from '$lib/schemas/moderation';
import { explainDatabaseError } from '$lib/server/errors';
import { myModeration, replyToModerators } from '$lib/server/moderation-member';
import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const { actions, threads } = await myModeration(locals.supabase);
	return {
		actions,
		threads,
		// Right after "I feel left out" was sent: the page says it arrived.
		sent: url.searchParams.get('sent'),
		// One per thread: a reply sent twice (a flaky connection) arrives once.
		clientIds: Object.fromEntries(threads.map((thread) => [thread.id, crypto.randomUUID()]))
	};
};

export const actions: Actions = {
	reply: async ({ request, locals }) => {
		const typed = Object.fromEntries(await request.formData());
		const kept = { thread: String(typed.thread ?? ''), body: String(typed.body ?? '') };
		const parsed = replySchema.safeParse(typed);
		if (!parsed.success) {
			const body = parsed.error.issues.find((issue) => issue.path[0] === 'body');
			return fail(400, { reply: { ...kept, problem: body?.message ?? m.error_something_wrong() } });
		}
		const { error } = await replyToModerators(locals.supabase, {
			clientId: parsed.data.client_id,
			thread: parsed.data.thread,
			body: parsed.data.body
		});
		if (error) return fail(403, { reply: { ...kept, problem: explainDatabaseError(error) } });
		return { replied: parsed.data.thread };
	}
};
