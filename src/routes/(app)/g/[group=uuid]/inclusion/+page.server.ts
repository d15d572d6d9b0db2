import { type Done, type InclusionFormName, type Refused } from '$lib/inclusion';
import { m } from '$lib/paraglide/messages';
import {
	answerSchema,
	buddySchema,
	handledSchema,
	inviteSchema,
	kindMessageSchema
} from '$lib/schemas/inclusion';
import { explainDatabaseError } from '$lib/server/errors';
import {
	askBuddy,
	askToAnswer,
	inclusionPage,
	inviteToMeetup,
	markHandled,
	sendKindMessage
} from '$lib/server/inclusion';
import { error, fail, type Action } from '@sveltejs/kit';
import type { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const inclusion = await inclusionPage(locals.supabase, params.group);
	if (!inclusion) error(404, m.page_not_found());
	// A kind action sent twice (a second tap, a retried connection) is done once.
	return { inclusion, clientId: crypto.randomUUID() };
};

type Result = { error: { message: string; code?: string } | null };

/** What a form sent, with every value of a repeated field (a circle's members) kept. */
function formValues(form: FormData) {
	const values: Record<string, unknown> = {};
	for (const [name, value] of form) {
		if (name === 'members') values.members = [...((values.members as string[]) ?? []), value];
		else values[name] = value;
	}
	return values;
}

/**
 * A form action on one signal: check the form, run the database function(s), say what
 * happened; a refusal comes back with what was typed and where the problem is.
 */
function signalAction<S extends z.ZodType>(
	action: InclusionFormName,
	schema: S,
	run: (
		input: z.infer<S>,
		context: { group: string; supabase: App.Locals['supabase'] }
	) => PromiseLike<Result>,
	done: (input: z.infer<S>) => string
): Action<{ group: string }> {
	return async ({ request, locals, params }) => {
		const form = await request.formData();
		const target = String(form.get('signal') ?? '');
		const typed = Object.fromEntries(
			[...form].filter(([, value]) => typeof value === 'string') as [string, string][]
		);
		const refuse = (problem: string, field: string | null = null) =>
			fail(400, { refused: { action, target, typed, field, problem } satisfies Refused });
		const parsed = schema.safeParse(formValues(form));
		if (!parsed.success) {
			const issue = parsed.error.issues[0];
			return refuse(issue.message, String(issue.path[0] ?? '') || null);
		}
		const { error } = await run(parsed.data, { group: params.group, supabase: locals.supabase });
		if (error) {
			return refuse(
				error.message === 'not_allowed' ? m.mod_error_not_allowed() : explainDatabaseError(error)
			);
		}
		return { done: { action, target, text: done(parsed.data) } satisfies Done };
	};
}

export const actions: Actions = {
	handled: signalAction(
		'handled',
		handledSchema,
		async ({ kind, members, post, note }, { group, supabase }) => {
			// A closed circle is one signal per member of the set: all are handled with one note.
			for (const member of members.length ? members : [null]) {
				const result = await markHandled(
					supabase,
					group,
					{ kind, member, post: post ?? null },
					note
				);
				if (result.error) return result;
			}
			return { error: null };
		},
		() => m.inclusion_done_handled()
	),
	message: signalAction(
		'message',
		kindMessageSchema,
		({ client_id, member, kind, body }, { group, supabase }) =>
			sendKindMessage(supabase, group, { clientId: client_id, member, kind, body }),
		() => m.inclusion_done_message()
	),
	invite: signalAction(
		'invite',
		inviteSchema,
		({ client_id, meetup, member }, { supabase }) =>
			inviteToMeetup(supabase, client_id, meetup, member),
		() => m.inclusion_done_invite()
	),
	buddy: signalAction(
		'buddy',
		buddySchema,
		({ client_id, member, buddy }, { group, supabase }) =>
			askBuddy(supabase, group, client_id, member, buddy),
		() => m.inclusion_done_buddy()
	),
	answer: signalAction(
		'answer',
		answerSchema,
		({ client_id, post, member }, { supabase }) => askToAnswer(supabase, client_id, post, member),
		() => m.inclusion_done_answer()
	)
};
