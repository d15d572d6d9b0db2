// A child process that runs autocannon for bench/load.ts, one run at a time, so the load is
// made outside the process that hosts the gateway and auth service, and without starting a
// worker for every run.
import autocannon, { type Options } from 'autocannon';

process.on('message', (options: Options) => {
	autocannon(options).then(
		(result) => process.send!({ result }),
		(error: Error) => process.send!({ error: error.message })
	);
});
