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

test('the demo has meetups to come, with answers and a member without a phone', async () => {
	const sb = client();
	await sb.auth.signInWithPassword({ email: 'lid@kring.test', password: 'kring-demo' });
	const { data: meetups } = await sb
		.from('meetups')
		.select('id, title, starts_at, series_id')
		.gt('starts_at', new Date().toISOString())
		.order('starts_at');
	expect(meetups?.filter((m) => m.title === 'Praatcafé').length).toBe(13);
	const { data: mine } = await sb.from('rsvps').select('status, childcare_children');
	expect(mine).toEqual([{ status: 'going', childcare_children: 2 }]);
	const { data: maria } = await sb
		.from('group_members')
		.select('without_phone')
		.eq('nickname', 'Maria');
	expect(maria).toEqual([{ without_phone: true }]);
});
