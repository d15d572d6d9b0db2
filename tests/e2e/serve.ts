// Playwright's web server: the built app on its own platform, never a running `npm run dev`.
// It leaves the platform's address for the specs (see platform-file.ts).
import { writeFile } from 'node:fs/promises';
import { stopOnSignal } from '../../local-supabase/local';
import { startBuiltApp } from '../../scripts/built-app';
import { forgetPlatform, platformFile } from './platform-file';

const port = Number(process.env.KRING_E2E_PORT);
// Every phone of the specs comes from 127.0.0.1: the counts per address are lifted (the limits
// themselves are tested on an app of their own, no-one-can-block-signing-in-or-joining.spec.ts).
const app = await startBuiltApp({ port, env: { KRING_ALL_FROM_ONE_ADDRESS: '1' } });
const { apiUrl, anonKey, dbUrl } = app.platform;
await writeFile(platformFile(port), JSON.stringify({ apiUrl, anonKey, dbUrl }));
stopOnSignal(async () => {
	await forgetPlatform(port);
	await app.stop();
});
console.log(`e2e app ready at ${app.url}`);
