// Asking to join a group whose moderators decide who joins (join_policy 'request'), or simply
// joining an open one. A newcomer without an account gets one from the nickname, as on the join
// page; the page then shows where the request stands: waiting, refused (why, and from when one
// may ask again) or in.
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { joinSchema } from '$lib/schemas/posts';
import { refuse } from '$lib/server/forms';
import { joinWithNickname } from '$lib/server/joining';
import { joinRequestStatus } from '$lib/server/moderation-member';
import { myProfile } from '$lib/server/profiles';
import { shortDate } from '$lib/time';
import { error, redirect } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const { user } = await locals.safeGetSession();
	const [status, profile] = await Promise.all([
		joinRequestStatus(locals.supabase, params.group),
		user ? myProfile(locals.supabase, user.id) : null
	]);
	if (!status) error(404, m.error_group_not_found());
	return {
		status,
		form: await superValidate({ nickname: profile?.display_name ?? '' }, zod4(joinSchema), {
			errors: false
		})
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { request, params } = event;
		const form = await superValidate(request, zod4(joinSchema));
		if (!form.valid) return refuse(form);
		const joined = await joinWithNickname(event, { group: params.group }, form.data.nickname);
		if (!joined.ok) {
			// A request refused less than 30 days ago: the database says from when one may ask again.
			const again =
				joined.refusal?.message === 'join_request_refused' &&
				Date.parse(joined.refusal.details ?? '') > 0
					? `${m.ask_refused()} ${m.ask_again_at({ date: shortDate(joined.refusal.details!, getLocale()) })}`
					: undefined;
			return refuse(form, again ? { message: again } : joined);
		}
		redirect(303, joined.status === 'active' ? `/g/${params.group}` : `/ask/${params.group}`);
	}
};
