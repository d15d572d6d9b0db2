// The choices on the meetup form, in a module of their own so the form's page can list them
// without loading the validation library in the browser.
export const audiences = ['group', 'organisation', 'public'] as const;
export const repeats = ['once', 'weekly', 'every_two_weeks', 'monthly_nth_weekday'] as const;
export const spokenLanguages = ['nl', 'fr', 'en'] as const;
