// The language switch posts here: remember the choice, keep it in the profile, go back.
import { languages } from '$lib/schemas/auth';
import { safeRedirect } from '$lib/server/auth';
import { rememberLanguage } from '$lib/server/language';
import { updateMyProfile } from '$lib/server/profiles';
import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { RequestHandler } from './$types';

const choice = z.object({ locale: z.enum(languages), redirectTo: z.string().optional() });

export const POST: RequestHandler = async ({ request, cookies, locals, url }) => {
	const parsed = choice.safeParse(Object.fromEntries(await request.formData()));
	if (!parsed.success) redirect(303, '/');
	const { locale, redirectTo } = parsed.data;
	rememberLanguage(cookies, url, locale);
	const { user } = await locals.safeGetSession();
	if (user) await updateMyProfile(locals.supabase, user.id, { language: locale });
	redirect(303, safeRedirect(redirectTo, '/'));
};
