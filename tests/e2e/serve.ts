// The server Playwright tests against: a private local platform (new database, free ports) and
// the production build of the app, so the tests never touch a running `npm run dev`.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startPlatform } from '../../local-supabase/platform';
import { freePort } from '../../local-supabase/ports';
import { stopOnSignal } from '../../local-supabase/local';

const port = Number(process.env.KRING_E2E_PORT);
const dataDir = path.join(tmpdir(), `kring-e2e-${randomBytes(6).toString('hex')}`);
const origin = `http://127.0.0.1:${port}`;

const platform = await startPlatform({
	dataDir,
	apiPort: await freePort(),
	dbPort: await freePort(),
	siteUrl: origin,
	// Every sign-in of every test comes from this one app server's address.
	rateLimit: { signInPerIpPer5Min: 100_000, signInPerEmailPer5Min: 1_000 }
});

const app = spawn(process.execPath, ['build'], {
	stdio: 'inherit',
	env: {
		...process.env,
		HOST: '127.0.0.1',
		PORT: String(port),
		ORIGIN: origin,
		PUBLIC_SUPABASE_URL: platform.apiUrl,
		PUBLIC_SUPABASE_ANON_KEY: platform.anonKey,
		KRING_E2E_DB_URL: platform.dbUrl
	}
});
process.on('exit', () => app.kill('SIGTERM'));

const stopAll = async () => {
	app.kill('SIGTERM');
	await platform.stop();
	await rm(dataDir, { recursive: true, force: true });
};
stopOnSignal(stopAll);
app.once('exit', () => void stopAll().finally(() => process.exit(1)));
