import { describe, expect, it } from 'vitest';
import {
	outboxActionAllowed,
	outcomeOf,
	refusalWords,
	retryDelay,
	sentKept,
	withSent,
	writtenText
} from './items';

const fallback = 'Er ging iets mis.';

describe('what the answer to an outbox item means', () => {
	it('is sent when the action took it, with or without a redirect', () => {
		expect(outcomeOf(200, { type: 'success', status: 200 }, fallback)).toEqual({ type: 'sent' });
		expect(outcomeOf(200, { type: 'redirect', status: 303, location: '/g/1' }, fallback)).toEqual({
			type: 'sent'
		});
	});

	it("is refused in the server's words, beside the field first", () => {
		const data = {
			form: { errors: { body: ['Je hebt een pauze.'] }, message: { text: 'Kijk het na.' } }
		};
		expect(outcomeOf(200, { type: 'failure', status: 400, data }, fallback)).toEqual({
			type: 'refused',
			words: 'Je hebt een pauze.'
		});
		expect(
			outcomeOf(200, { type: 'failure', status: 403, data: { problem: 'Geen lid.' } }, fallback)
		).toEqual({ type: 'refused', words: 'Geen lid.' });
		expect(outcomeOf(200, { type: 'failure', status: 400 }, fallback)).toEqual({
			type: 'refused',
			words: fallback
		});
	});

	it('waits for its writer when someone else is signed in (409), whatever the body', () => {
		expect(outcomeOf(409, undefined, fallback)).toEqual({ type: 'stop' });
		expect(outcomeOf(409, { type: 'success', status: 200 }, fallback)).toEqual({ type: 'stop' });
	});

	it('is tried again after a server fault or an answer that is no action result', () => {
		expect(outcomeOf(502, undefined, fallback)).toEqual({ type: 'later' });
		expect(outcomeOf(404, undefined, fallback)).toEqual({ type: 'later' });
		expect(outcomeOf(500, { type: 'error', error: {}, status: 500 }, fallback)).toEqual({
			type: 'later'
		});
		expect(outcomeOf(429, { type: 'error', error: {}, status: 429 }, fallback)).toEqual({
			type: 'later'
		});
	});

	it('is refused when the server will never take it (a page gone)', () => {
		expect(outcomeOf(404, { type: 'error', error: {}, status: 404 }, fallback)).toEqual({
			type: 'refused',
			words: fallback
		});
	});
});

describe('the outbox around an item', () => {
	it('tries again soon at first, then at most once a minute', () => {
		const delays = Array.from({ length: 10 }, (_, tries) => retryDelay(tries));
		expect(delays.slice(0, 4)).toEqual([1000, 2000, 4000, 8000]);
		expect(Math.max(...delays)).toBe(60_000);
		expect(delays).toEqual([...delays].sort((a, b) => a - b));
	});

	it('keeps the text written, of a post, an answer or the note of an RSVP', () => {
		expect(
			writtenText({
				fields: [
					['client_id', 'x'],
					['body', 'Hallo']
				]
			})
		).toBe('Hallo');
		expect(
			writtenText({
				fields: [
					['status', 'going'],
					['note', 'Met de bus']
				]
			})
		).toBe('Met de bus');
		expect(writtenText({ fields: [['kind', 'support']] })).toBe('');
	});

	it('remembers the last few ids that went out, the newest last, each once', () => {
		let sent: string[] = [];
		for (let n = 0; n < sentKept + 10; n++) sent = withSent(sent, `id-${n}`);
		expect(sent).toHaveLength(sentKept);
		expect(sent.at(-1)).toBe(`id-${sentKept + 9}`);
		expect(withSent(['a', 'b'], 'a')).toEqual(['b', 'a']);
	});

	it('finds no words in a refusal that has none', () => {
		expect(refusalWords(undefined)).toBeUndefined();
		expect(refusalWords({ form: { errors: {} } })).toBeUndefined();
	});
});

describe('which form actions an outbox item may go to', () => {
	const at = (address: string) => new URL(address, 'https://kring.test');
	const group = '/(app)/g/[group=uuid]';
	const post = '/(app)/g/[group=uuid]/p/[post=uuid]';
	const meetup = '/(app)/m/[meetup=uuid]';

	it('takes the four writes the outbox makes', () => {
		expect(outboxActionAllowed(group, 'POST', at('/g/1?/post'))).toBe(true);
		expect(outboxActionAllowed(post, 'POST', at('/g/1/p/2?/comment'))).toBe(true);
		expect(outboxActionAllowed(post, 'POST', at('/g/1/p/2?/react'))).toBe(true);
		expect(outboxActionAllowed(meetup, 'POST', at('/m/3?/rsvp'))).toBe(true);
	});

	it("refuses any other form of the account, a page's other actions and other methods", () => {
		expect(outboxActionAllowed('/(app)/me', 'POST', at('/me?/keep'))).toBe(false);
		expect(outboxActionAllowed('/(app)/me', 'POST', at('/me?/email'))).toBe(false);
		expect(outboxActionAllowed('/(auth)/signout', 'POST', at('/signout'))).toBe(false);
		expect(outboxActionAllowed(post, 'POST', at('/g/1/p/2?/delete'))).toBe(false);
		expect(outboxActionAllowed(group, 'POST', at('/g/1'))).toBe(false);
		expect(outboxActionAllowed(group, 'POST', at('/g/1?/climate&/post'))).toBe(false);
		expect(outboxActionAllowed(group, 'GET', at('/g/1?/post'))).toBe(false);
		expect(outboxActionAllowed(null, 'POST', at('/nowhere?/post'))).toBe(false);
	});
});
