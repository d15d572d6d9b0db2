// The people of the end-to-end journeys: each on their own phone (a browser context), signing
// in with a demo account from supabase/seed.sql or joining the Ghent group as a newcomer; and
// the meetups they find, made by a host through the app's database function.
import { randomUUID } from 'node:crypto';
import { devices, type Browser, type Page } from '@playwright/test';
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '../../src/lib/database.types';
import { expect } from './fixtures';

/** From the seed: Praatgroep Gent (Els moderates it, Karim is a member) and its invite link. */
export const gent = 'b187c24e-c692-5358-a6d3-adf9a325f2eb';
export const ghentInvite = '/join/dEmO-k7Qx2LpN9vR4sT8wYz3';

export async function phone(browser: Browser): Promise<Page> {
	const context = await browser.newContext({ ...devices['Pixel 7'], locale: 'nl-BE' });
	return context.newPage();
}

export async function signIn(page: Page, email: string): Promise<void> {
	await page.goto('/signin');
	await page.getByLabel('E-mailadres', { exact: true }).fill(email);
	await page.getByLabel('Wachtwoord', { exact: true }).fill('kring-demo');
	await page.getByRole('button', { name: 'Aanmelden' }).click();
	await expect(page).toHaveURL(/\/home$/);
}

/** A newcomer joins the Ghent group with a nickname only, as the invite link lets them. */
export async function joinGhent(page: Page, nickname: string): Promise<void> {
	await page.goto(ghentInvite);
	await page.getByLabel('Bijnaam').fill(nickname);
	await page.getByLabel('Ik ga akkoord met deze afspraken').check();
	await page.getByRole('button', { name: 'Ik doe mee' }).click();
	// Exactly: the join page's own heading ("Welkom bij Praatgroep Gent") holds the name too.
	await expect(
		page.getByRole('heading', { level: 1, name: 'Praatgroep Gent', exact: true })
	).toBeVisible();
}

type MeetupFields = Database['public']['Functions']['create_meetup']['Args'];

/** A two-hour meetup in a park, made by a host; what a spec gives replaces the defaults. */
export async function createMeetup(
	host: SupabaseClient,
	fields: Pick<MeetupFields, 'target_group' | 'title' | 'starts_at'> & Partial<MeetupFields>
): Promise<string> {
	const { data, error } = await host.rpc('create_meetup', {
		client_id: randomUUID(),
		description: 'We wandelen samen en drinken daarna koffie.',
		ends_at: new Date(Date.parse(fields.starts_at) + 2 * 3_600_000).toISOString(),
		place: 'Citadelpark, ingang Kunstlaan, 9000 Gent',
		online_url: null,
		cost: null,
		childcare: false,
		transport_help: false,
		wheelchair_access: true,
		languages: ['nl'],
		open_to: 'group',
		capacity: null,
		...fields
	});
	expect(error).toBeNull();
	return data as string;
}

/** A plain answer with no needs; gives back where the person stands (going, waiting…). */
export async function rsvp(
	person: SupabaseClient,
	meetup: string,
	status: Database['public']['Enums']['rsvp_status']
): Promise<string> {
	const { data, error } = await person.rpc('rsvp', {
		client_id: randomUUID(),
		meetup,
		status,
		childcare_children: 0,
		transport_help: false,
		cost_is_a_problem: false,
		note: ''
	});
	expect(error).toBeNull();
	return data as string;
}
