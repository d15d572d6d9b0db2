import { joinSchema } from '$lib/schemas/posts';
import { tryJoin } from '$lib/server/attempts';
import { startWithNickname } from '$lib/server/auth';
import { clientAddress } from '$lib/server/client-address';
import { explainDatabaseError, fieldOfRefusal } from '$lib/server/errors';
import { refuse } from '$lib/server/forms';
import {
	acceptInvite,
	invitePreview,
	inviteNicknameRefusal,
	undoNewAccount
} from '$lib/server/groups';
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
		const address = clientAddress(event);
		const { user } = await locals.safeGetSession();
		const tooMany = await tryJoin(address, user?.id);
		if (tooMany) return refuse(form, tooMany);
		// A link that no longer works must not leave a new account behind.
		const preview = await invitePreview(locals.supabase, params.code);
		const refused = problem(preview);
		if (refused) return refuse(form, { message: refused });
		// A newcomer without an account gets one here, from the nickname alone, once the group
		// takes the name: a refused name must not leave an account and a session behind.
		if (!user) {
			const refusal = await inviteNicknameRefusal(locals.supabase, params.code, form.data.nickname);
			if (refusal) {
				return refuse(form, {
					field: fieldOfRefusal[refusal],
					message: explainDatabaseError({ message: refusal })
				});
			}
			const started = await startWithNickname(locals.sessionClient, address, form.data.nickname);
			if (!started.ok) return refuse(form, started);
		}
		const { data: groupId, error } = await acceptInvite(
			locals.supabase,
			params.code,
			form.data.nickname
		);
		if (error) {
			// Someone took the name in the meantime: the account made above goes again.
			if (!user) await undoNewAccount(locals.supabase, locals.sessionClient);
			return refuse(form, {
				field: fieldOfRefusal[error.message],
				message: explainDatabaseError(error)
			});
		}
		redirect(303, `/g/${groupId}`);
	}
};
