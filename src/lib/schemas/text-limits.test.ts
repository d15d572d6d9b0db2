// A text over its limit is refused in words that say the limit, not cut: the form keeps it.
import { describe, expect, it } from 'vitest';
import { lengthOf } from '$lib/components/length-counter';
import { m } from '$lib/paraglide/messages';
import { reportSchema } from './moderation';
import { commentSchema, postSchema } from './posts';

const clientId = '00000000-0000-4000-8000-000000000001';
const story = 'Dit is mijn verhaal. '.repeat(100).slice(0, 2100);

describe('a text over its limit', () => {
	it('a pasted post of 2,100 characters is refused with the post message', () => {
		const sent = postSchema.safeParse({ client_id: clientId, body: story });
		expect(sent.success).toBe(false);
		expect(sent.error?.issues[0].message).toBe(m.error_post_too_long());
	});

	it('an answer of 2,100 characters is refused, one of 2,000 is taken', () => {
		expect(commentSchema.safeParse({ client_id: clientId, body: story }).success).toBe(false);
		const fits = commentSchema.safeParse({ client_id: clientId, body: story.slice(0, 2000) });
		expect(fits.success).toBe(true);
	});

	it('report words over 1,000 characters are refused with the limit of report words', () => {
		const sent = reportSchema.safeParse({
			client_id: clientId,
			reason: 'other',
			post: clientId,
			body: story.slice(0, 1001)
		});
		expect(sent.success).toBe(false);
		expect(sent.error?.issues[0].message).toBe(m.report_words_too_long());
	});

	it('the counter counts as the schemas do: spaces around the text do not count', () => {
		const padded = `  ${story.slice(0, 2000)}  `;
		expect(lengthOf(padded)).toBe(2000);
		expect(postSchema.safeParse({ client_id: clientId, body: padded }).success).toBe(true);
	});
});
