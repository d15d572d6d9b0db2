// Route ids are uuids: anything else is a 404 before a load runs or the database is asked.
import type { ParamMatcher } from '@sveltejs/kit';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const match = ((param: string): param is string => uuid.test(param)) satisfies ParamMatcher;
