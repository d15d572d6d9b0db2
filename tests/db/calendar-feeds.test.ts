// The personal calendar feed behind a secret token: what a calendar app holding the link gets,
// and that stopping or replacing the link ends it. The .ics file made from these rows is
// checked in src/lib/server/calendar.test.ts and, through the app, in the e2e spec.
import { describe, expect, test } from 'vitest';
import { client, db, signUp, type Person } from '../support/platform';
import {
	joinedMember,
	joinedModerator,
	makeGroup,
	makeInvite,
	membershipId
} from '../support/groups';
import { answered as rsvp, createMeetup } from '../support/meetups';

const day = 86_400_000;
const at = (ms: number) => new Date(ms).toISOString();

async function newFeed(person: Person): Promise<string> {
	const { data, error } = await person.client.rpc('create_calendar_feed');
	expect(error).toBeNull();
	return data as string;
}

/** What a calendar app holding the link gets: the meetup ids and answers, or the refusal. */
async function fetchFeed(token: string) {
	const { data, error } = await client().rpc('calendar_feed', { token });
	if (error) return error.message;
	return (data as Array<{ id: string; my_answer: string; status: string }>).map(
		(row) => `${row.id} ${row.my_answer} ${row.status}`
	);
}

describe('calendar feed', () => {
	test("lists my going, maybe and waiting meetups (cancelled ones marked), never other people's", async () => {
		const group = await makeGroup();
		const host = await joinedModerator(group.id);
		const me = await joinedMember(group.id, 'Ik');
		const other = await joinedMember(group.id, 'Ander');
		const going = await createMeetup(host, group.id, { capacity: 1 });
		const maybe = await createMeetup(host, group.id);
		const waiting = await createMeetup(host, group.id, { capacity: 1 });
		const notGoing = await createMeetup(host, group.id);
		const theirs = await createMeetup(host, group.id);
		const cancelled = await createMeetup(host, group.id);
		await rsvp(me, going, 'going');
		await rsvp(me, maybe, 'maybe');
		await rsvp(other, waiting, 'going');
		await rsvp(me, waiting, 'going');
		await rsvp(me, notGoing, 'not_going');
		await rsvp(other, theirs, 'going');
		await rsvp(me, cancelled, 'going');
		await host.client.rpc('cancel_meetup', { meetup: cancelled });

		const token = await newFeed(me);
		expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(new Set(await fetchFeed(token))).toEqual(
			new Set([
				`${going} going scheduled`,
				`${maybe} maybe scheduled`,
				`${waiting} waiting scheduled`,
				`${cancelled} going cancelled`
			])
		);
		expect(await fetchFeed(await newFeed(other))).not.toContain(`${going} going scheduled`);
	});

	test('keeps meetups of the last 30 days, not older ones', async () => {
		const group = await makeGroup();
		const host = await joinedModerator(group.id);
		const me = await joinedMember(group.id, 'Ik');
		const recent = await createMeetup(host, group.id);
		const old = await createMeetup(host, group.id);
		await rsvp(me, recent, 'going');
		await rsvp(me, old, 'going');
		// Moved into the past directly: RSVPs close when a meetup starts.
		await db().query(`update public.meetups set starts_at = $2, ends_at = $3 where id = $1`, [
			recent,
			at(Date.now() - 29 * day),
			at(Date.now() - 29 * day + 7_200_000)
		]);
		await db().query(`update public.meetups set starts_at = $2, ends_at = $3 where id = $1`, [
			old,
			at(Date.now() - 31 * day),
			at(Date.now() - 31 * day + 7_200_000)
		]);
		expect(await fetchFeed(await newFeed(me))).toEqual([`${recent} going scheduled`]);
	});

	test('a new link stops the old one; stopping the link ends it; only a hash is kept', async () => {
		const group = await makeGroup();
		const host = await joinedModerator(group.id);
		const me = await joinedMember(group.id, 'Ik');
		const meetup = await createMeetup(host, group.id);
		await rsvp(me, meetup, 'going');

		const first = await newFeed(me);
		const second = await newFeed(me);
		expect(second).not.toBe(first);
		expect(await fetchFeed(first)).toBe('calendar_feed_not_found');
		expect(await fetchFeed(second)).toEqual([`${meetup} going scheduled`]);

		const { rows } = await db().query(
			`select encode(token_hash, 'hex') as hash from public.calendar_feeds where user_id = $1`,
			[me.id]
		);
		expect(rows).toHaveLength(1);
		expect(JSON.stringify(rows)).not.toContain(second);
		const { error: secret } = await me.client.from('calendar_feeds').select('token_hash');
		expect(secret).not.toBeNull();

		expect((await me.client.rpc('revoke_calendar_feed')).error).toBeNull();
		expect(await fetchFeed(second)).toBe('calendar_feed_not_found');
		expect(await fetchFeed('')).toBe('calendar_feed_not_found');
		expect(await fetchFeed('x'.repeat(43))).toBe('calendar_feed_not_found');
	});

	test('a meetup of a group I was removed from disappears from my feed', async () => {
		const group = await makeGroup();
		const moderator = await joinedModerator(group.id);
		const me = await joinedMember(group.id, 'Ik');
		const stays = await makeGroup();
		const stayHost = await joinedModerator(stays.id);
		const { error: joined } = await me.client.rpc('accept_invite', {
			invite_code: await makeInvite(stays.id),
			nickname: 'Ik',
			accept_rules: true
		});
		expect(joined).toBeNull();
		const gone = await createMeetup(moderator, group.id);
		const kept = await createMeetup(stayHost, stays.id);
		await rsvp(me, gone, 'going');
		await rsvp(me, kept, 'going');
		const token = await newFeed(me);
		expect(new Set(await fetchFeed(token))).toEqual(
			new Set([`${gone} going scheduled`, `${kept} going scheduled`])
		);

		await moderator.client.rpc('remove_member', { member: await membershipId(group.id, me.id) });
		expect(await fetchFeed(token)).toEqual([`${kept} going scheduled`]);
	});

	test('only a signed-in person makes or stops a link, and only their own', async () => {
		const anonymous = client();
		expect((await anonymous.rpc('create_calendar_feed')).error).not.toBeNull();
		expect((await anonymous.rpc('revoke_calendar_feed')).error).not.toBeNull();
		const owner = await signUp('Eigenaar');
		const other = await signUp('Ander');
		const token = await newFeed(owner);
		expect((await other.client.rpc('revoke_calendar_feed')).error).toBeNull();
		expect(await fetchFeed(token)).toEqual([]);
	});
});
