import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import { freePort } from './local-supabase/ports';

// The app gets a port chosen once here, so it never clashes with `npm run dev`; workers inherit it.
process.env.KRING_E2E_PORT ??= String(await freePort());
const port = Number(process.env.KRING_E2E_PORT);

// Debian's Chromium where it is installed (Playwright's download can't run everywhere),
// Playwright's own browser otherwise.
const systemChromium = '/usr/bin/chromium';

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: false,
	workers: 1,
	forbidOnly: !!process.env.CI,
	retries: 0,
	timeout: 60_000,
	expect: { timeout: 10_000 },
	reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
	use: {
		baseURL: `http://127.0.0.1:${port}`,
		trace: 'retain-on-failure',
		locale: 'nl-BE',
		// The journeys test the pages themselves; those about the service worker turn it on.
		serviceWorkers: 'block'
	},
	projects: [
		{
			name: 'phone',
			use: {
				...devices['Pixel 7'],
				launchOptions: {
					executablePath: existsSync(systemChromium) ? systemChromium : undefined,
					args: [
						'--no-sandbox',
						'--disable-gpu',
						'--no-first-run',
						'--disable-background-networking',
						'--disable-component-update',
						'--disable-sync'
					]
				}
			}
		}
	],
	webServer: {
		command: 'tsx tests/e2e/serve.ts',
		url: `http://127.0.0.1:${port}/`,
		timeout: 120_000,
		reuseExistingServer: false,
		stdout: 'pipe',
		stderr: 'pipe'
	}
});
