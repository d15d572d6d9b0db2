// What anyone without an account may see of an organisation (public_organisation in SQL): its
// public page, the calendar feed of its open activities and the list it embeds on its own site.
import type { Database } from '$lib/database.types';
import { calendarFile } from '$lib/server/calendar';
import { outage } from '$lib/server/outage';
import type { SupabaseClient } from '@supabase/supabase-js';

type Locale = 'nl' | 'fr' | 'en';

export interface PublicGroup {
	id: string;
	name: string;
	description: string;
	language: string;
	join_policy: 'request';
}

/** A meetup open to anyone. The database gives how many come only when that is 5 or more. */
export interface PublicActivity {
	id: string;
	title: string;
	description: string;
	starts_at: string;
	ends_at: string;
	updated_at: string;
	place: string | null;
	online_url: string | null;
	cost: string | null;
	childcare: boolean;
	transport_help: boolean;
	wheelchair_access: boolean;
	languages: string[];
	/** Both left out (null) under 5 places, where together they would tell how many come. */
	capacity: number | null;
	full: boolean | null;
	coming: number | null;
	places_left: number | null;
}

export interface PublicOrganisation {
	name: string;
	slug: string;
	description: string;
	address: string;
	contact: string;
	languages: Locale[];
	colour: string;
	initials: string;
	groups: PublicGroup[];
	activities: PublicActivity[];
}

/** The shape organisations.slug allows: anything else cannot be one, so the database is spared. */
const slugShape = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export async function publicOrganisation(
	supabase: SupabaseClient<Database>,
	slug: string
): Promise<PublicOrganisation | null> {
	if (slug.length > 100 || !slugShape.test(slug)) return null;
	const { data, error } = await supabase.rpc('public_organisation', { slug });
	if (error) outage(error);
	return data as unknown as PublicOrganisation | null;
}

/** Only the colour and initials (the link preview): organisations are public, read directly. */
export async function organisationLook(
	supabase: SupabaseClient<Database>,
	slug: string
): Promise<{ colour: string; initials: string } | null> {
	if (slug.length > 100 || !slugShape.test(slug)) return null;
	const { data, error } = await supabase
		.from('organisations')
		.select('colour, initials')
		.eq('slug', slug)
		.maybeSingle();
	if (error) outage(error);
	return data;
}

export async function sitemapSlugs(supabase: SupabaseClient<Database>): Promise<string[]> {
	const { data, error } = await supabase.rpc('public_sitemap');
	if (error) outage(error);
	return data.map((row) => row.slug);
}

/** The organisation's public page, where a calendar event links back to. */
export const pagePath = (slug: string) => `/o/${slug}`;

/** The open activities as a calendar file; each event links to its place on the public page. */
export function activitiesCalendar(
	organisation: PublicOrganisation,
	activities: PublicActivity[],
	options: { origin: string; locale: Locale }
): string {
	return calendarFile(
		activities.map((activity) => ({ ...activity, status: 'scheduled' as const })),
		{
			...options,
			name: organisation.name,
			page: (id) => `${options.origin}${pagePath(organisation.slug)}#activity-${id}`
		}
	);
}
