import { m } from '$lib/paraglide/messages';
// Counts of what is new stop at a cap in the database (they count at most one more than it), so
// they cost the same however much is new: from there the screen says "20+".
export const countCap = 20;

/** A count as the screen says it: the number, or "20+" once it is over the cap. */
export function shownCount(count: number): string {
	return count > countCap ? `${countCap}+` : String(count);
}

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
