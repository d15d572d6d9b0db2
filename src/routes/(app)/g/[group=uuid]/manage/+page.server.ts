import { m } from '$lib/paraglide/messages';
import { refuseSchema } from '$lib/schemas/moderator';
import { inviteSchema } from '$lib/schemas/posts';
import { explainDatabaseError } from '$lib/server/errors';
import { refuse } from '$lib/server/forms';
import { refuseJoinRequest } from '$lib/server/moderation';
import {
	createInvite,
	decideJoinRequest,
	invites,
	members,
	revokeInvite,
	shareable
} from '$lib/server/groups';
import { error, fail } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, parent, url }) => {
	const { group } = await parent();
	if (group.me.role !== 'moderator') error(404, m.page_not_found());
	const [open, people, form] = await Promise.all([
		invites(locals.supabase, params.group),
		members(locals.supabase, params.group),
		superValidate(zod4(inviteSchema), { errors: false })
	]);
	return {
		form,
		invites: open.map((invite) => shareable(invite, url.origin)),
		requests: people.filter((person) => person.status === 'pending')
	};
};

const decision = z.object({ member: z.uuid(), approve: z.enum(['true', 'false']) });
const invite = z.object({ invite: z.uuid() });

export const actions: Actions = {
	invite: async ({ request, locals, params }) => {
		const form = await superValidate(request, zod4(inviteSchema));
		if (!form.valid) return refuse(form);
		const { error: refused } = await createInvite(
			locals.supabase,
			params.group,
			form.data.days,
			form.data.max_uses
		);
		if (refused) return refuse(form, { message: explainDatabaseError(refused) });
		return { form };
	},
	revoke: async ({ request, locals }) => {
		const parsed = invite.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { problem: m.error_something_wrong() });
		const { error: refused } = await revokeInvite(locals.supabase, parsed.data.invite);
		if (refused) return fail(403, { problem: explainDatabaseError(refused) });
	},
	decide: async ({ request, locals }) => {
		const parsed = decision.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { problem: m.error_something_wrong() });
		const { error: refused } = await decideJoinRequest(
			locals.supabase,
			parsed.data.member,
			parsed.data.approve === 'true'
		);
		// The name was free when they asked; someone named alike came in since. The database's
		// words are for the person choosing a name, not for the moderator deciding.
		if (
			refused?.message === 'nickname_taken' ||
			refused?.message === 'nickname_of_host_or_moderator'
		) {
			return fail(403, { problem: m.manage_error_request_name_taken() });
		}
		if (refused) return fail(403, { problem: explainDatabaseError(refused) });
	},
	// Refusing keeps the request as refused, with a reason the person reads if one is given.
	refuse: async ({ request, locals }) => {
		const typed = Object.fromEntries(await request.formData());
		const kept = { member: String(typed.member ?? ''), reason: String(typed.reason ?? '') };
		const parsed = refuseSchema.safeParse(typed);
		if (!parsed.success) {
			return fail(400, { refusal: { ...kept, problem: parsed.error.issues[0].message } });
		}
		const { error: refused } = await refuseJoinRequest(
			locals.supabase,
			parsed.data.member,
			parsed.data.reason || null
		);
		if (refused) return fail(403, { refusal: { ...kept, problem: explainDatabaseError(refused) } });
		return { refused: m.mod_refused() };
	}
};
