// The database refuses with short codes (raise exception 'invite_expired'); people read words.
import { m } from '$lib/paraglide/messages';

const words: Record<string, () => string> = {
	invite_not_found: m.join_invalid,
	// A link that no longer works says only that (see invite_preview).
	invite_expired: m.join_no_longer_works,
	invite_revoked: m.join_no_longer_works,
	invite_used_up: m.join_no_longer_works,
	removed_from_group: m.join_removed,
	claim_already_member: m.error_claim_already_member,
	rules_not_accepted: m.error_rules_not_accepted,
	nickname_invalid: m.error_nickname_required,
	nickname_hidden_characters: m.error_nickname_hidden,
	nickname_of_host_or_moderator: m.error_nickname_of_host_or_moderator,
	nickname_taken: m.error_nickname_taken,
	last_moderator: m.error_last_moderator,
	invite_expiry_invalid: m.error_invite_expiry,
	invite_uses_invalid: m.error_invite_uses,
	invite_limit_reached: m.error_invite_limit,
	role_needs_a_phone: m.error_role_needs_phone,
	without_phone_limit_reached: m.error_without_phone_limit,
	role_change_limit_reached: m.error_role_change_limit,
	not_allowed: m.meetup_error_not_allowed,
	meetup_cancelled: m.meetup_cancelled_banner,
	rsvp_closed: m.rsvp_closed,
	rsvp_status_invalid: m.rsvp_error_choose,
	rsvp_children_invalid: m.rsvp_error_children,
	rsvp_note_too_long: m.rsvp_error_note_long,
	// Hosting (the meetup form, check-in, members without a phone).
	meetup_title_invalid: m.meetupform_error_title,
	meetup_title_hidden_characters: m.org_error_name_hidden,
	meetup_description_too_long: m.meetupform_error_description_long,
	meetup_times_invalid: m.meetupform_error_end,
	meetup_in_the_past: m.meetupform_error_past,
	meetup_place_missing: m.meetupform_error_place,
	meetup_place_invalid: m.meetupform_error_place_long,
	meetup_place_hidden_characters: m.error_text_hidden,
	meetup_online_url_invalid: m.meetupform_error_online,
	meetup_cost_invalid: m.meetupform_error_cost,
	meetup_languages_invalid: m.meetupform_error_languages,
	meetup_capacity_invalid: m.meetupform_error_capacity,
	meetup_repeat_until_invalid: m.meetupform_error_until,
	meetup_series_day_change: m.meetupform_error_day_change,
	not_in_a_series: m.host_error_not_in_series,
	not_a_member: m.host_error_not_a_member,
	not_claimable: m.host_error_not_claimable,
	not_signed_in: m.error_not_signed_in,
	group_not_found: m.error_group_not_found,
	not_pending: m.error_not_pending,
	calendar_feed_not_found: m.error_calendar_feed_not_found,
	// Moderation as the member meets it.
	member_muted: m.muted_refused,
	report_limit_reached: m.report_limit_reached,
	join_request_refused: m.ask_refused_wait,
	report_words_too_long: m.moderation_error_report_words,
	message_invalid: m.moderation_error_message,
	message_limit_reached: m.moderation_error_message_limit,
	// Moderation as the moderators meet it.
	reason_invalid: m.moderation_error_reason,
	mute_days_invalid: m.mod_error_days,
	// Inclusion signals, as the moderators meet them.
	signal_not_found: m.inclusion_error_signal_not_found,
	note_invalid: m.inclusion_error_note,
	settings_invalid: m.inclusion_error_settings,
	// Kind actions and the climate check.
	template_invalid: m.inclusion_error_template,
	meetup_not_found: m.inclusion_error_meetup_not_found,
	buddy_invalid: m.inclusion_error_buddy,
	buddy_already_asked: m.inclusion_error_buddy_already_asked,
	buddy_request_closed: m.inclusion_error_buddy_request_closed,
	answer_request_invalid: m.inclusion_error_answer_request,
	climate_face_invalid: m.inclusion_error_climate_face,
	action_limit_reached: m.inclusion_error_action_limit,
	// Running an organisation.
	email_account_needed: m.org_error_email_account,
	organisation_limit_reached: m.org_error_limit,
	organisation_name_invalid: m.org_error_name,
	organisation_name_hidden_characters: m.org_error_name_hidden,
	organisation_description_too_long: m.org_error_description,
	organisation_address_too_long: m.org_error_address,
	organisation_contact_too_long: m.org_error_contact,
	organisation_address_hidden_characters: m.error_text_hidden,
	organisation_contact_hidden_characters: m.error_text_hidden,
	organisation_languages_invalid: m.org_error_languages,
	organisation_colour_invalid: m.org_error_colour,
	organisation_initials_invalid: m.org_error_initials,
	organisation_initials_hidden_characters: m.error_text_hidden,
	organisation_slug_invalid: m.org_error_slug,
	organisation_slug_reserved: m.org_error_slug_reserved,
	organisation_slug_taken: m.org_error_slug_taken,
	admin_invite_not_found: m.org_error_admin_invite_invalid,
	admin_invite_no_longer_works: m.org_error_admin_invite_used,
	admin_too_new: m.org_error_admin_too_new,
	admin_still_new: m.org_error_admin_still_new,
	moderator_not_yourself: m.org_error_moderator_not_yourself,
	last_admin: m.org_error_last_admin,
	group_name_invalid: m.org_error_group_name,
	group_name_hidden_characters: m.org_error_name_hidden,
	group_description_too_long: m.org_error_group_description,
	group_rules_too_long: m.org_error_group_rules,
	group_language_invalid: m.org_error_group_language,
	// The form makes the group's address from its name; a wrong one is the name's to fix.
	group_slug_invalid: m.org_error_group_name,
	group_join_policy_invalid: m.org_error_group_join_policy,
	group_archived: m.org_group_archived,
	// The impact report.
	report_period_invalid: m.report_impact_period_invalid,
	// Bringing someone along.
	rsvp_guests_invalid: m.bridge_error_guests,
	rsvp_no_place_for_guest: m.bridge_error_no_place_for_guest
};

