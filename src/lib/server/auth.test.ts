import { describe, expect, test } from 'vitest';
import { comeBackTo, safeRedirect } from './auth';

describe('safeRedirect', () => {
	test('keeps a path inside Kring, with its query', () => {
		expect(safeRedirect('/g/abc?before=1')).toBe('/g/abc?before=1');
	});
	test.each([
		'//example.com',
		'/\\example.com',
		'/\t/example.com',
		'https://example.com/home',
		'javascript:alert(1)',
		'/.//example.com',
		'/..//example.com',
		'/%2e//example.com'
	])('refuses %j, which a browser would take elsewhere', (target) => {
		expect(safeRedirect(target)).toBe('/home');
	});
	test('falls back when there is no target', () => {
		expect(safeRedirect(null, '/')).toBe('/');
	});
});

describe('comeBackTo', () => {
	const at = (query: string) => new URL(`http://127.0.0.1/signin${query}`);
	test('carries a page of Kring on, and nothing else', () => {
		expect(comeBackTo(at('?redirectTo=%2Fm%2Fabc'))).toBe('/m/abc');
		expect(comeBackTo(at('?redirectTo=https%3A%2F%2Fexample.com'))).toBeNull();
		expect(comeBackTo(at('?redirectTo=%2F%2Fexample.com'))).toBeNull();
		expect(comeBackTo(at(''))).toBeNull();
	});
});
