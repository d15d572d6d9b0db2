// Where every "Melden" menu sends its report. With JavaScript the menu shows the answer where
// the person was; without, this page shows it with a way back.
import { m } from '$lib/paraglide/messages';
import { reportSchema } from '$lib/schemas/moderation';
import { explainDatabaseError } from '$lib/server/errors';
import { report } from '$lib/server/moderation-member';
import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

// Nothing to read: the page only says how a report went.
export const load: PageServerLoad = async () => ({});

/** Back to a page of this group only; anything else goes to the group's feed. */
function backTo(typed: unknown, groupId: string): string {
	const feed = `/g/${groupId}`;
	const path = typeof typed === 'string' ? typed : '';
	return path === feed || path.startsWith(`${feed}/`) ? path : feed;
}

function targetOf(typed: Record<string, FormDataEntryValue>) {
	for (const name of ['post', 'comment', 'member'] as const) {
		if (typeof typed[name] === 'string' && typed[name]) return { [name]: typed[name] as string };
	}
	return null;
}

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		const typed = Object.fromEntries(await request.formData());
		const back = backTo(typed.back, params.group);
		const kept = { back, target: targetOf(typed), body: String(typed.body ?? '') };
		const parsed = reportSchema.safeParse(typed);
		if (!parsed.success) {
			const tooLong = parsed.error.issues.find((issue) => issue.path[0] === 'body');
			return fail(400, { ...kept, problem: tooLong?.message ?? m.error_something_wrong() });
		}
		const { client_id, reason, post, comment, member, body } = parsed.data;
		const sent = await report(locals.supabase, {
			clientId: client_id,
			reason,
			post,
			comment,
			member,
			body
		});
		if (sent.error) return fail(403, { ...kept, problem: explainDatabaseError(sent.error) });
		return { back, reported: sent.already ? m.report_already() : m.report_sent() };
	}
};
