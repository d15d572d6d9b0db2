import { meetupEditSchema, meetupRecord } from '$lib/schemas/meetups';
import { describe, expect, it } from 'vitest';
import { editValues, needsInWords, whoComes, type Answer, type HostedMeetup } from './hosting';

function answer(overrides: Partial<Answer>): Answer {
	return {
		memberId: crypto.randomUUID(),
		nickname: 'Iemand',
		role: 'member',
		withoutPhone: false,
		status: 'going',
		childcareChildren: 0,
		transportHelp: false,
		costIsAProblem: false,
		note: '',
		guests: 0,
		needs: '',
		...overrides
	};
}

describe('needsInWords', () => {
	it('says what the host must arrange, in one sentence', () => {
		expect(
			needsInWords([
				answer({ childcareChildren: 2, transportHelp: true }),
				answer({ childcareChildren: 1, transportHelp: true, costIsAProblem: true }),
				answer({ status: 'maybe' })
			])
		).toBe(
			'3 kinderen hebben opvang nodig, 2 mensen hebben hulp nodig met vervoer, voor 1 persoon is de prijs een probleem.'
		);
	});

	it('uses the singular for one and starts with a capital', () => {
		expect(needsInWords([answer({ childcareChildren: 1 })])).toBe('1 kind heeft opvang nodig.');
		expect(needsInWords([answer({ costIsAProblem: true }), answer({ costIsAProblem: true })])).toBe(
			'Voor 2 mensen is de prijs een probleem.'
		);
	});

	it('counts those who come or may come, not who cannot or who wait', () => {
		expect(
			needsInWords([
				answer({ status: 'not_going', childcareChildren: 4 }),
				answer({ status: 'waiting', transportHelp: true }),
				answer({ status: 'maybe', transportHelp: true })
			])
		).toBe('1 persoon heeft hulp nodig met vervoer.');
		expect(needsInWords([answer({})])).toBe('');
	});
});

describe('editValues', () => {
	const meetup: HostedMeetup = {
		id: crypto.randomUUID(),
		group_id: crypto.randomUUID(),
		group_name: 'Praatgroep Gent',
		title: 'Praatcafé',
		description: '',
		// 14:00–16:00 in Brussels on the Sunday the clocks go back, and a week before.
		starts_at: '2026-10-25T13:00:00+00:00',
		ends_at: '2026-10-25T15:00:00+00:00',
		place: null,
		online_url: 'https://meet.example/kring',
		cost: null,
		childcare: true,
		transport_help: false,
		wheelchair_access: true,
		guests_welcome: true,
		languages: ['nl', 'Arabisch', 'en'],
		open_to: 'organisation',
		capacity: null,
		status: 'scheduled',
		series_id: crypto.randomUUID(),
		occurrence_on: '2026-10-25',
		series: { repeat: 'weekly', repeat_until: '2026-12-20' }
	};

	it('prefills the form with the Brussels clock, and saving unchanged changes nothing', () => {
		const values = editValues(meetup);
		expect(values).toMatchObject({
			date: '2026-10-25',
			start: '14:00',
			end: '16:00',
			place: '',
			cost: '',
			languages: ['nl', 'en'],
			languages_other: 'Arabisch',
			capacity: undefined,
			until: '2026-12-20'
		});
		const record = meetupRecord(meetupEditSchema.parse(values));
		expect(new Date(record.starts_at).getTime()).toBe(new Date(meetup.starts_at).getTime());
		expect(new Date(record.ends_at).getTime()).toBe(new Date(meetup.ends_at).getTime());
		expect(record.languages.sort()).toEqual([...meetup.languages].sort());
		expect(record.capacity).toBeNull();
		expect(record.repeat_until).toBe('2026-12-20');
		expect(record.guests_welcome).toBe(true);
	});
});

describe('whoComes', () => {
	const row = (member_id: string, status: 'going' | 'maybe' | 'waiting' | 'not_going') => ({
		member_id,
		nickname: member_id === 'other-group' ? null : member_id,
		role: member_id === 'other-group' ? null : ('member' as const),
		without_phone: false,
		status,
		childcare_children: 0,
		transport_help: status === 'going',
		cost_is_a_problem: false,
		note: member_id === 'Bo' ? 'Ik ben wat later.' : '',
		guests: member_id === 'Bo' ? 1 : 0
	});
	const member = (id: string, without_phone = false) => ({
		id,
		nickname: id,
		role: 'member' as const,
		without_phone
	});

	it('splits the answers, and lists for check-in who comes first and then the rest of the group', () => {
		const who = whoComes({
			meetup: {} as HostedMeetup,
			answers: [
				row('Wil', 'waiting'),
				row('Bo', 'going'),
				row('other-group', 'maybe'),
				row('Nee', 'not_going')
			],
			checked_in: ['Bo', 'walk-in-elsewhere'],
			members: [member('Ann'), member('Bo'), member('Maria', true), member('Nee'), member('Wil')]
		});
		expect(who.going.map((person) => person.nickname)).toEqual(['Bo']);
		// Bo brings someone: two places.
		expect(who.placesTaken).toBe(2);
		expect(who.maybe.map((person) => person.nickname)).toEqual([null]);
		expect(who.waiting.map((person) => person.nickname)).toEqual(['Wil']);
		expect(who.notGoing.map((person) => person.nickname)).toEqual(['Nee']);
		expect(who.notes.map((person) => person.note)).toEqual(['Ik ben wat later.']);
		expect(who.needs).toBe('1 persoon heeft hulp nodig met vervoer.');
		expect(who.checkIn.map((person) => [person.nickname, person.here])).toEqual([
			['Bo', true],
			[null, false],
			['Wil', false],
			['Ann', false],
			['Maria', false],
			['Nee', false]
		]);
		expect(who.hereCount).toBe(2);
		expect(who.withoutPhone).toEqual([{ id: 'Maria', nickname: 'Maria' }]);
	});
});
