import { joinSchema } from '$lib/schemas/posts';
import { startWithNickname } from '$lib/server/auth';
import { explainDatabaseError } from '$lib/server/errors';
import { refuse } from '$lib/server/forms';
import { acceptInvite, invitePreview } from '$lib/server/groups';
import { myProfile } from '$lib/server/profiles';
import { m } from '$lib/paraglide/messages';
import { redirect } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';

const problems: Record<string, () => string> = {
	expired: m.join_expired,
	revoked: m.join_revoked,
	used_up: m.join_used_up
};

export const load: PageServerLoad = async ({ locals, params }) => {
	const preview = await invitePreview(locals.supabase, params.code);
	const { user } = await locals.safeGetSession();
	const profile = user && (await myProfile(locals.supabase, user.id));
	return {
		preview,
		problem: !preview ? m.join_invalid() : problems[preview.state]?.(),
		form: await superValidate(
			{ nickname: preview?.claims_nickname ?? profile?.display_name ?? '' },
			zod4(joinSchema),
			{ errors: false }
		)
	};
};

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		const form = await superValidate(request, zod4(joinSchema));
		if (!form.valid) return refuse(form);
		// A link that no longer works must not leave a new account behind.
		const preview = await invitePreview(locals.supabase, params.code);
		if (preview?.state !== 'valid') {
			return refuse(form, { message: !preview ? m.join_invalid() : problems[preview.state]() });
		}
		// A newcomer without an account gets one here, from the nickname alone.
		const { user } = await locals.safeGetSession();
		if (!user) {
			const started = await startWithNickname(locals.supabase, form.data.nickname);
			if (!started.ok) return refuse(form, started);
		}
		const { data: groupId, error } = await acceptInvite(
			locals.supabase,
			params.code,
			form.data.nickname
		);
		if (error) return refuse(form, { message: explainDatabaseError(error) });
		redirect(303, `/g/${groupId}`);
	}
};
