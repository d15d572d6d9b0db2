// The database refuses with short codes (raise exception 'invite_expired'); people read words.
import { m } from '$lib/paraglide/messages';

const words: Record<string, () => string> = {
	invite_not_found: m.join_invalid,
	invite_expired: m.join_expired,
	invite_revoked: m.join_revoked,
	invite_used_up: m.join_used_up,
	removed_from_group: m.join_removed,
	claim_already_member: m.error_claim_already_member,
	rules_not_accepted: m.error_rules_not_accepted,
	nickname_invalid: m.error_nickname_required,
	last_moderator: m.error_last_moderator,
	invite_expiry_invalid: m.error_invite_expiry,
	invite_uses_invalid: m.error_invite_uses,
	not_allowed: m.meetup_error_not_allowed,
	meetup_cancelled: m.meetup_cancelled_banner,
	rsvp_closed: m.rsvp_closed,
	rsvp_status_invalid: m.rsvp_error_choose,
	rsvp_children_invalid: m.rsvp_error_children,
	rsvp_note_too_long: m.rsvp_error_note_long
};

export function explainDatabaseError(error: { message: string; code?: string } | null): string {
	if (!error) return '';
	if (error.code === '23514') return m.error_post_too_long();
	return (words[error.message] ?? m.error_something_wrong)();
}
