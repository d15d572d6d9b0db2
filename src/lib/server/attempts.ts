// Limits on signing in, making accounts and joining, so that no one guesses passwords at speed
// and no one can shut others out. Counted per client address (see client-address.ts) and per
// account; a script at one address never touches what people elsewhere can do. The counts live in
// this server's memory: with several app servers each counts on its own, and auth's own limits
// per address (supabase/config.toml) hold across all of them.
import { m } from '$lib/paraglide/messages';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

const minutes = 60;
const hour = 60 * minutes;
const knownFor = 21 * 24 * hour;

/**
 * A count per address an operator may set (a whole number from 1): a place where many newcomers
 * share one address, as auth's `anonymous_users` is raised in config.toml; the test server, whose
 * phones all come from 127.0.0.1, sets them high.
 */
function perAddress(setting: string, standard: number): number {
	const chosen = Number(process.env[setting]);
	return Number.isInteger(chosen) && chosen >= 1 ? chosen : standard;
}

const limits = {
	// Wrong passwords for one account from one address: someone who forgot it, or a guesser.
	// A right password starts the count again.
	failedSignIns: new RateLimiterMemory({ keyPrefix: 'failed', points: 10, duration: 15 * minutes }),
	// Wrong passwords from one address for any accounts: a guesser trying many people.
	failedSignInsHere: new RateLimiterMemory({ keyPrefix: 'here', points: 30, duration: hour }),
	// Wrong passwords for one account from anywhere: a guesser spread over addresses. Higher than
	// one address can reach, so no single address can shut the owner out.
	failedSignInsAnywhere: new RateLimiterMemory({
		keyPrefix: 'anywhere',
		points: 100,
		duration: hour
	}),
	// Where an account signed in with its right password, for three weeks (a timer of the limiter
	// holds at most 24 days; a longer one fires at once and forgets). There only the count for
	// that account at that address applies: a guesser spread over many networks, or someone else
	// behind the same address (a phone network, the Wi-Fi of a meetup room), cannot shut the
	// owner out of the places they use. A new place waits like any other while that lasts.
	knownPlaces: new RateLimiterMemory({ keyPrefix: 'known', points: 1, duration: knownFor }),
	// New accounts (sign-up, a nickname, a newcomer's join) per address. The newcomers of a meetup
	// share the Wi-Fi of the room: they must fit, as in auth's anonymous_users.
	newAccounts: new RateLimiterMemory({
		keyPrefix: 'new',
		points: perAddress('NEW_ACCOUNTS_PER_ADDRESS_PER_HOUR', 30),
		duration: hour
	}),
	// Tries to join a group, per address and per signed-in account.
	joins: new RateLimiterMemory({
		keyPrefix: 'joins',
		points: perAddress('JOINS_PER_ADDRESS_PER_HOUR', 60),
		duration: hour
	}),
	joinsByAccount: new RateLimiterMemory({ keyPrefix: 'joined', points: 20, duration: hour })
};

/** A refusal in plain words: when the person may try again. */
export type TooMany = { message: string };

function tooMany(waitMs: number): TooMany {
	return { message: m.attempts_wait({ minutes: Math.max(1, Math.ceil(waitMs / 60_000)) }) };
}

/**
 * The key an address counts under. An IPv6 network hands out its /64 to one household or phone,
 * so the whole /64 counts as one address; otherwise a script would take a new address per try.
 */
export function addressKey(address: string): string {
	if (!address.includes(':')) return address;
	const [head, tail = ''] = address.split('::');
	const left = head ? head.split(':') : [];
	const right = tail ? tail.split(':') : [];
	const groups = [
		...left,
		...Array(Math.max(0, 8 - left.length - right.length)).fill('0'),
		...right
	];
	return `${groups
		.slice(0, 4)
		.map((group) => parseInt(group || '0', 16).toString(16))
		.join(':')}::/64`;
}

/** Takes one try from each limit; the first that has none left refuses. */
async function take(tries: Array<[RateLimiterMemory, string]>): Promise<TooMany | undefined> {
	for (const [limiter, key] of tries) {
		try {
			await limiter.consume(key);
		} catch (refusal) {
			if (refusal instanceof RateLimiterRes) return tooMany(refusal.msBeforeNext);
			throw refusal;
		}
	}
	return undefined;
}

const accountKey = (email: string) => email.trim().toLowerCase();

/**
 * A password is about to be tried for `email` from `address`. Counted before the check, so that
 * many tries at once cannot all slip through; `signedIn` gives back what a right one took.
 */
export async function trySignIn(address: string, email: string): Promise<TooMany | undefined> {
	const here = addressKey(address);
	const place = `${here} ${accountKey(email)}`;
	if (await isKnownPlace(place)) return take([[limits.failedSignIns, place]]);
	return take([
		[limits.failedSignIns, place],
		[limits.failedSignInsHere, here],
		[limits.failedSignInsAnywhere, accountKey(email)]
	]);
}

const isKnownPlace = async (place: string) => (await limits.knownPlaces.get(place)) !== null;

/** The password was right: it was no failed try, and this is now a place the account uses. */
export async function signedIn(address: string, email: string): Promise<void> {
	const here = addressKey(address);
	const place = `${here} ${accountKey(email)}`;
	// At a known place the wider counts took nothing, so nothing is given back to them.
	const known = await isKnownPlace(place);
	await Promise.all([
		limits.failedSignIns.delete(place),
		limits.knownPlaces.set(place, 1, knownFor),
		...(known
			? []
			: [
					limits.failedSignInsHere.reward(here),
					limits.failedSignInsAnywhere.reward(accountKey(email))
				])
	]);
}

/** A new account is about to be made from `address`. */
export function tryNewAccount(address: string): Promise<TooMany | undefined> {
	return take([[limits.newAccounts, addressKey(address)]]);
}

/** No account was made after all (auth refused): the try is given back. */
export async function noNewAccount(address: string): Promise<void> {
	await limits.newAccounts.reward(addressKey(address));
}

/** A try to join a group, from `address`, by a signed-in account if there is one. */
export function tryJoin(address: string, userId?: string): Promise<TooMany | undefined> {
	return take([
		[limits.joins, addressKey(address)],
		...(userId ? [[limits.joinsByAccount, userId] as [RateLimiterMemory, string]] : [])
	]);
}
