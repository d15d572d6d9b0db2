import { afterEach, describe, expect, test, vi } from 'vitest';
import { pageAnswer, PersonTurns } from './network-first';

const html = (text: string, status = 200) =>
	new Response(text, { status, headers: { 'content-type': 'text/html' } });
const never = () => new Promise<Response>(() => {});

afterEach(() => vi.useRealTimers());

describe('a page opened through the service worker', () => {
	test('a slow network gives way to the kept copy after the timeout', async () => {
		vi.useFakeTimers();
		const answer = pageAnswer(
			never(),
			async () => html('kept'),
			async () => html('offline'),
			4000
		);
		await vi.advanceTimersByTimeAsync(4000);
		expect(await (await answer).text()).toBe('kept');
	});

	test('with nothing kept, a slow network is waited for', async () => {
		vi.useFakeTimers();
		let arrive: (response: Response) => void = () => {};
		const network = new Promise<Response>((resolve) => (arrive = resolve));
		const answer = pageAnswer(
			network,
			async () => undefined,
			async () => html('offline'),
			4000
		);
		await vi.advanceTimersByTimeAsync(5000);
		arrive(html('live'));
		expect(await (await answer).text()).toBe('live');
	});

	test('a server error shows the kept copy; with none, the error itself', async () => {
		const kept = await pageAnswer(
			Promise.resolve(html('bad gateway', 502)),
			async () => html('kept'),
			async () => html('offline')
		);
		expect(await kept.text()).toBe('kept');
		const bare = await pageAnswer(
			Promise.resolve(html('bad gateway', 502)),
			async () => undefined,
			async () => html('offline')
		);
		expect(bare.status).toBe(502);
	});

	test('no network: the kept copy, else the offline page; a quick answer is shown as it is', async () => {
		const failed = Promise.reject(new TypeError('offline'));
		expect(
			await (
				await pageAnswer(
					failed,
					async () => html('kept'),
					async () => html('x')
				)
			).text()
		).toBe('kept');
		const none = await pageAnswer(
			Promise.reject(new TypeError('offline')),
			async () => undefined,
			async () => html('offline')
		);
		expect(await none.text()).toBe('offline');
		const live = await pageAnswer(
			Promise.resolve(html('live')),
			async () => html('kept'),
			async () => html('x')
		);
		expect(await live.text()).toBe('live');
	});

	test('the kept copy is asked for with why it is shown: a server error is not a lost connection', async () => {
		vi.useFakeTimers();
		const why = async (network: Promise<Response>) => {
			let because = '';
			const answer = pageAnswer(
				network,
				async (reason) => {
					because = reason;
					return html('kept');
				},
				async () => html('offline'),
				4000
			);
			await vi.advanceTimersByTimeAsync(4000);
			await answer;
			return because;
		};
		expect(await why(Promise.resolve(html('down', 503)))).toBe('server');
		expect(await why(Promise.reject(new TypeError('offline')))).toBe('offline');
		expect(await why(never())).toBe('slow');
	});
});

describe('who a late answer belongs to', () => {
	test('an answer to a request begun before a change of person is ignored', async () => {
		const turns = new PersonTurns();
		const done: string[] = [];
		const a = turns.start();
		const b = turns.start();
		turns.change();
		const c = turns.start();
		await Promise.all([
			turns.run(a, async () => void done.push('a')),
			turns.run(c, async () => void done.push('c')),
			turns.run(b, async () => void done.push('b'))
		]);
		expect(done).toEqual(['c']);
	});

	test('work runs one at a time, and a change made by one answer stops older ones', async () => {
		const turns = new PersonTurns();
		const done: string[] = [];
		const first = turns.start();
		const second = turns.start();
		await Promise.all([
			turns.run(first, async () => {
				await new Promise((resolve) => setTimeout(resolve, 5));
				turns.change();
				done.push('first');
			}),
			turns.run(second, async () => void done.push('second'))
		]);
		expect(done).toEqual(['first']);
	});
});