/** Whether the database's refusal has words of its own (a test holds every raised code to it). */
export const hasWords = (code: string): boolean => Object.hasOwn(words, code);

/** The form field a database refusal is about, so it is said next to that field. */
export const fieldOfRefusal: Record<string, string> = {
	meetup_title_invalid: 'title',
	meetup_title_hidden_characters: 'title',
	meetup_description_too_long: 'description',
	meetup_times_invalid: 'end',
	meetup_in_the_past: 'date',
	meetup_series_day_change: 'date',
	meetup_place_missing: 'place',
	meetup_place_invalid: 'place',
	meetup_place_hidden_characters: 'place',
	meetup_online_url_invalid: 'online_url',
	meetup_cost_invalid: 'cost',
	meetup_languages_invalid: 'languages_other',
	meetup_capacity_invalid: 'capacity',
	meetup_repeat_until_invalid: 'until',
	nickname_invalid: 'nickname',
	nickname_hidden_characters: 'nickname',
	nickname_of_host_or_moderator: 'nickname',
	nickname_taken: 'nickname',
	rsvp_children_invalid: 'childcare_children',
	rsvp_note_too_long: 'note',
	organisation_name_invalid: 'name',
	organisation_name_hidden_characters: 'name',
	organisation_description_too_long: 'description',
	organisation_address_too_long: 'address',
	organisation_contact_too_long: 'contact',
	organisation_address_hidden_characters: 'address',
	organisation_contact_hidden_characters: 'contact',
	organisation_languages_invalid: 'languages',
	organisation_colour_invalid: 'colour',
	organisation_initials_invalid: 'initials',
	organisation_initials_hidden_characters: 'initials',
	organisation_slug_invalid: 'slug',
	organisation_slug_reserved: 'slug',
	organisation_slug_taken: 'slug',
	group_name_invalid: 'name',
	group_name_hidden_characters: 'name',
	group_slug_invalid: 'name',
	group_description_too_long: 'description',
	group_rules_too_long: 'rules',
	group_language_invalid: 'language',
	group_join_policy_invalid: 'join_policy'
};

/**
 * The same, on the screens that run an organisation: there "not allowed" means the person is not
 * (or no longer) an admin of it, not that they left a group.
 */
export function explainOrganisationError(error: { message: string; code?: string } | null): string {
	if (error?.message === 'not_allowed') return m.org_error_not_allowed();
	return explainDatabaseError(error);
}

export function explainDatabaseError(error: { message: string; code?: string } | null): string {
	if (!error) return '';
	if (error.code === '23514') return m.error_post_too_long();
	return (words[error.message] ?? m.error_something_wrong)();
}
