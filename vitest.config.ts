import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		projects: [
			{
				extends: './vite.config.ts',
				test: { name: 'unit', include: ['src/**/*.test.ts', 'local-supabase/**/*.test.ts'] }
			},
			{
				test: {
					name: 'platform',
					include: ['tests/db/**/*.test.ts', 'tests/auth/**/*.test.ts'],
					globalSetup: ['tests/support/global-setup.ts'],
					testTimeout: 30_000,
					hookTimeout: 60_000
				}
			}
		]
	}
});
