import { joinSchema } from '$lib/schemas/posts';
import { refuse } from '$lib/server/forms';
import { invitePreview } from '$lib/server/groups';
import { joinWithNickname } from '$lib/server/joining';
import { myProfile } from '$lib/server/profiles';
import { m } from '$lib/paraglide/messages';
import { redirect } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import type { Actions, PageServerLoad } from './$types';

// A link that no longer works says only that: not the group, nor why (invite_preview).
const problem = (preview: { state: string | null } | null) =>
	!preview ? m.join_invalid() : preview.state !== 'valid' ? m.join_no_longer_works() : undefined;

export const load: PageServerLoad = async ({ locals, params }) => {
	const preview = await invitePreview(locals.supabase, params.code);
	const { user } = await locals.safeGetSession();
	const profile = user && (await myProfile(locals.supabase, user.id));
	const refused = problem(preview);
	return {
		preview: refused ? null : preview,
		problem: refused,
		form: await superValidate(
			{ nickname: preview?.claims_nickname ?? profile?.display_name ?? '' },
			zod4(joinSchema),
			{ errors: false }
		)
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { request, locals, params } = event;
		const form = await superValidate(request, zod4(joinSchema));
		if (!form.valid) return refuse(form);
		// A link that no longer works says so before anything else, and makes no account.
		const refused = problem(await invitePreview(locals.supabase, params.code));
		if (refused) return refuse(form, { message: refused });
		const joined = await joinWithNickname(event, { invite: params.code }, form.data.nickname);
		if (!joined.ok) return refuse(form, joined);
		redirect(303, `/g/${joined.groupId}`);
	}
};
