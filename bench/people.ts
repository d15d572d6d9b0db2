// The people the server benchmark acts as: each signs in through the app's own form, as on a
// phone, and keeps the session cookie the app set. The same session's access token makes the
// direct calls to the gateway, so a page and its data call are the same person's.

export interface Person {
	email: string;
	/** The Cookie header a signed-in browser sends. */
	cookie: string;
	/** The access token inside that session cookie. */
	accessToken: string;
}

export async function signInThroughApp(
	appUrl: string,
	email: string,
	password: string
): Promise<Person> {
	const response = await fetch(`${appUrl}/signin`, {
		method: 'POST',
		// As a browser without JavaScript posts it: SvelteKit answers such a post with a redirect,
		// and refuses one from another origin.
		headers: {
			accept: 'text/html',
			origin: appUrl,
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams({ email, password }),
		redirect: 'manual'
	});
	const cookies = response.headers
		.getSetCookie()
		.map((line) => line.split(';')[0])
		.filter((pair) => !pair.endsWith('='));
	if (response.status !== 303 || cookies.length === 0) {
		throw new Error(`signing in as ${email} through the app failed: ${response.status}`);
	}
	const cookie = cookies.join('; ');
	return { email, cookie, accessToken: accessTokenOf(cookies) };
}

/**
 * @supabase/ssr keeps the session as `sb-<ref>-auth-token`, "base64-" and the session's JSON in
 * base64url, split into `.0`, `.1`, … when it is long.
 */
function accessTokenOf(cookies: string[]): string {
	const chunks = cookies
		.map((pair) => {
			const at = pair.indexOf('=');
			return { name: pair.slice(0, at), value: pair.slice(at + 1) };
		})
		.filter(({ name }) => /^sb-.+-auth-token(\.\d+)?$/.test(name))
		.sort((a, b) => chunkIndex(a.name) - chunkIndex(b.name));
	const joined = decodeURIComponent(chunks.map((chunk) => chunk.value).join(''));
	const json = joined.startsWith('base64-')
		? Buffer.from(joined.slice('base64-'.length), 'base64url').toString('utf8')
		: joined;
	const token = (JSON.parse(json) as { access_token?: string }).access_token;
	if (!token) throw new Error('the session cookie holds no access token');
	return token;
}

function chunkIndex(name: string): number {
	const suffix = /\.(\d+)$/.exec(name);
	return suffix ? Number(suffix[1]) : -1;
}
