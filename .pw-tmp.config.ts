import { defineConfig, devices } from '@playwright/test';
export default defineConfig({
	testDir: '/work/main/tests/e2e',
	testMatch: /auth-.*\.spec\.ts/,
	workers: 1,
	timeout: 60_000,
	expect: { timeout: 10_000 },
	reporter: [['list']],
	outputDir: '/tmp/e2e-me/results',
	use: { baseURL: 'http://127.0.0.1:5173', locale: 'nl-BE', trace: 'off' },
	projects: [{ name: 'phone', use: { ...devices['Pixel 7'], launchOptions: { executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--no-first-run','--disable-background-networking','--disable-component-update'] } } }]
});
