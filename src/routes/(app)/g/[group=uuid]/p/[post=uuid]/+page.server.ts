import { m } from '$lib/paraglide/messages';
import { reactionKinds } from '$lib/kinds';
import { commentSchema, editCommentSchema, editPostSchema } from '$lib/schemas/posts';
import { explainDatabaseError } from '$lib/server/errors';
import { refuse } from '$lib/server/forms';
import {
	createComment,
	deleteComment,
	deletePost,
	editComment,
	editPost,
	pinPost,
	postPage,
	toggleReaction
} from '$lib/server/posts';
import { getLocale } from '$lib/paraglide/runtime';
import { shellData } from '$lib/server/shell';
import { meetupMoment, withAgo } from '$lib/time';
import { error, fail, redirect } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';

// One call: the post and its answers with what the layouts show (the shell, with the group).
export const load: PageServerLoad = async ({ locals, params }) => {
	const [page, { user }] = await Promise.all([
		postPage(locals.supabase, params.group, params.post),
		locals.safeGetSession()
	]);
	const group = page?.shell.group;
	if (!page || !group || !user) error(404, m.page_not_found());
	const { post, answers, shell } = page;
	const [commentForm, editForm] = await Promise.all([
		superValidate({ client_id: crypto.randomUUID() }, zod4(commentSchema), {
			errors: false,
			id: 'comment'
		}),
		superValidate({ kind: post.kind, body: post.body }, zod4(editPostSchema), {
			errors: false,
			id: 'edit'
		})
	]);
	const now = new Date();
	const [dated] = withAgo([post], getLocale(), now);
	return {
		...shellData(shell, user, group),
		post: dated,
		answers: withAgo(answers, getLocale(), now),
		mutedUntil: group.me.muted_until && meetupMoment(group.me.muted_until, getLocale()),
		commentForm,
		editForm
	};
};

const reaction = z.object({
	kind: z.enum(reactionKinds),
	client_id: z.uuid(),
	// Whether the page showed it as given when tapped (sent by the page's script): what the tap
	// meant, so a write tried again from the outbox never takes back what its first try gave.
	given: z.enum(['true', 'false']).optional(),
	post: z.uuid().optional(),
	comment: z.uuid().optional()
});
const id = z.object({ id: z.uuid() });
const pin = z.object({ pinned: z.enum(['true', 'false']) });

async function formObject(request: Request) {
	return Object.fromEntries(await request.formData());
}

export const actions: Actions = {
	comment: async ({ request, locals, params }) => {
		const form = await superValidate(request, zod4(commentSchema), { id: 'comment' });
		if (!form.valid) return refuse(form);
		const { error: refused } = await createComment(locals.supabase, {
			clientId: form.data.client_id,
			postId: params.post,
			body: form.data.body,
			anonymous: form.data.anonymous
		});
		if (refused) return refuse(form, { field: 'body', message: explainDatabaseError(refused) });
		redirect(303, `/g/${params.group}/p/${params.post}`);
	},
	edit: async ({ request, locals, params }) => {
		const form = await superValidate(request, zod4(editPostSchema), { id: 'edit' });
		if (!form.valid) return refuse(form);
		const { error: refused } = await editPost(
			locals.supabase,
			params.post,
			form.data.kind,
			form.data.body
		);
		if (refused) return refuse(form, { field: 'body', message: explainDatabaseError(refused) });
		redirect(303, `/g/${params.group}/p/${params.post}`);
	},
	delete: async ({ locals, params }) => {
		const { error: refused } = await deletePost(locals.supabase, params.post);
		if (refused) return fail(403, { problem: explainDatabaseError(refused) });
		redirect(303, `/g/${params.group}`);
	},
	pin: async ({ request, locals, params }) => {
		const parsed = pin.safeParse(await formObject(request));
		if (!parsed.success) return fail(400, { problem: m.error_something_wrong() });
		const { error: refused } = await pinPost(
			locals.supabase,
			params.post,
			parsed.data.pinned === 'true'
		);
		if (refused) return fail(403, { problem: explainDatabaseError(refused) });
	},
	// A plain form per answer: what was typed comes back with the problem, in the same place.
	editComment: async ({ request, locals }) => {
		const typed = await formObject(request);
		const parsed = editCommentSchema.safeParse(typed);
		const kept = { id: String(typed.id ?? ''), body: String(typed.body ?? '') };
		if (!parsed.success) {
			return fail(400, { editComment: { ...kept, problem: parsed.error.issues[0].message } });
		}
		const { error: refused } = await editComment(locals.supabase, parsed.data.id, parsed.data.body);
		if (refused) {
			return fail(403, { editComment: { ...kept, problem: explainDatabaseError(refused) } });
		}
	},
	deleteComment: async ({ request, locals }) => {
		const parsed = id.safeParse(await formObject(request));
		if (!parsed.success) return fail(400, { problem: m.error_something_wrong() });
		const { error: refused } = await deleteComment(locals.supabase, parsed.data.id);
		if (refused) return fail(403, { problem: explainDatabaseError(refused) });
	},
	react: async ({ request, locals, params }) => {
		const parsed = reaction.safeParse(await formObject(request));
		if (!parsed.success) return fail(400, { problem: m.error_something_wrong() });
		const { kind, client_id, post, comment } = parsed.data;
		const target = comment ? { commentId: comment } : { postId: post ?? params.post };
		let given = parsed.data.given === 'true';
		if (!parsed.data.given) {
			// Without JavaScript the form says only which word: the database says whether I gave it.
			const page = await postPage(locals.supabase, params.group, params.post);
			given = Boolean(
				comment
					? page?.answers.find((c) => c.id === comment)?.my_reactions.includes(kind)
					: page?.post.my_reactions.includes(kind)
			);
		}
		const { error: refused } = await toggleReaction(
			locals.supabase,
			target,
			kind,
			given,
			client_id
		);
		if (refused) return fail(403, { problem: explainDatabaseError(refused) });
	}
};
