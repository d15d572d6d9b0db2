// Inclusion as the member meets it: the monthly climate question and answering a buddy request.
// (What the moderators see about me comes with my_inclusion, once it is there.)
import type { Database } from '$lib/database.types';
import { outage } from '$lib/server/outage';
import type { SupabaseClient } from '@supabase/supabase-js';

type Client = SupabaseClient<Database>;

/** Whether the group page asks me how I feel in the group (at most once a month). */
export async function climateQuestion(supabase: Client, groupId: string): Promise<boolean> {
	const { data, error } = await supabase.rpc('climate_question', { target_group: groupId });
	if (error) outage(error);
	return data === true;
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
