import { m } from '$lib/paraglide/messages';
import { shownCount } from '$lib/shown-count';

export { countCap, shownCount } from '$lib/shown-count';

/**
 * What is new in a group, in full ("3 nieuwe berichten en 1 nieuw antwoord sinds je laatste
 * bezoek"): one of a kind is singular, a kind with nothing new is left out.
 */
export function newSinceLastVisit(posts: number, comments: number): string {
	const parts = [
		posts === 1
			? m.home_new_posts_one()
			: posts > 1 && m.home_new_posts_many({ count: shownCount(posts) }),
		comments === 1
			? m.home_new_answers_one()
			: comments > 1 && m.home_new_answers_many({ count: shownCount(comments) })
	].filter((part) => typeof part === 'string');
	const news =
		parts.length === 2 ? m.home_new_both({ posts: parts[0], answers: parts[1] }) : parts[0];
	return news ? m.home_new_since({ news }) : '';
}
