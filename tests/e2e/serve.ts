// Playwright's web server: the built app on its own platform, never a running `npm run dev`.
// It leaves the platform's address for the specs (see platform-file.ts).
import { writeFile } from 'node:fs/promises';
import { stopOnSignal } from '../../local-supabase/local';
import { startBuiltApp } from '../../scripts/built-app';
import { forgetPlatform, platformFile } from './platform-file';

const port = Number(process.env.KRING_E2E_PORT);
// Every phone of the specs comes from 127.0.0.1: the counts per address are raised (the limits
// themselves are tested on an app of their own, no-one-can-block-signing-in-or-joining.spec.ts).
const app = await startBuiltApp({
	port,
	env: { NEW_ACCOUNTS_PER_ADDRESS_PER_HOUR: '100000', JOINS_PER_ADDRESS_PER_HOUR: '100000' }
});
const { apiUrl, anonKey, dbUrl } = app.platform;
await writeFile(platformFile(port), JSON.stringify({ apiUrl, anonKey, dbUrl }));
stopOnSignal(async () => {
	await forgetPlatform(port);
	await app.stop();
});
console.log(`e2e app ready at ${app.url}`);
