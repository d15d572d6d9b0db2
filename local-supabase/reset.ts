// `npm run db:reset`: a new database with every migration and the seed, like `supabase db reset`.
import { startDatabase } from './database';
import { localDataDir } from './local';
import { defaultPorts, portInUse } from './ports';

if (await portInUse(defaultPorts.db)) {
	console.error('Stop `npm run dev` or `npm run stack` first: the database is in use.');
	process.exit(1);
}
const database = await startDatabase({
	dataDir: localDataDir,
	port: defaultPorts.db,
	reset: true,
	log: (line) => console.log(`[platform] ${line}`)
});
await database.stop();
console.log('Database recreated: every migration and the seed applied.');
