import { describe, expect, test } from 'vitest';
import { newSinceLastVisit, shownCount } from './counts';
import { overwriteGetLocale } from '$lib/paraglide/runtime';

describe('shownCount', () => {
	test('says the number up to the cap, and "20+" past it', () => {
		expect(shownCount(0)).toBe('0');
		expect(shownCount(20)).toBe('20');
		expect(shownCount(21)).toBe('20+');
		expect(shownCount(40)).toBe('20+');
	});
});

describe('what is new in a group, read out in full', () => {
	test.each([
		[
			'nl',
			'1 nieuw antwoord sinds je laatste bezoek',
			'3 nieuwe berichten en 1 nieuw antwoord sinds je laatste bezoek',
			'1 nieuw bericht en 20+ nieuwe antwoorden sinds je laatste bezoek'
		],
		[
			'fr',
			'1 nouvelle réponse depuis ta dernière visite',
			'3 nouveaux messages et 1 nouvelle réponse depuis ta dernière visite',
			'1 nouveau message et 20+ nouvelles réponses depuis ta dernière visite'
		],
		[
			'en',
			'1 new answer since your last visit',
			'3 new posts and 1 new answer since your last visit',
			'1 new post and 20+ new answers since your last visit'
		]
	] as const)(
		'in %s, one of a kind is singular and none is left out',
		(locale, answer, both, many) => {
			overwriteGetLocale(() => locale);
			expect(newSinceLastVisit(0, 1)).toBe(answer);
			expect(newSinceLastVisit(3, 1)).toBe(both);
			expect(newSinceLastVisit(1, 21)).toBe(many);
			expect(newSinceLastVisit(2, 0)).not.toMatch(/0/);
		}
	);
});
