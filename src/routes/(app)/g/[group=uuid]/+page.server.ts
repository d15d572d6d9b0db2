import { m } from '$lib/paraglide/messages';
import { postSchema } from '$lib/schemas/posts';
import { explainDatabaseError } from '$lib/server/errors';
import { refuse } from '$lib/server/forms';
import { markSeen } from '$lib/server/groups';
import { answerClimate } from '$lib/server/my-inclusion';
import { getLocale } from '$lib/paraglide/runtime';
import { meetupMoment, meetupWhen, withAgo } from '$lib/time';
import { createPost, feedPage, pageSize } from '$lib/server/posts';
import { shellData } from '$lib/server/shell';
import { error, fail, redirect } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';

const cursor = z.object({ before: z.iso.datetime({ offset: true }), id: z.uuid() });
const seen = z.object({ read_at: z.iso.datetime({ offset: true }) });
const climateSchema = z.object({ face: z.enum(['1', '2', '3', '4', '5', 'later']) });

// One call: the feed with what the layouts show (the shell, with the group and my role). Reading
// the feed writes nothing (page_group_feed is read only). "Seen" is the page's own POST (the seen
// action) after it showed the newest posts, only when there was news.
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const parsed = cursor.safeParse({
		before: url.searchParams.get('before'),
		id: url.searchParams.get('id')
	});
	const before = parsed.success ? { createdAt: parsed.data.before, id: parsed.data.id } : undefined;
	const [page, form, { user }] = await Promise.all([
		feedPage(locals.supabase, params.group, before),
		superValidate({ client_id: crypto.randomUUID() }, zod4(postSchema), { errors: false }),
		locals.safeGetSession()
	]);
	// Not an active member, or no such group.
	const group = page?.shell.group;
	if (!page || !group || !user) error(404, m.page_not_found());
	const now = new Date();
	const unpinned = page.posts.filter((post) => !post.pinned);
	const last = unpinned.length >= pageSize ? unpinned[unpinned.length - 1] : undefined;
	return {
		...shellData(page.shell, user, group),
		posts: withAgo(page.posts, getLocale(), now),
		mutedUntil: group.me.muted_until && meetupMoment(group.me.muted_until, getLocale()),
		form,
		paged: Boolean(before),
		meetups: page.meetups.map((meetup) => ({
			...meetup,
			when: meetupWhen(meetup.starts_at, meetup.ends_at, getLocale(), now)
		})),
		older: last && { before: last.created_at, id: last.id },
		news: page.news,
		readAt: page.read_at,
		// Whether to ask this month's climate question comes with the feed (one call).
		climateAsked: page.climate_question
	};
};

export const actions: Actions = {
	post: async ({ request, locals, params }) => {
		const form = await superValidate(request, zod4(postSchema));
		if (!form.valid) return refuse(form);
		const { data: postId, error: refused } = await createPost(locals.supabase, {
			clientId: form.data.client_id,
			groupId: params.group,
			kind: form.data.kind,
			body: form.data.body,
			anonymous: form.data.anonymous
		});
		if (refused) return refuse(form, { field: 'body', message: explainDatabaseError(refused) });
		// Straight to the new post, so the person sees it arrived.
		redirect(303, `/g/${params.group}#post-${postId}`);
	},
	// "Hoe voel je je de laatste tijd in deze groep?": a face, or "not now" (asked this month too).
	climate: async ({ request, locals, params }) => {
		const parsed = climateSchema.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { climateProblem: m.error_something_wrong() });
		const { face } = parsed.data;
		const refused = await answerClimate(
			locals.supabase,
			params.group,
			face === 'later' ? null : Number(face)
		);
		if (refused) return fail(403, { climateProblem: explainDatabaseError(refused) });
		return { climate: face === 'later' ? ('later' as const) : ('face' as const) };
	},
	// Sent by the page after it rendered (or by its button when JavaScript is off): everything up
	// to the moment the page was read counts as seen.
	seen: async ({ request, locals, params }) => {
		const parsed = seen.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { problem: m.error_something_wrong() });
		await markSeen(locals.supabase, params.group, parsed.data.read_at);
		redirect(303, `/g/${params.group}`);
	}
};
