// Inclusion as the member meets it: what the moderators see about me and did for me
// (my_inclusion), leaving or rejoining the signals of a group, the monthly climate question, and
// answering a buddy request. Every shape comes from the database by role, never with a moderator.
import type { Database } from '$lib/database.types';
import type { MyAction, MySignal } from '$lib/my-inclusion-sentences';
import { outage } from '$lib/server/outage';
import type { SupabaseClient } from '@supabase/supabase-js';

type Client = SupabaseClient<Database>;

export interface MyInclusionGroup {
	id: string;
	name: string;
	signals_opt_out: boolean;
	signals: MySignal[];
	actions: MyAction[];
}

/** "Wat Kring over mij bijhoudt" in one call: every group I am an active member of. */
export async function myInclusion(supabase: Client): Promise<MyInclusionGroup[]> {
	const { data, error } = await supabase.rpc('my_inclusion');
	if (error) outage(error);
	return (data as unknown as { groups: MyInclusionGroup[] } | null)?.groups ?? [];
}

/** Out of (or back into) the person-level signals of one group; the refusal, if any. */
export async function setSignalsOptOut(supabase: Client, groupId: string, optOut: boolean) {
	const { error } = await supabase.rpc('set_signals_opt_out', {
		target_group: groupId,
		opt_out: optOut
	});
	return error;
}

/** A face from 1 (very bad) to 5 (very good), or null for "not now": asked this month either way. */
export async function answerClimate(supabase: Client, groupId: string, face: number | null) {
	const { error } = await supabase.rpc('answer_climate', {
		target_group: groupId,
		face: face ?? undefined
	});
	return error;
}

/** Yes or "not now" to being a newcomer's buddy; the refusal, if any. */
export async function answerBuddyRequest(supabase: Client, request: string, accept: boolean) {
	const { error } = await supabase.rpc('answer_buddy_request', {
		buddy_request: request,
		accept
	});
	return error;
}
