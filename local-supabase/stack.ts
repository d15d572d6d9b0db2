// `npm run stack`: only the local platform, in the foreground, like `supabase start` + `supabase status`.
import { statusLines } from './platform';
import { startLocalPlatform, stopOnSignal } from './local';

const platform = await startLocalPlatform();
stopOnSignal(platform.stop);
console.log(statusLines(platform).join('\n'));
console.log('Press Ctrl-C to stop.');
