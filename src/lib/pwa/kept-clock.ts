// A page kept on the phone says "zonet" and "morgen" as the server wrote them when it was kept.
// Shown later (offline, or the server slow or failing), a page kept last week would still say a
// meetup is "morgen": those words are written again from the moments themselves, for now, and the
// banner says on which day the page was kept when that was not today. Loaded only for a kept page
// (PwaStatus.svelte), so the pages themselves carry no date formatting.
import { m } from '$lib/paraglide/messages';
import { meetupMoment, meetupWhen, timeAgo } from '$lib/time';

export interface KeptClock {
	/** "2 uur geleden", from now. */
	ago(when: string): string;
	/** "vandaag 14:00–16:00", from now. */
	when(startsAt: string, endsAt: string): string;
	/** When the page was kept: "om 14:32" today, else "zaterdag 28 november om 14:32". */
	keptAt(savedAt: Date): string;
}

const brussels = 'Europe/Brussels';

export function keptClock(locale: string, now = new Date()): KeptClock {
	const day = (moment: Date) => moment.toLocaleDateString('en-CA', { timeZone: brussels });
	const clock = new Intl.DateTimeFormat(locale, {
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23',
		timeZone: brussels
	});
	const language = { locale: locale as 'nl' | 'fr' | 'en' };
	return {
		ago: (when) => timeAgo(when, locale, now),
		when: (startsAt, endsAt) => meetupWhen(startsAt, endsAt, locale, now),
		keptAt: (savedAt) =>
			day(savedAt) === day(now)
				? m.pwa_kept_at_time({ time: clock.format(savedAt) }, language)
				: meetupMoment(savedAt, locale)
	};
}
