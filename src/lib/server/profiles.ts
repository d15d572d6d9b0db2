// A person's own profile: the name shown in the header and the language Kring speaks.
import type { Database } from '$lib/database.types';
import { outage } from '$lib/server/outage';
import type { SupabaseClient } from '@supabase/supabase-js';

type Language = Database['public']['Tables']['profiles']['Row']['language'];

export async function myProfile(supabase: SupabaseClient<Database>, id: string) {
	const { data, error } = await supabase
		.from('profiles')
		.select('display_name, language')
		.eq('id', id)
		.maybeSingle();
	if (error) outage(error);
	return data;
}

export async function updateMyProfile(
	supabase: SupabaseClient<Database>,
	id: string,
	changes: { display_name?: string; language?: Language }
) {
	const { error } = await supabase.from('profiles').update(changes).eq('id', id);
	return { ok: !error };
}
