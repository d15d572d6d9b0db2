// The part of autocannon's API the benchmark uses (the package ships no types).
declare module 'autocannon' {
	export interface Options {
		url: string;
		method?: string;
		headers?: Record<string, string>;
		body?: string;
		connections?: number;
		duration?: number;
		amount?: number;
		workers?: number;
	}
	export interface Result {
		duration: number;
		errors: number;
		timeouts: number;
		non2xx: number;
		requests: { total: number };
		latency: { p50: number; p99: number };
	}
	export default function autocannon(options: Options): Promise<Result>;
}
