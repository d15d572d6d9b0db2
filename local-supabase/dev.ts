// `npm run dev`: the local platform and the app together; Ctrl-C stops both. With
// PUBLIC_SUPABASE_URL set, only the app starts, against that project.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { startLocalPlatform, stopOnSignal } from './local';
import { demoSignIns } from './demo';

const require = createRequire(import.meta.url);
const appPort = Number(process.env.PORT ?? 5173);
const started = performance.now();

const external = process.env.PUBLIC_SUPABASE_URL;
const platform = external ? undefined : await startLocalPlatform();

const app = spawn(
	process.execPath,
	[
		path.join(path.dirname(require.resolve('vite/package.json')), 'bin/vite.js'),
		'dev',
		'--host',
		'127.0.0.1',
		'--port',
		String(appPort),
		'--strictPort'
	],
	{
		stdio: ['inherit', 'pipe', 'inherit'],
		env: {
			...process.env,
			...(platform && {
				PUBLIC_SUPABASE_URL: platform.apiUrl,
				PUBLIC_SUPABASE_ANON_KEY: platform.anonKey,
				SUPABASE_SECRET_KEY: platform.secretKey
			})
		}
	}
);
process.on('exit', () => app.kill('SIGTERM'));

let announced = false;
app.stdout?.on('data', (chunk: Buffer) => {
	process.stdout.write(chunk);
	if (!announced && chunk.toString().includes('Local:')) {
		announced = true;
		const seconds = ((performance.now() - started) / 1000).toFixed(1);
		console.log(`\nKring runs at http://127.0.0.1:${appPort} (ready in ${seconds} s)`);
		if (platform) {
			console.log(`Local Supabase API: ${platform.apiUrl}`);
			console.log('Demo sign-ins (email / password):');
			for (const line of demoSignIns)
				console.log(`  ${line.email} / ${line.password} — ${line.who}`);
		}
	}
});

const stopAll = async () => {
	if (app.exitCode === null) {
		await new Promise<void>((resolve) => {
			app.once('exit', () => resolve());
			app.kill('SIGTERM');
		});
	}
	await platform?.stop();
};
stopOnSignal(stopAll);
app.once('exit', (code) => {
	void (platform?.stop() ?? Promise.resolve()).finally(() => process.exit(code ?? 0));
});
