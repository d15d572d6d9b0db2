import { describe, expect, test, vi } from 'vitest';
import { addressKey, signedIn, tryJoin, tryNewAccount, trySignIn } from './attempts';

// Each test uses addresses of its own: the counts are kept for the whole process.
const tries = async (times: number, attempt: () => Promise<unknown>) => {
	const answers = [];
	for (let i = 0; i < times; i++) answers.push(await attempt());
	return answers;
};

describe('addressKey', () => {
	test('an IPv4 address is its own key', () => {
		expect(addressKey('203.0.113.9')).toBe('203.0.113.9');
	});
	test('IPv6 addresses of one /64 share a key, however they are written', () => {
		expect(addressKey('2001:db8:1:2::7')).toBe('2001:db8:1:2::/64');
		expect(addressKey('2001:0db8:0001:0002:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64');
		expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
		expect(addressKey('::1')).toBe('0:0:0:0::/64');
	});
});

describe('signing in', () => {
	test('ten wrong passwords for one account from one address, then it waits; elsewhere the owner still gets in', async () => {
		const answers = await tries(11, () => trySignIn('203.0.113.1', 'ann@kring.test'));
		expect(answers.slice(0, 10)).toEqual(Array(10).fill(undefined));
		expect(answers[10]).toMatchObject({ message: expect.stringMatching(/\d+ min/) });
		expect(await trySignIn('198.51.100.1', 'ann@kring.test')).toBeUndefined();
		expect(await trySignIn('203.0.113.1', 'bob@kring.test')).toBeUndefined();
	});

	test('a right password starts the count again', async () => {
		await tries(9, () => trySignIn('203.0.113.2', 'cas@kring.test'));
		await signedIn('203.0.113.2', 'cas@kring.test');
		const answers = await tries(10, () => trySignIn('203.0.113.2', 'Cas@Kring.test'));
		expect(answers).toEqual(Array(10).fill(undefined));
	});

	test('one address trying many accounts waits after 30 wrong passwords', async () => {
		const answers = await tries(31, async () =>
			trySignIn('203.0.113.3', `${Math.random()}@kring.test`)
		);
		expect(answers.filter(Boolean)).toHaveLength(1);
		expect(answers[30]).toBeDefined();
	});

	test('no single address can shut an account for everyone', async () => {
		// It runs out of its own tries long before the account's limit across addresses.
		await tries(40, () => trySignIn('2001:db8:9::1', 'dirk@kring.test'));
		await tries(40, () => trySignIn('2001:db8:9::2', 'dirk@kring.test'));
		expect(await trySignIn('198.51.100.4', 'dirk@kring.test')).toBeUndefined();
	});

	test('guessers on many networks cannot shut the owner out where the owner signs in', async () => {
		vi.useFakeTimers();
		await trySignIn('198.51.100.7', 'eva@kring.test');
		await signedIn('198.51.100.7', 'eva@kring.test');
		// The place is still known days later (a too long timer once forgot it at once).
		vi.advanceTimersByTime(5 * 24 * 3600 * 1000);
		vi.useRealTimers();
		// Ten /64 networks of one cheap server, ten wrong passwords each: the account's count is spent.
		for (let network = 0; network < 10; network++) {
			await tries(10, () => trySignIn(`2001:db8:0:${network}::1`, 'eva@kring.test'));
		}
		expect(await trySignIn('198.51.100.7', 'eva@kring.test')).toBeUndefined();
		// A place the account never used waits while the guessing lasts.
		expect(await trySignIn('192.0.2.50', 'eva@kring.test')).toBeDefined();
	});

	test('someone guessing behind a shared address does not shut out the members who use it', async () => {
		await trySignIn('203.0.113.77', 'fien@kring.test');
		await signedIn('203.0.113.77', 'fien@kring.test');
		await tries(31, () => trySignIn('203.0.113.77', `${Math.random()}@kring.test`));
		expect(await trySignIn('203.0.113.77', 'fien@kring.test')).toBeUndefined();
		// Her own count there still holds: ten wrong passwords and she waits too.
		const answers = await tries(10, () => trySignIn('203.0.113.77', 'fien@kring.test'));
		expect(answers.filter(Boolean)).toHaveLength(1);
	});
});

describe('new accounts and joining', () => {
	test('30 new accounts an hour from one address: a meetup full of newcomers fits, a script does not', async () => {
		const answers = await tries(31, () => tryNewAccount('203.0.113.5'));
		expect(answers.slice(0, 30)).toEqual(Array(30).fill(undefined));
		expect(answers[30]).toBeDefined();
		expect(await tryNewAccount('198.51.100.5')).toBeUndefined();
	});

	test('joining is limited per address and per signed-in account', async () => {
		let i = 1;
		const byAccount = await tries(21, () => tryJoin(`192.0.2.${i++}`, 'u1'));
		expect(byAccount[20]).toBeDefined();
		expect(await tryJoin('203.0.113.250', 'u2')).toBeUndefined();
		const byAddress = await tries(61, () => tryJoin('203.0.113.6'));
		expect(byAddress[60]).toBeDefined();
		expect(await tryJoin('198.51.100.6')).toBeUndefined();
	});
});
