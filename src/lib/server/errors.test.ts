// Every refusal the database can raise reaches a person in words, not as "something went wrong".
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { explainDatabaseError, hasWords } from './errors';
import { m } from '$lib/paraglide/messages';
import { locales, setLocale } from '$lib/paraglide/runtime';

const migrations = path.resolve('supabase/migrations');

/** Every code a migration raises with `raise exception 'code'`. */
function raisedCodes(): string[] {
	const codes = new Set<string>();
	for (const file of readdirSync(migrations).filter((name) => name.endsWith('.sql'))) {
		const sql = readFileSync(path.join(migrations, file), 'utf8');
		for (const [, code] of sql.matchAll(/raise\s+exception\s+'([^'%\s]+)'/gi)) codes.add(code);
	}
	return [...codes].sort();
}

describe('database refusals in words', () => {
	test('the migrations raise codes (so the check below reads them)', () => {
		expect(raisedCodes()).toContain('not_allowed');
	});

	test('every code a migration raises has its own words', () => {
		expect(raisedCodes().filter((code) => !hasWords(code))).toEqual([]);
	});

	test.each(locales)('in %s, none of them falls back to "something went wrong"', (locale) => {
		setLocale(locale, { reload: false });
		const fallback = m.error_something_wrong();
		for (const code of raisedCodes()) {
			const words = explainDatabaseError({ message: code });
			expect(words, code).not.toBe(fallback);
			expect(words, code).not.toBe('');
		}
	});
});
