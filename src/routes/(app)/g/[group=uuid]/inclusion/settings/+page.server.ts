import { settingFields, toStored, type Done, type Refused } from '$lib/inclusion';
import { m } from '$lib/paraglide/messages';
import { settingsSchema, templateSchema } from '$lib/schemas/inclusion';
import { explainDatabaseError } from '$lib/server/errors';
import { inclusionSettingsPage, setTemplate, updateSettings } from '$lib/server/inclusion';
import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const page = await inclusionSettingsPage(locals.supabase, params.group);
	if (!page) error(404, m.page_not_found());
	return page;
};

export const actions: Actions = {
	settings: async ({ request, locals, params }) => {
		const typed = Object.fromEntries(
			[...(await request.formData())].map(([name, value]) => [name, String(value)])
		);
		const refuse = (problem: string, field: string | null = null) =>
			fail(400, {
				refused: { action: 'settings', target: 'settings', typed, field, problem } satisfies Refused
			});
		const parsed = settingsSchema.safeParse(typed);
		if (!parsed.success) {
			const issue = parsed.error.issues[0];
			return refuse(issue.message, String(issue.path[0] ?? '') || null);
		}
		const stored = Object.fromEntries(
			settingFields.map((field) => [field.key, toStored(field, Number(parsed.data[field.key]))])
		);
		const { error } = await updateSettings(locals.supabase, params.group, stored);
		if (error) {
			return refuse(
				error.message === 'not_allowed' ? m.mod_error_not_allowed() : explainDatabaseError(error)
			);
		}
		return {
			done: {
				action: 'settings',
				target: 'settings',
				text: m.inclusion_done_settings()
			} satisfies Done
		};
	},
	template: async ({ request, locals, params }) => {
		const typed = Object.fromEntries(
			[...(await request.formData())].map(([name, value]) => [name, String(value)])
		);
		const target = typed.kind ?? '';
		const refuse = (problem: string, field: string | null = null) =>
			fail(400, {
				refused: { action: 'template', target, typed, field, problem } satisfies Refused
			});
		const parsed = templateSchema.safeParse(typed);
		if (!parsed.success) {
			const issue = parsed.error.issues[0];
			return refuse(issue.message, String(issue.path[0] ?? '') || null);
		}
		const { kind, body } = parsed.data;
		const { error } = await setTemplate(locals.supabase, params.group, kind, body);
		if (error) {
			return refuse(
				error.message === 'not_allowed' ? m.mod_error_not_allowed() : explainDatabaseError(error)
			);
		}
		return {
			done: { action: 'template', target: kind, text: m.inclusion_done_template() } satisfies Done
		};
	}
};
