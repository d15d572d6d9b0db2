import { signOut } from '$lib/server/auth';
import { redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ locals }) => {
	await signOut(locals.sessionClient);
	redirect(303, '/');
};
