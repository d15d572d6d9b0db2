// Moderation's French words say what they mean: a few phrasings that read as their opposite or
// as clumsy French slipped in once (issue 10's walk-through), and must not come back.
import { describe, expect, test } from 'vitest';
import fr from '../../messages/fr.json';

const french = fr as Record<string, string>;
const moderation = Object.entries(french).filter(([key]) =>
	/^(report_|leftout_|mymod_|muted_|mod_|moderation_|ask_)/.test(key)
);

describe('French moderation texts', () => {
	test.each([
		// "obligé" is said of a person; an optional field "n'est pas obligatoire".
		["ce n'est pas obligé", /n'est pas obligé/],
		// "Tu ne dois nommer personne" forbids naming anyone; the text means it is not needed.
		['tu ne dois nommer personne', /ne dois nommer personne/i],
		// One is "en pause"; one does not "have" a break given by the moderators.
		['tu as une pause', /tu as une pause/i]
	])('never say "%s"', (_, wrong) => {
		expect(moderation.filter(([, text]) => wrong.test(text))).toEqual([]);
	});
});
