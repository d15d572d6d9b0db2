// Playwright's web server: the built app on its own platform, never a running `npm run dev`.
import { stopOnSignal } from '../../local-supabase/local';
import { startBuiltApp } from '../../scripts/built-app';

const app = await startBuiltApp({ port: Number(process.env.KRING_E2E_PORT) });
stopOnSignal(app.stop);
console.log(`e2e app ready at ${app.url}`);
