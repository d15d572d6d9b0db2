import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { nickname } from '$lib/schemas/auth';
import { answerForMemberSchema } from '$lib/schemas/meetups';
import { explainDatabaseError, fieldOfRefusal } from '$lib/server/errors';
import { refuse } from '$lib/server/forms';
import { meetupDateAndHours } from '$lib/time';
import {
	addWalkIn,
	answerForMember,
	checkIn,
	hostView,
	undoCheckIn,
	whoComes
} from '$lib/server/hosting';
import { outage } from '$lib/server/outage';
import { takeSaved } from '$lib/server/saved';
import { shellData } from '$lib/server/shell';
import { error, fail } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, cookies }) => {
	// One call: the meetup and who comes, with what the layouts show (the shell).
	const [view, { user }] = await Promise.all([
		hostView(locals.supabase, params.meetup),
		locals.safeGetSession()
	]);
	// Only the group's hosts and moderators: for anyone else there is no such page.
	if (!view || !user) error(404, m.page_not_found());
	const { meetup } = view;
	const answerForm = await superValidate(
		{ client_id: crypto.randomUUID() },
		zod4(answerForMemberSchema),
		{ errors: false, id: 'answer' }
	);
	return {
		...shellData(view.shell, user, null),
		meetup,
		who: whoComes(view),
		when: meetupDateAndHours(meetup.starts_at, meetup.ends_at, getLocale()),
		started: new Date(meetup.starts_at) <= new Date(),
		answerForm,
		saved: takeSaved(cookies, meetup.id)
	};
};

const member = z.object({ member: z.uuid() });
const walkIn = z.object({ nickname });

export const actions: Actions = {
	checkin: async ({ request, locals, params }) => {
		const parsed = member.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { problem: m.error_something_wrong() });
		const { error: refused } = await checkIn(locals.supabase, params.meetup, parsed.data.member);
		if (refused) return fail(403, { problem: explainDatabaseError(refused) });
	},
	undo: async ({ request, locals, params }) => {
		const parsed = member.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { problem: m.error_something_wrong() });
		const { error: refused } = await undoCheckIn(
			locals.supabase,
			params.meetup,
			parsed.data.member
		);
		if (refused) return fail(403, { problem: explainDatabaseError(refused) });
	},
	walkin: async ({ request, locals, params }) => {
		const typed = String((await request.formData()).get('nickname') ?? '');
		const parsed = walkIn.safeParse({ nickname: typed });
		if (!parsed.success) {
			return fail(400, { walkIn: { nickname: typed, problem: parsed.error.issues[0].message } });
		}
		const { error: refused } = await addWalkIn(
			locals.supabase,
			params.meetup,
			parsed.data.nickname
		);
		if (refused) {
			return fail(403, { walkIn: { nickname: typed, problem: explainDatabaseError(refused) } });
		}
		return { walkInDone: m.host_walk_in_done({ name: parsed.data.nickname }) };
	},
	answer: async ({ request, locals, params }) => {
		const form = await superValidate(request, zod4(answerForMemberSchema), { id: 'answer' });
		if (!form.valid) return refuse(form);
		const { data: outcome, error: refused } = await answerForMember(locals.supabase, {
			clientId: form.data.client_id,
			meetupId: params.meetup,
			memberId: form.data.member,
			status: form.data.status,
			childcareChildren: form.data.childcare_children,
			transportHelp: form.data.transport_help,
			costIsAProblem: form.data.cost_is_a_problem,
			note: form.data.note
		});
		if (refused) {
			const field = fieldOfRefusal[refused.message];
			return refuse(form, { field, message: explainDatabaseError(refused) });
		}
		const answers = {
			going: m.host_answer_going(),
			maybe: m.host_answer_maybe(),
			not_going: m.host_answer_not_going(),
			waiting: m.host_answer_waiting()
		};
		const { data: who, error: unread } = await locals.supabase
			.from('group_members')
			.select('nickname')
			.eq('id', form.data.member)
			.maybeSingle();
		if (unread) outage(unread);
		// A fresh form (and client id) for the next person.
		const next = await superValidate(
			{ client_id: crypto.randomUUID() },
			zod4(answerForMemberSchema),
			{ errors: false, id: 'answer' }
		);
		next.message = {
			kind: 'ok',
			text: m.host_for_member_done({
				name: who?.nickname ?? '',
				answer: outcome ? answers[outcome] : ''
			})
		};
		return { form: next };
	}
};
