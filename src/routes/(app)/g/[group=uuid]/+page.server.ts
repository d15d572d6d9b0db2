import { postSchema } from '$lib/schemas/posts';
import { explainDatabaseError } from '$lib/server/errors';
import { refuse } from '$lib/server/forms';
import { markSeen } from '$lib/server/groups';
import { upcomingMeetups } from '$lib/server/meetups';
import { getLocale } from '$lib/paraglide/runtime';
import { meetupWhen } from '$lib/time';
import { createPost, feed, pageSize } from '$lib/server/posts';
import { redirect } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';

const cursor = z.object({ before: z.iso.datetime({ offset: true }), id: z.uuid() });

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const parsed = cursor.safeParse({
		before: url.searchParams.get('before'),
		id: url.searchParams.get('id')
	});
	const before = parsed.success ? { createdAt: parsed.data.before, id: parsed.data.id } : undefined;
	const [posts, form, meetups] = await Promise.all([
		feed(locals.supabase, params.group, before),
		superValidate({ client_id: crypto.randomUUID() }, zod4(postSchema), { errors: false }),
		// The next one or two meetups, in the same round trip time as the feed.
		before ? [] : upcomingMeetups(locals.supabase, params.group, 2),
		before ? undefined : markSeen(locals.supabase, params.group)
	]);
	const now = new Date();
	const unpinned = posts.filter((post) => !post.pinned);
	const last = unpinned.length >= pageSize ? unpinned[unpinned.length - 1] : undefined;
	return {
		posts,
		form,
		paged: Boolean(before),
		meetups: meetups.map((meetup) => ({
			...meetup,
			when: meetupWhen(meetup.starts_at, meetup.ends_at, getLocale(), now)
		})),
		older: last && { before: last.created_at, id: last.id }
	};
};

export const actions: Actions = {
	post: async ({ request, locals, params }) => {
		const form = await superValidate(request, zod4(postSchema));
		if (!form.valid) return refuse(form);
		const { data: postId, error } = await createPost(locals.supabase, {
			clientId: form.data.client_id,
			groupId: params.group,
			kind: form.data.kind,
			body: form.data.body,
			anonymous: form.data.anonymous
		});
		if (error) return refuse(form, { field: 'body', message: explainDatabaseError(error) });
		// Straight to the new post, so the person sees it arrived.
		redirect(303, `/g/${params.group}#post-${postId}`);
	}
};
