// The one local platform of this checkout, for `npm run stack`, `npm run dev` and `npm run db:reset`:
// the Supabase CLI's ports, data kept in .local-supabase/ between runs.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startPlatform, type Platform } from './platform';
import { defaultPorts, portInUse } from './ports';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const localDataDir = path.join(root, '.local-supabase', 'db');

export async function startLocalPlatform(options: { reset?: boolean } = {}): Promise<Platform> {
	for (const port of [defaultPorts.api, defaultPorts.db]) {
		if (await portInUse(port)) {
			throw new Error(
				`Port ${port} is already in use. Is \`npm run stack\` or \`npm run dev\` already running?`
			);
		}
	}
	return startPlatform({
		dataDir: localDataDir,
		apiPort: defaultPorts.api,
		dbPort: defaultPorts.db,
		reset: options.reset,
		log: (line) => console.log(`[platform] ${line}`)
	});
}

/** Stops the platform (and anything else given) once on Ctrl-C or a kill, then exits. */
export function stopOnSignal(stop: () => Promise<void>): void {
	let stopping = false;
	const handler = (signal: NodeJS.Signals) => {
		if (stopping) return;
		stopping = true;
		console.log(`\n${signal}: stopping…`);
		stop().finally(() => process.exit(0));
	};
	process.on('SIGINT', handler);
	process.on('SIGTERM', handler);
	process.on('SIGHUP', handler);
}
