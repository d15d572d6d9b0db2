// "Wat Kring over mij bijhoudt": per group, what the moderators see about me right now in kind
// words, what they did for me (by role), and the switch to leave that group's signals.
import { actionSentence, signalSentences } from '$lib/my-inclusion-sentences';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { explainDatabaseError } from '$lib/server/errors';
import { myInclusion, setSignalsOptOut } from '$lib/server/my-inclusion';
import { shortDate, timeAgo } from '$lib/time';
import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const groups = await myInclusion(locals.supabase);
	const locale = getLocale();
	const now = new Date();
	return {
		groups: groups.map((group) => ({
			id: group.id,
			name: group.name,
			optedOut: group.signals_opt_out,
			// An opted-out member appears in no signal; the page says so rather than "nothing".
			signals: group.signals_opt_out
				? []
				: signalSentences(group.signals, locale).map((sentence) => ({
						kind: sentence.kind,
						text: sentence.text,
						posts: sentence.posts.map((post) => ({
							id: post.id,
							date: shortDate(post.since, locale)
						}))
					})),
			actions: group.actions.flatMap((action, index) => {
				const text = actionSentence(action, locale);
				if (!text) return [];
				return [
					{
						key: `${action.created_at}-${index}`,
						text,
						at: action.created_at,
						ago: timeAgo(action.created_at, locale, now),
						meetup: action.meetup?.id ?? null,
						post: action.post,
						// Welcome and check-in words arrive as a message the member can answer.
						message: action.kind === 'welcome' || action.kind === 'check_in'
					}
				];
			})
		}))
	};
};

const optOutSchema = z.object({
	group: z.uuid(),
	opt_out: z.enum(['yes', 'no'])
});

export const actions: Actions = {
	signals: async ({ request, locals }) => {
		const parsed = optOutSchema.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { group: null, problem: m.error_something_wrong() });
		const { group, opt_out } = parsed.data;
		const refused = await setSignalsOptOut(locals.supabase, group, opt_out === 'yes');
		if (refused) return fail(403, { group, problem: explainDatabaseError(refused) });
		return { group, optedOut: opt_out === 'yes' };
	}
};
