// The settings the app cannot run without, checked once with a message that says what to do.
import { env } from '$env/dynamic/public';
import { z } from 'zod';

const settings = z.object({
	PUBLIC_SUPABASE_URL: z.url(),
	PUBLIC_SUPABASE_ANON_KEY: z.string().min(1)
});

let checked: z.infer<typeof settings> | undefined;

export function supabaseSettings(): z.infer<typeof settings> {
	if (checked) return checked;
	const result = settings.safeParse(env);
	if (!result.success) {
		throw new Error(
			'PUBLIC_SUPABASE_URL and PUBLIC_SUPABASE_ANON_KEY must be set: start the app with `npm run dev`, or set them to your Supabase project.'
		);
	}
	return (checked = result.data);
}
