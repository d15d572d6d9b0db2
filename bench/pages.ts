// The pages the server benchmark measures, who views them, and the call that brings each page's
// data, made straight to the gateway with the same person's token. When a page gets a new
// data call (one page-shaped function, say), its line here changes with it.
import type pg from 'pg';
import type { BuiltApp } from '../scripts/built-app';
import { historyPassword, type History } from './history';
import type { Target } from './load';
import { signInThroughApp, type Person } from './people';

export interface Page {
	name: string;
	path: string;
	/** null: signed out. */
	person: Person | null;
	dataCall?: { name: string; target: Target };
}

export interface HistoryPage {
	path: string;
	person: Person;
	data: Target;
}

export type HistoryCase = 'homeUnseen' | 'homeSeen' | 'feedFirst' | 'feedDeep';

const demoPassword = 'kring-demo';

/** The demo's signed-in pages (and the landing page, for what the app costs with no data). */
export async function demoPages(app: BuiltApp, db: pg.Client): Promise<Page[]> {
	const demo = await demoPlaces(db);
	const member = await signInThroughApp(app.url, 'lid@kring.test', demoPassword);
	const moderator = await signInThroughApp(app.url, 'moderator@kring.test', demoPassword);
	const rest = restCall(app);
	const feedCall = feedCallOf(app);
	const pages: Page[] = [
		{ name: 'landing (signed out)', path: '/', person: null },
		{
			name: 'group feed',
			path: `/g/${demo.group}`,
			person: member,
			dataCall: { name: 'rpc/page_group_feed', target: feedCall(member, demo.group) }
		},
		{
			name: 'home',
			path: '/home',
			person: member,
			dataCall: { name: 'rpc/page_home', target: rest(member, 'rpc/page_home', {}) }
		},
		{
			name: 'meetup page',
			path: `/m/${demo.meetup}`,
			person: member,
			dataCall: {
				name: 'rpc/page_meetup',
				target: rest(member, 'rpc/page_meetup', { target_meetup: demo.meetup })
			}
		},
		{
			name: 'host view',
			path: `/m/${demo.meetup}/host`,
			person: moderator,
			dataCall: {
				name: 'rpc/page_host_view',
				target: rest(moderator, 'rpc/page_host_view', { target_meetup: demo.meetup })
			}
		},
		{
			name: 'post page',
			path: `/g/${demo.group}/p/${demo.post}`,
			person: member,
			dataCall: {
				name: 'rpc/page_post',
				target: rest(member, 'rpc/page_post', { target_group: demo.group, target_post: demo.post })
			}
		}
	];
	return pages;
}

/** Home and the feed for the two readers of the group with a long history. */
export async function historyPages(
	app: BuiltApp,
	history: History
): Promise<Record<HistoryCase, HistoryPage>> {
	const unseen = await signInThroughApp(app.url, history.unseenReader, historyPassword);
	const seen = await signInThroughApp(app.url, history.seenReader, historyPassword);
	const rest = restCall(app);
	const feedCall = feedCallOf(app);
	const deepQuery = new URLSearchParams(history.deepCursor).toString();
	return {
		homeUnseen: { path: '/home', person: unseen, data: rest(unseen, 'rpc/page_home', {}) },
		homeSeen: { path: '/home', person: seen, data: rest(seen, 'rpc/page_home', {}) },
		feedFirst: {
			path: `/g/${history.groupId}`,
			person: seen,
			data: feedCall(seen, history.groupId)
		},
		feedDeep: {
			path: `/g/${history.groupId}?${deepQuery}`,
			person: seen,
			data: feedCall(seen, history.groupId, {
				before_created_at: history.deepCursor.before,
				before_id: history.deepCursor.id
			})
		}
	};
}

/** A call straight to the gateway's REST API as the person: POST with a body, else GET. */
function restCall(app: BuiltApp) {
	return (person: Person, path: string, body?: object): Target => ({
		url: `${app.platform.apiUrl}/rest/v1/${path}`,
		method: body ? 'POST' : 'GET',
		headers: {
			apikey: app.platform.anonKey,
			authorization: `Bearer ${person.accessToken}`,
			...(body ? { 'content-type': 'application/json' } : {})
		},
		body: body && JSON.stringify(body)
	});
}

/** The feed page's call as src/lib/server/posts.ts makes it (20 posts a page). */
function feedCallOf(app: BuiltApp) {
	const rest = restCall(app);
	return (person: Person, group: string, more: object = {}) =>
		rest(person, 'rpc/page_group_feed', { target_group: group, page_size: 20, ...more });
}

/** The page itself, as the person's browser asks for it. */
export function pageTarget(app: BuiltApp, page: { path: string; person: Person | null }): Target {
	return { url: app.url + page.path, headers: page.person ? { cookie: page.person.cookie } : {} };
}

/**
 * From supabase/seed.sql: the Ghent group, its next praatcafé, its most answered post, and the
 * code of its open invite (for the join page).
 */
export async function demoPlaces(db: pg.Client) {
	const { rows } = await db.query<{ group: string; meetup: string; post: string; invite: string }>(
		`select g.id as group,
			(select m.id from public.meetups m where m.group_id = g.id and m.status = 'scheduled'
				and m.starts_at > now() order by m.starts_at limit 1) as meetup,
			(select p.id from public.posts p where p.group_id = g.id and p.deleted_at is null
				order by (select count(*) from public.comments c where c.post_id = p.id) desc, p.created_at
				limit 1) as post,
			(select i.code from public.invites i where i.group_id = g.id and i.revoked_at is null
				and i.expires_at > now() order by i.created_at limit 1) as invite
		from public.groups g where g.slug = 'praatgroep-gent'`
	);
	const places = rows[0];
	if (!places?.meetup || !places.post || !places.invite)
		throw new Error('the demo data has changed: no Ghent group');
	return places;
}
