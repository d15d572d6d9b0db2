// The moderators' form actions, shared by the item page and the members page. Each sends the
// moderator's reason with the action; a refusal comes back in plain words with what was typed,
// in one shape for every form: { refused: { action, target, ...typed, field, problem } }.
import { m } from '$lib/paraglide/messages';
import { reasonText, type Done, type ModerationFormName, type Refused } from '$lib/moderation';
import { messageSchema, muteSchema, reasonSchema, removeSchema } from '$lib/schemas/moderator';
import { explainDatabaseError } from '$lib/server/errors';
import {
	dismissReports,
	hide,
	messageMember,
	muteMember,
	removeFromGroup,
	restore,
	unmuteMember,
	type Target
} from '$lib/server/moderation';
import { fail, type Action } from '@sveltejs/kit';
import type { z } from 'zod';

function targetOf(data: { post?: string; comment?: string; member?: string }): Target | null {
	if (data.post) return { post: data.post };
	if (data.comment) return { comment: data.comment };
	if (data.member) return { member: data.member };
	return null;
}

function typed(action: ModerationFormName, form: Record<string, FormDataEntryValue>) {
	const text = (name: string) => String(form[name] ?? '');
	return {
		action,
		target: text('post') || text('comment') || text('member'),
		pick: text('pick'),
		words: text('words'),
		days: text('days'),
		body: text('body')
	};
}

function refuse(
	action: ModerationFormName,
	form: Record<string, FormDataEntryValue>,
	problem: string,
	field: string | null = null
) {
	return fail(400, { refused: { ...typed(action, form), field, problem } satisfies Refused });
}

type Result = { error: { message: string; code?: string } | null };

/** A form action: check the form, run the database function, say what happened. */
function moderationAction<S extends z.ZodType>(
	action: ModerationFormName,
	schema: S,
	run: (
		input: z.infer<S> & { target: Target | null; group: string; supabase: App.Locals['supabase'] }
	) => PromiseLike<Result> | null,
	done: (input: z.infer<S>) => string
): Action<{ group: string }> {
	return async ({ request, locals, params }) => {
		const form = Object.fromEntries(await request.formData());
		const parsed = schema.safeParse(form);
		if (!parsed.success) {
			const issue = parsed.error.issues[0];
			return refuse(action, form, issue.message, String(issue.path[0] ?? '') || null);
		}
		const data = parsed.data as z.infer<S> & { post?: string; comment?: string; member?: string };
		const target = targetOf(data);
		const call = run({ ...data, target, group: params.group, supabase: locals.supabase });
		if (!call) return refuse(action, form, m.error_something_wrong());
		const { error } = await call;
		// The database says not_allowed also when the member is a moderator, or oneself.
		if (error) {
			const words =
				error.message === 'not_allowed' ? m.mod_error_not_allowed() : explainDatabaseError(error);
			return refuse(action, form, words);
		}
		return { done: { ...typed(action, form), text: done(data) } satisfies Done };
	};
}

const content = (target: Target | null) => (target && !('member' in target) ? target : null);
const member = (target: Target | null) => (target && 'member' in target ? target.member : null);

export const moderationActions = {
	dismiss: moderationAction(
		'dismiss',
		reasonSchema,
		({ supabase, group, target, ...reason }) =>
			target ? dismissReports(supabase, group, target, reasonText(reason)) : null,
		() => m.mod_done_dismiss()
	),
	hide: moderationAction(
		'hide',
		reasonSchema,
		({ supabase, target, ...reason }) => {
			const item = content(target);
			return item ? hide(supabase, item, reasonText(reason)) : null;
		},
		() => m.mod_done_hide()
	),
	restore: moderationAction(
		'restore',
		reasonSchema,
		({ supabase, target, ...reason }) => {
			const item = content(target);
			return item ? restore(supabase, item, reasonText(reason)) : null;
		},
		() => m.mod_done_restore()
	),
	message: moderationAction(
		'message',
		messageSchema,
		({ supabase, target, client_id, body }) => {
			const id = member(target);
			return id ? messageMember(supabase, client_id, id, body) : null;
		},
		() => m.mod_done_message()
	),
	mute: moderationAction(
		'mute',
		muteSchema,
		({ supabase, target, days, ...reason }) => {
			const id = member(target);
			return id ? muteMember(supabase, id, Number(days), reasonText(reason)) : null;
		},
		() => m.mod_done_mute()
	),
	unmute: moderationAction(
		'unmute',
		reasonSchema,
		({ supabase, target, ...reason }) => {
			const id = member(target);
			return id ? unmuteMember(supabase, id, reasonText(reason)) : null;
		},
		() => m.mod_done_unmute()
	),
	remove: moderationAction(
		'remove',
		removeSchema,
		({ supabase, target, ...reason }) => {
			const id = member(target);
			return id ? removeFromGroup(supabase, id, reasonText(reason)) : null;
		},
		() => m.mod_done_remove()
	)
};
