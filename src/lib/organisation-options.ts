// The choices of the organisation forms, apart from their zod schemas so that the pages can name
// them without sending a validation library to the phone.
export const organisationLanguages = ['nl', 'fr', 'en'] as const;
export const joinPolicies = ['invite_only', 'request', 'open'] as const;

/** The screens of registering an organisation, and the fields each one asks. */
export const registerScreens = [
	['name', 'slug', 'description', 'languages'],
	['address', 'contact'],
	['colour', 'initials']
] as const;
