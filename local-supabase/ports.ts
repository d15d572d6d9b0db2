import net from 'node:net';
import { supabaseConfig } from './config';

/** The ports of supabase/config.toml (the CLI's 54321 and 54322), so `supabase status` habits carry over. */
export const defaultPorts = {
	api: supabaseConfig().api.port,
	db: supabaseConfig().db.port
} as const;

/** A port that nothing listens on right now, chosen by the kernel. */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() =>
				typeof address === 'object' && address
					? resolve(address.port)
					: reject(new Error('no port'))
			);
		});
	});
}

/** Whether something already listens on the port (a second `npm run dev`, for instance). */
export function portInUse(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = net.connect({ port, host: '127.0.0.1' });
		socket.once('connect', () => {
			socket.destroy();
			resolve(true);
		});
		socket.once('error', () => resolve(false));
	});
}
