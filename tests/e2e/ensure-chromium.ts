// Debian's Chromium when it is there; otherwise Playwright's own, downloaded once.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

if (!existsSync('/usr/bin/chromium') && !existsSync(chromium.executablePath())) {
	console.log('No Chromium found: installing Playwright’s own.');
	execFileSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit' });
}
