// Counts of what is new stop at a cap in the database (they count at most one more than it), so
// they cost the same however much is new: from there the screen says "20+". Apart from
// $lib/counts, whose words for what is new only home needs: the bottom bar is on every page.
export const countCap = 20;

/** A count as the screen says it: the number, or "20+" once it is over the cap. */
export function shownCount(count: number): string {
	return count > countCap ? `${countCap}+` : String(count);
}
