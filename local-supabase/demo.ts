// The demo accounts that supabase/seed.sql creates, printed by `npm run dev`.
export const demoSignIns = [
	{ email: 'moderator@kring.test', password: 'kring-demo', who: 'moderator of the demo groups' },
	{ email: 'lid@kring.test', password: 'kring-demo', who: 'a member' }
] as const;
