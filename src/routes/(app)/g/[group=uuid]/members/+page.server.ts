import { m } from '$lib/paraglide/messages';
import { explainDatabaseError } from '$lib/server/errors';
import { leaveGroup, members, setRole } from '$lib/server/groups';
import { addMemberWithoutPhone, createClaimInvite } from '$lib/server/hosting';
import { moderationActions } from '$lib/server/moderation-actions';
import { nickname } from '$lib/schemas/auth';
import { fail, redirect } from '@sveltejs/kit';
import { renderSVG } from 'uqr';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => ({
	members: await members(locals.supabase, params.group),
	// For a moderator's message to a member: sending it twice delivers it once.
	clientId: crypto.randomUUID()
});

const roleChange = z.object({ member: z.uuid(), role: z.enum(['member', 'host', 'moderator']) });

export const actions: Actions = {
	role: async ({ request, locals }) => {
		const parsed = roleChange.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { problem: m.error_something_wrong() });
		const { error } = await setRole(locals.supabase, parsed.data.member, parsed.data.role);
		if (error) return fail(403, { problem: explainDatabaseError(error) });
	},
	// A host or moderator keeps someone without a smartphone in the group by nickname.
	addWithoutPhone: async ({ request, locals, params }) => {
		const typed = String((await request.formData()).get('nickname') ?? '');
		const parsed = z.object({ nickname }).safeParse({ nickname: typed });
		if (!parsed.success) {
			return fail(400, { noPhone: { nickname: typed, problem: parsed.error.issues[0].message } });
		}
		const { error } = await addMemberWithoutPhone(
			locals.supabase,
			params.group,
			parsed.data.nickname
		);
		if (error) {
			return fail(403, { noPhone: { nickname: typed, problem: explainDatabaseError(error) } });
		}
		return { added: m.host_no_phone_added({ name: parsed.data.nickname }) };
	},
	// A moderator makes the one-time link with which that person takes over their name later.
	claim: async ({ request, locals, url }) => {
		const parsed = z
			.object({ member: z.uuid() })
			.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { problem: m.error_something_wrong() });
		const { data: code, error } = await createClaimInvite(locals.supabase, parsed.data.member);
		if (error || !code) return fail(403, { problem: explainDatabaseError(error) });
		const link = `${url.origin}/join/${code}`;
		return { claim: { member: parsed.data.member, link, qr: renderSVG(link, { border: 2 }) } };
	},
	// A moderator's actions on a member, each with the reason the member reads.
	mute: moderationActions.mute,
	message: moderationActions.message,
	remove: moderationActions.remove,
	leave: async ({ locals, params }) => {
		const { error } = await leaveGroup(locals.supabase, params.group);
		if (error) return fail(403, { problem: explainDatabaseError(error) });
		redirect(303, '/home');
	}
};
