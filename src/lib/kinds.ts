// The kinds of posts and reactions, in the order the screens show them. Kept apart from the
// schemas so that pages can list them without shipping the validation library to the phone.
export const postKinds = ['story', 'question', 'tip', 'looking_for', 'offering'] as const;
export const reactionKinds = ['recognise', 'support', 'thanks'] as const;
// Why a member reports something, in the order the report menu offers them.
export const reportReasons = [
	'disrespectful',
	'left_out',
	'private_info',
	'unsafe',
	'spam',
	'other'
] as const;
