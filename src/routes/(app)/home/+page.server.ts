import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { explainDatabaseError } from '$lib/server/errors';
import { homePage } from '$lib/server/groups';
import { nextOfEach } from '$lib/server/meetups';
import { answerBuddyRequest } from '$lib/server/my-inclusion';
import { shellData } from '$lib/server/shell';
import { signInAddress } from '$lib/server/sign-in-first';
import { meetupMoment, meetupWhen, withAgo } from '$lib/time';
import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';

// One call: home's data with what the layouts show (the shell).
export const load: PageServerLoad = async ({ locals, url }) => {
	const [home, { user }] = await Promise.all([homePage(locals.supabase), locals.safeGetSession()]);
	// The database sees no one: an account deleted while its session was still valid.
	if (!home || !user) redirect(303, signInAddress(url));
	const { groups, answers, meetups, invitations, buddy_requests, organisation_meetups } = home;
	const { my_requests, waiting_requests } = home;
	const now = new Date();
	const locale = getLocale();
	return {
		...shellData(home.shell, user, null),
		groups,
		answers: withAgo(answers, locale, now),
		meetups: nextOfEach(meetups)
			.slice(0, 5)
			.map((meetup) => ({
				...meetup,
				when: meetupWhen(meetup.starts_at, meetup.ends_at, locale, now)
			})),
		invitations: invitations.map((invitation) => ({
			id: invitation.id,
			meetupId: invitation.meetup.id,
			groupName: invitation.group.name,
			text: m.invite_text({
				title: invitation.meetup.title,
				when: meetupMoment(invitation.meetup.starts_at, locale)
			})
		})),
		// Requests to join: mine that wait, and those waiting in the groups I moderate.
		myRequests: my_requests.map(({ group }) => ({
			id: group.id,
			text: m.home_my_request({ group: group.name })
		})),
		waitingRequests: waiting_requests.map(({ group, count }) => ({
			id: group.id,
			text:
				count === 1
					? m.home_requests_waiting_one({ group: group.name })
					: m.home_requests_waiting({ count, group: group.name })
		})),
		buddyRequests: buddy_requests.map((request) => ({
			id: request.id,
			text: m.buddy_asked({ nickname: request.newcomer.nickname, group: request.group.name })
		})),
		organisationMeetups: organisation_meetups.map((meetup) => ({
			id: meetup.id,
			title: meetup.title,
			when: meetupWhen(meetup.starts_at, meetup.ends_at, locale, now),
			groupName: meetup.group.name,
			guestsWelcome: meetup.guests_welcome,
			needs: [
				meetup.cost === null ? m.meetup_free() : m.meetup_cost({ cost: meetup.cost }),
				...(meetup.childcare ? [m.meetup_childcare()] : []),
				...(meetup.transport_help ? [m.meetup_transport()] : []),
				...(meetup.wheelchair_access ? [m.meetup_wheelchair()] : [])
			]
		}))
	};
};

const buddySchema = z.object({ request: z.uuid(), accept: z.enum(['yes', 'no']) });

export const actions: Actions = {
	// Yes or "not now" to being a newcomer's buddy.
	buddy: async ({ request, locals }) => {
		const parsed = buddySchema.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { request: null, problem: m.error_something_wrong() });
		const accept = parsed.data.accept === 'yes';
		const refused = await answerBuddyRequest(locals.supabase, parsed.data.request, accept);
		if (refused) {
			return fail(403, { request: parsed.data.request, problem: explainDatabaseError(refused) });
		}
		return { answered: accept ? ('accepted' as const) : ('declined' as const) };
	}
};
