// What the host view says once after a meetup is made or changed. A cookie for that page only,
// read and removed on its next load: a reload does not say it again and the address stays clean.
import type { Cookies } from '@sveltejs/kit';

export type Saved = 'made' | 'changed';

const cookie = 'kring-saved';
const hostView = (meetupId: string) => `/m/${meetupId}/host`;

export function rememberSaved(cookies: Cookies, url: URL, meetupId: string, what: Saved): void {
	cookies.set(cookie, what, {
		path: hostView(meetupId),
		maxAge: 60,
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:'
	});
}

export function takeSaved(cookies: Cookies, meetupId: string): Saved | undefined {
	const what = cookies.get(cookie);
	if (!what) return undefined;
	cookies.delete(cookie, { path: hostView(meetupId) });
	return what === 'made' || what === 'changed' ? what : undefined;
}
