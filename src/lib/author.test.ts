import { describe, expect, it } from 'vitest';
import { authorWords } from './author';
import { m } from '$lib/paraglide/messages';

describe('who wrote it', () => {
	it('the writer of an unnamed post is told what the others see', () => {
		const words = authorWords({ is_mine: true, anonymous: true, author_name: 'Karim' });
		expect(words).toBe(m.post_you_unnamed());
		expect(m.post_by({ name: words }, { locale: 'nl' })).toBe(
			"door jou · de anderen zien 'een lid'"
		);
	});

	it('the writer of a named post sees "jou" alone', () => {
		expect(authorWords({ is_mine: true, anonymous: false, author_name: 'Karim' })).toBe(
			m.post_you()
		);
	});

	it('a moderator sees the name of an unnamed writer, a member sees "een lid"', () => {
		expect(authorWords({ is_mine: false, anonymous: true, author_name: 'Karim' })).toBe(
			m.post_anonymous_for_moderator({ name: 'Karim' })
		);
		expect(authorWords({ is_mine: false, anonymous: true, author_name: null })).toBe(
			m.post_a_member()
		);
	});
});
