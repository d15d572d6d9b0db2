// Where I stand for a meetup, in words: "Je komt", "Je staat op de wachtlijst (plaats 2)".
import { m } from '$lib/paraglide/messages';
import type { Database } from '$lib/database.types';

type RsvpStatus = Database['public']['Enums']['rsvp_status'];

export function standingInWords(status: RsvpStatus | null, waitingPlace: number | null): string {
	switch (status) {
		case 'going':
			return m.rsvp_you_going();
		case 'maybe':
			return m.rsvp_you_maybe();
		case 'waiting':
			return m.rsvp_you_waiting({ place: waitingPlace ?? 0 });
		case 'not_going':
			return m.rsvp_you_not_going();
		default:
			return '';
	}
}

/**
 * Whether a meetup costs nothing: no cost given (the database's own "free"), or a host who typed
 * it anyway ("Gratis", "0 €"; the meetup forms store those as no cost, meetupRecord). Then the
 * RSVP asks no question about the price.
 */
export function meetupIsFree(cost: string | null | undefined): boolean {
	const said = (cost ?? '').toLowerCase().replace(/[\s€.,!]/g, '');
	return /^(0*|gratis|gratuit|gratuite|free)$/.test(said);
}
