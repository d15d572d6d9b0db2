import { expect, test } from 'vitest';
import { demoSignIns } from '../../local-supabase/demo';
import { synthesise } from '../../scripts/synth';
import { client, db, platform } from '../support/platform';

test('the synthetic generator is deterministic: one seed, the same rows', async () => {
	const [groupId] = await synthesise(platform().dbUrl, {
		groups: 1,
		members: 5,
		posts: 30,
		seed: 4242
	});
	const fingerprint = async () =>
		(
			await db().query(
				`select md5(string_agg(p.id::text || p.kind || coalesce(p.author_id::text, '-'), ',' order by p.id)) as f,
					count(*)::int as n from public.posts p where p.group_id = $1`,
				[groupId]
			)
		).rows[0];
	const first = await fingerprint();
	expect(first.n).toBe(30);
	await db().query('delete from public.organisations where slug = $1', ['synth-4242']);
	await db().query(
		`delete from auth.users where raw_user_meta_data ->> 'nickname' like 'Lid %' and created_at = '2026-01-01'`
	);
	const [again] = await synthesise(platform().dbUrl, {
		groups: 1,
		members: 5,
		posts: 30,
		seed: 4242
	});
	expect(again).toBe(groupId);
	expect(await fingerprint()).toEqual(first);
});

test('the demo accounts from the seed can sign in and see their group', async () => {
	for (const account of demoSignIns) {
		const sb = client();
		const { error } = await sb.auth.signInWithPassword({
			email: account.email,
			password: account.password
		});
		expect(error).toBeNull();
		const { data } = await sb.rpc('my_groups');
		expect(data.length).toBeGreaterThan(0);
	}
});
