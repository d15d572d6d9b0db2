// Joining a group with a nickname, from an invite (/join) or by asking (/ask): one path for both.
// A newcomer without an account gets one from the nickname, but only for a name the group takes:
// the name is asked about first, and if the group still refuses it (someone took it meanwhile)
// the new account goes again. A refused name must leave no account and no session behind.
import type { Database } from '$lib/database.types';
import { tryJoin } from '$lib/server/attempts';
import { startWithNickname } from '$lib/server/auth';
import { clientAddress } from '$lib/server/client-address';
import { explainDatabaseError, fieldOfRefusal } from '$lib/server/errors';
import { acceptInvite, inviteNicknameRefusal, undoNewAccount } from '$lib/server/groups';
import { requestToJoin } from '$lib/server/moderation-member';
import { outage } from '$lib/server/outage';
import type { PostgrestError, SupabaseClient } from '@supabase/supabase-js';
import type { RequestEvent } from '@sveltejs/kit';

type Client = SupabaseClient<Database>;
type MemberStatus = Database['public']['Enums']['member_status'];

/** Where the newcomer joins: with an invite's code, or by asking a group that may be asked. */
export type JoinTarget = { invite: string } | { group: string };

export type Joined =
	| { ok: true; groupId: string; status: MemberStatus }
	| { ok: false; field?: string; message: string; refusal?: Refusal };

/** The database's refusal: its code, and for some its details (e.g. from when one may ask again). */
type Refusal = { message: string; code?: string; details?: string };

async function requestNicknameRefusal(supabase: Client, groupId: string, nickname: string) {
	const { data, error } = await supabase.rpc('check_request_nickname', {
		target_group: groupId,
		nickname
	});
	if (error) outage(error);
	return data;
}

/** What the group would say of the name (a code), before any account is made; null: it takes it. */
function nicknameRefusal(supabase: Client, target: JoinTarget, nickname: string) {
	return 'invite' in target
		? inviteNicknameRefusal(supabase, target.invite, nickname)
		: requestNicknameRefusal(supabase, target.group, nickname);
}

async function join(
	supabase: Client,
	target: JoinTarget,
	nickname: string
): Promise<{ groupId: string; status: MemberStatus } | { error: PostgrestError }> {
	if ('invite' in target) {
		const { data, error } = await acceptInvite(supabase, target.invite, nickname);
		return error ? { error } : { groupId: data, status: 'active' };
	}
	const { data, error } = await requestToJoin(supabase, target.group, nickname);
	return error ? { error } : { groupId: target.group, status: data };
}

const refused = (refusal: Refusal): Joined => ({
	ok: false,
	field: fieldOfRefusal[refusal.message],
	message: explainDatabaseError(refusal),
	refusal
});

/**
 * Joins (or asks to join) with `nickname`, limited per address and account like every join. The
 * refusal says which field it is about and why in words; `refusal` is the database's code, when
 * it had the last word (a page may say more, e.g. from when one may ask again).
 */
export async function joinWithNickname(
	event: RequestEvent,
	target: JoinTarget,
	nickname: string
): Promise<Joined> {
	const { locals } = event;
	const address = clientAddress(event);
	const { user } = await locals.safeGetSession();
	const tooMany = await tryJoin(address, user?.id);
	if (tooMany) return { ok: false, message: tooMany.message };
	if (!user) {
		const refusal = await nicknameRefusal(locals.supabase, target, nickname);
		if (refusal) return refused({ message: refusal });
		const started = await startWithNickname(locals.sessionClient, address, nickname);
		if (!started.ok) return started;
	}
	const joined = await join(locals.supabase, target, nickname);
	if ('error' in joined) {
		// Someone took the name in the meantime: the account made above goes again.
		if (!user) await undoNewAccount(locals.supabase, locals.sessionClient);
		return refused(joined.error);
	}
	return { ok: true, ...joined };
}
