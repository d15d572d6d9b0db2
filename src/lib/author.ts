// Who wrote a post or an answer, in the words shown after "door": the same for both.
import { m } from '$lib/paraglide/messages';

export interface Written {
	is_mine: boolean | null;
	anonymous: boolean | null;
	/** Null for someone else's unnamed item; moderators get the name with `anonymous`. */
	author_name: string | null;
}

export function authorWords(item: Written): string {
	// The writer of an unnamed item checks that it worked: they see what the others see.
	if (item.is_mine) return item.anonymous ? m.post_you_unnamed() : m.post_you();
	if (item.anonymous && item.author_name) {
		return m.post_anonymous_for_moderator({ name: item.author_name });
	}
	return item.author_name ?? m.post_a_member();
}
