import { describe, expect, test } from 'vitest';
import { reasonText } from './moderation';
import { moderatorReplySchema, muteSchema, reasonSchema, removeSchema } from './schemas/moderator';
import { overwriteGetLocale } from '$lib/paraglide/runtime';

overwriteGetLocale(() => 'nl');

describe('the reason a member reads', () => {
	test('is the picked sentence, then the moderator’s own words', () => {
		expect(reasonText({ pick: 'left_out', words: '' })).toBe(
			'Hierdoor voelt iemand zich buitengesloten.'
		);
		expect(reasonText({ pick: 'left_out', words: 'Iedereen mag mee.' })).toBe(
			'Hierdoor voelt iemand zich buitengesloten. Iedereen mag mee.'
		);
		expect(reasonText({ pick: 'own', words: 'Zo praten we niet tegen elkaar.' })).toBe(
			'Zo praten we niet tegen elkaar.'
		);
	});
});

describe('a moderator’s form', () => {
	const member = '6f1c1a36-8c5b-4d0a-9a86-2b8f3c1d2e4f';

	test('is refused without a reason, and with "own words" but no words', () => {
		expect(reasonSchema.safeParse({ member }).error?.issues[0].path).toEqual(['pick']);
		const own = reasonSchema.safeParse({ member, pick: 'own', words: '  ' });
		expect(own.error?.issues[0]).toMatchObject({
			path: ['words'],
			message: 'Schrijf de reden in je eigen woorden.'
		});
		expect(reasonSchema.safeParse({ member, pick: 'spam' }).success).toBe(true);
	});

	test('mutes for 1, 7 or 30 days only', () => {
		for (const days of ['1', '7', '30']) {
			expect(muteSchema.safeParse({ member, pick: 'rules', days }).success).toBe(true);
		}
		expect(muteSchema.safeParse({ member, pick: 'rules', days: '365' }).success).toBe(false);
	});

	test('removes only once the moderator ticked that they are sure', () => {
		expect(removeSchema.safeParse({ member, pick: 'unsafe' }).error?.issues[0].path).toEqual([
			'sure'
		]);
		expect(removeSchema.safeParse({ member, pick: 'unsafe', sure: 'yes' }).success).toBe(true);
	});

	test('sends no empty message', () => {
		const client_id = member;
		expect(moderatorReplySchema.safeParse({ client_id, body: ' ' }).success).toBe(false);
		expect(moderatorReplySchema.safeParse({ client_id, body: 'Dag!' }).success).toBe(true);
	});
});
